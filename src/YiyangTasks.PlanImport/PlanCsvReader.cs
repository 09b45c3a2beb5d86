using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport;

/// <summary>A row of a task table as cells (a CSV record or a spreadsheet row), with the lines or row numbers it spans.</summary>
public sealed record TableRecord(int FirstLine, int LastLine, IReadOnlyList<string> Fields);

/// <summary>Reads a plan's task table exported as CSV or as the .xlsx 分工表: number, task, lead units, cooperating units, deadline
/// (headers 序号/工作任务/牵头单位/配合单位/完成时限 or number/task/lead/cooperating/deadline), and the sheet's 报送周期, 来源行 and 提示.</summary>
public static class PlanCsvReader
{
    private static readonly ColumnRole[] Positional = [ColumnRole.Number, ColumnRole.Task, ColumnRole.Lead, ColumnRole.Cooperating, ColumnRole.Deadline];

    /// <summary>Column of the 分工表 the task table itself does not know: 报送周期 sets the reporting cycle; 来源行 and 提示
    /// are the dry run's notes to the office and are not read back.</summary>
    private const int ReportingCycleColumn = -1;

    /// <summary>The tasks of the CSV, unit names as written. Never throws.</summary>
    public static ParsedPlan Read(string csv) =>
        Guarded("CSV文件", () => ReadTable(CsvRecords.Read((csv ?? "").TrimStart('\uFEFF'))
            .Select(r => new TableRecord(r.FirstLine, r.LastLine, r.Fields)).ToList(), "CSV文件"));

    /// <summary>The tasks of a spreadsheet's rows (the 分工表 posted back), read exactly as CSV records. Never throws.</summary>
    public static ParsedPlan Read(IReadOnlyList<TableRecord> rows) =>
        Guarded("工作表", () => ReadTable(rows.Where(r => r.Fields.Any(f => f.Trim().Length > 0)).ToList(), "工作表"));

    private static ParsedPlan Guarded(string what, Func<ParsedPlan> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return PlanDocumentParser.Empty(new ParseWarning(null, ParseWarningCodes.ReaderFailure, $"{what}未能读取，未导入任何内容"));
        }
    }

    private static ParsedPlan ReadTable(IReadOnlyList<TableRecord> records, string what)
    {
        var warnings = new List<ParseWarning>();
        var tasks = new List<ParsedTask>();
        if (records.Count == 0)
        {
            warnings.Add(new ParseWarning(null, ParseWarningCodes.NoTaskList, $"{what}没有任何行"));
            return new ParsedPlan(null, null, null, null, tasks, [], warnings);
        }
        var (roles, cycleAt) = Roles(records[0], warnings, out var hasHeader);
        foreach (var record in records.Skip(hasHeader ? 1 : 0))
        {
            var row = new TaskRow(record.FirstLine) { LastLine = record.LastLine };
            for (var c = 0; c < record.Fields.Count && c < roles.Length; c++) row.Set(roles[c], record.Fields[c].Trim());
            if (record.Fields.Count > roles.Length && record.Fields.Skip(roles.Length).Any(f => f.Trim().Length > 0))
                warnings.Add(new ParseWarning(record.FirstLine, ParseWarningCodes.UnparseableLine, $"此行有{record.Fields.Count}列，第{roles.Length}列之后的内容未读入"));
            var task = row.ToTask(tasks.Count + 1, warnings);
            if (cycleAt >= 0 && cycleAt < record.Fields.Count && record.Fields[cycleAt].Trim() is { Length: > 0 } cycleCell)
            {
                if (ReportingCycles.Read(cycleCell) is { } cycle) task = task with { ReportingCycle = cycle };
                else warnings.Add(new ParseWarning(record.FirstLine, ParseWarningCodes.UnparseableLine,
                    $"报送周期“{cycleCell}”无法识别（应为月报、季报、半年报或年报），按月报处理"));
            }
            tasks.Add(task);
        }
        if (tasks.Count == 0) warnings.Add(new ParseWarning(null, ParseWarningCodes.NoTaskList, $"{what}只有表头，没有任务行"));
        warnings.AddRange(DeadlineWarnings.Check(tasks, null)); // a table states no issue date
        return new ParsedPlan(null, null, null, null, tasks, [], warnings);
    }

    private static (ColumnRole[] Roles, int CycleAt) Roles(TableRecord first, List<ParseWarning> warnings, out bool hasHeader)
    {
        var sheetColumns = first.Fields.Select(f => SheetColumn(f.Trim())).ToList();
        var roles = first.Fields.Select((f, i) => sheetColumns[i] is not null ? ColumnRole.Other : TableColumns.RoleOf(f)).ToList();
        hasHeader = true;
        if (roles.All(r => r is not null) && roles.Contains(ColumnRole.Task))
            return (roles.Select(r => r!.Value).ToArray(), sheetColumns.IndexOf(ReportingCycleColumn));
        if (first.Fields.Count > 0 && ChineseNumber.TryParse(first.Fields[0].Trim(), out _))
        {
            hasHeader = false;
            return (Positional, -1);
        }
        warnings.Add(new ParseWarning(first.FirstLine, ParseWarningCodes.UnparseableLine,
            "表头未能识别，各列依次按序号、工作任务、牵头单位、配合单位、完成时限读取"));
        return (Positional, -1);
    }

    // The 分工表's own columns (DivisionSheet): 报送周期 is read; 来源行 and 提示 are notes and never read back.
    private static int? SheetColumn(string header) => header switch
    {
        "报送周期" or "reporting cycle" or "reportingcycle" => ReportingCycleColumn,
        "来源行" or "提示" or "source lines" or "warnings" => 0,
        _ => null,
    };
}

/// <summary>The reporting cycles (报送周期) a sheet writes: 月报, 季报, 半年报, 年报.</summary>
public static class ReportingCycles
{
    public static string Words(ReportingCycle cycle) => cycle switch
    {
        ReportingCycle.Quarterly => "季报",
        ReportingCycle.HalfYearly => "半年报",
        ReportingCycle.Yearly => "年报",
        _ => "月报",
    };

    /// <summary>The cycle a cell names (月报, 每月, 按季度, 半年, 每年 …, or the English name), or null.</summary>
    public static ReportingCycle? Read(string cell)
    {
        var c = cell.Trim().Replace("每", "", StringComparison.Ordinal).Replace("按", "", StringComparison.Ordinal)
            .Replace("一报", "报", StringComparison.Ordinal).ToLowerInvariant();
        if (c.Contains('半')) return ReportingCycle.HalfYearly;
        if (c.Contains('季')) return ReportingCycle.Quarterly;
        if (c.Contains('月')) return ReportingCycle.Monthly;
        if (c.Contains('年')) return ReportingCycle.Yearly;
        return Enum.TryParse<ReportingCycle>(c, true, out var named) ? named : null;
    }
}
