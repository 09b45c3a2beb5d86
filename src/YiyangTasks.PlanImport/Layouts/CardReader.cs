namespace YiyangTasks.PlanImport;

/// <summary>Reads tasks laid out as cards, one task a card: a line of labels with their values (牵头单位:… 任务编号:80), then
/// a label and its value line after line (重点工作 | … | 完成时限 | 2023年12月底 |) — the progress pages of a 督查 system
/// (临沂 2023 重点工作 进展).</summary>
internal static class CardReader
{
    public static List<ParsedTask> Read(IReadOnlyList<DocumentLine> lines, List<ParseWarning> warnings)
    {
        var tasks = new List<ParsedTask>();
        for (var i = 0; i < lines.Count; i++)
        {
            var pairs = Pairs(lines[i].Text);
            if (!pairs.Any(p => IsNumberLabel(p.Label))) continue;
            var row = new TaskRow(lines[i].Number);
            foreach (var (label, value) in pairs) row.Set(RoleOf(label), value);
            var k = i + 1;
            while (k + 1 < lines.Count && Pairs(lines[k].Text).Count == 0)
            {
                var label = Cell(lines[k].Text);
                if (label.Length is 0 or > 10 || label.IndexOfAny(['，', ',', '。']) >= 0) break;
                var value = k + 1;
                while (value < lines.Count && lines[value].IsBlank) value++;
                if (value >= lines.Count) break;
                row.Set(RoleOf(label), Cell(lines[value].Text));
                row.LastLine = lines[value].Number;
                k = value + 1;
            }
            if (row.Has(ColumnRole.Task) && (row.Has(ColumnRole.Lead) || row.Has(ColumnRole.Responsible)))
                tasks.Add(row.ToTask(tasks.Count + 1, warnings));
            i = k - 1;
        }
        return tasks;
    }

    private static ColumnRole RoleOf(string label) => IsNumberLabel(label) ? ColumnRole.Number : TableColumns.RoleOrOther(label);

    private static bool IsNumberLabel(string label) => label.EndsWith("编号", StringComparison.Ordinal) || label.EndsWith("序号", StringComparison.Ordinal);

    private static string Cell(string text) => text.Trim().Trim('|').Trim();

    // 牵头单位:市医保局、市人社局 任务编号:80 — labels of two to eight characters, each value up to the next label.
    private static List<(string Label, string Value)> Pairs(string text)
    {
        var pairs = new List<(string, string)>();
        var pieces = text.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var piece in pieces)
        {
            var colon = piece.IndexOfAny([':', '：']);
            if (colon is < 2 or > 8 || colon == piece.Length - 1) return [];
            var label = piece[..colon];
            if (TableColumns.RoleOf(label) is null && !IsNumberLabel(label)) return [];
            pairs.Add((label, piece[(colon + 1)..]));
        }
        return pairs;
    }
}
