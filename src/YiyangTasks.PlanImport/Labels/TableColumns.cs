namespace YiyangTasks.PlanImport;

/// <summary>What a column of a task table holds, as its header says (序号, 工作任务, 牵头单位, 配合单位, 完成时限 …).</summary>
internal enum ColumnRole { Number, Task, Responsible, Lead, Cooperating, Deadline, Other }

/// <summary>Reads a task table's header cells into column roles.</summary>
internal static class TableColumns
{
    private static readonly (string Header, ColumnRole Role)[] Headers =
    [
        ("序号", ColumnRole.Number), ("编号", ColumnRole.Number), ("number", ColumnRole.Number), ("no.", ColumnRole.Number), ("no", ColumnRole.Number), ("#", ColumnRole.Number),
        ("牵头单位", ColumnRole.Lead), ("牵头部门", ColumnRole.Lead), ("主办单位", ColumnRole.Lead), ("lead", ColumnRole.Lead), ("lead units", ColumnRole.Lead),
        ("配合单位", ColumnRole.Cooperating), ("配合部门", ColumnRole.Cooperating), ("协办单位", ColumnRole.Cooperating), ("参与单位", ColumnRole.Cooperating),
        ("cooperating", ColumnRole.Cooperating), ("cooperating units", ColumnRole.Cooperating),
        ("负责单位", ColumnRole.Responsible), ("责任单位", ColumnRole.Responsible), ("责任部门", ColumnRole.Responsible), ("负责部门", ColumnRole.Responsible),
        ("指导部门", ColumnRole.Responsible), ("责任主体", ColumnRole.Responsible), ("实施单位", ColumnRole.Responsible), ("units", ColumnRole.Responsible),
        ("完成时限", ColumnRole.Deadline), ("完成时间", ColumnRole.Deadline), ("时间节点", ColumnRole.Deadline), ("时间要求", ColumnRole.Deadline),
        ("时限", ColumnRole.Deadline), ("进度安排", ColumnRole.Deadline), ("deadline", ColumnRole.Deadline),
        ("工作任务", ColumnRole.Task), ("重点任务", ColumnRole.Task), ("主要任务", ColumnRole.Task), ("具体任务", ColumnRole.Task), ("任务内容", ColumnRole.Task),
        ("工作内容", ColumnRole.Task), ("工作措施", ColumnRole.Task), ("主要措施", ColumnRole.Task), ("任务", ColumnRole.Task), ("task", ColumnRole.Task),
    ];

    /// <summary>The role a header cell names, or null when it is no header word at all.</summary>
    public static ColumnRole? RoleOf(string header)
    {
        var h = WithoutRemark(header.Trim().Trim('\u3000', '|', '"').Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant());
        if (h.Length == 0 || h.Length > 12) return null;
        foreach (var (name, role) in Headers)
        {
            if (h == name) return role;
        }
        if (h is "备注" or "remarks" or "note" or "notes" or "分类" or "类别" or "序列") return ColumnRole.Other;
        // Any other header read by its words: 主责单位, 协同单位, 落实部门, 责任处室 (see ResponsibilityWords.RoleOfLabel).
        switch (ResponsibilityWords.RoleOfLabel(h))
        {
            case PartyRole.Lead: return ColumnRole.Lead;
            case PartyRole.Cooperate: return ColumnRole.Cooperating;
            case PartyRole.Responsible: return ColumnRole.Responsible;
            case PartyRole.Time: return ColumnRole.Deadline;
            case PartyRole.Person: return ColumnRole.Other;
        }
        if (h.Length <= 8 && TaskWords.Any(w => h.Contains(w, StringComparison.Ordinal))) return ColumnRole.Task;
        return null;
    }

    // 考核指标 (谯城 民政 分解) and 主要指标 hold the task in a 目标责任 table.
    private static readonly string[] TaskWords = ["任务", "工作", "内容", "措施", "事项", "举措", "要点", "目标", "项目", "指标"];

    // A header's bracketed remark is not its name: 重点工作任务(民生实事项目), 进展情况(一季度) (西湖 2024 民生实事).
    private static string WithoutRemark(string h)
    {
        // 2023年重点工作任务: the year before a header word is no part of it.
        var year = 0;
        while (year < h.Length && year < 5 && char.IsAsciiDigit(h[year])) year++;
        if (year == 4 && year + 2 < h.Length && h[year] == '年') h = h[(year + 1)..];
        if (h.Length < 4 || h[^1] is not (')' or '）')) return h;
        var open = h.LastIndexOfAny(['(', '（']);
        return open >= 2 ? h[..open] : h;
    }

    /// <summary>A neutral section column (负责科室, 责任处室) beside a lead column names the lead's own section, not a party
    /// of its own (西湖 2024: 牵头单位 区民政局 | 负责科室 养老服务科 | 负责人 何滢); alone it is the unit column (广东卫健 责任处室).</summary>
    public static void SectionsOfTheLead(IReadOnlyList<string> headers, ColumnRole[] roles)
    {
        if (!roles.Contains(ColumnRole.Lead)) return;
        for (var i = 0; i < roles.Length && i < headers.Count; i++)
        {
            var h = headers[i].Trim().Trim('|', ' ');
            if (roles[i] == ColumnRole.Responsible && (h.EndsWith("科室", StringComparison.Ordinal) || h.EndsWith("处室", StringComparison.Ordinal)))
                roles[i] = ColumnRole.Other;
        }
    }

    /// <summary>A header cell's role, or Other for a header the reader does not know (最新进度, 细化分工).</summary>
    public static ColumnRole RoleOrOther(string header) => RoleOf(header) ?? ColumnRole.Other;

    /// <summary>Header cells that make a task table: a number, a task and who answers for it.</summary>
    public static ColumnRole[]? Recognise(IReadOnlyList<string> cells)
    {
        var roles = new ColumnRole[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            if (RoleOf(cells[i]) is not { } role) return null;
            roles[i] = role;
        }
        var hasUnits = roles.Any(r => r is ColumnRole.Responsible or ColumnRole.Lead);
        return roles.Contains(ColumnRole.Task) && hasUnits ? roles : null;
    }
}
