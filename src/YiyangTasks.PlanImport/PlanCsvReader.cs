namespace YiyangTasks.PlanImport;

/// <summary>Reads a plan's task table exported as CSV: number, task, lead units, cooperating units, deadline
/// (headers 序号/工作任务/牵头单位/配合单位/完成时限 or number/task/lead/cooperating/deadline).</summary>
public static class PlanCsvReader
{
    private static readonly ColumnRole[] Positional = [ColumnRole.Number, ColumnRole.Task, ColumnRole.Lead, ColumnRole.Cooperating, ColumnRole.Deadline];

    /// <summary>The tasks of the CSV, unit names as written. Never throws.</summary>
    public static ParsedPlan Read(string csv)
    {
        try
        {
            return ReadTable((csv ?? "").TrimStart('\uFEFF'));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return PlanDocumentParser.Empty(new ParseWarning(null, ParseWarningCodes.ReaderFailure, $"the CSV could not be read ({e.GetType().Name}); nothing was imported"));
        }
    }

    private static ParsedPlan ReadTable(string csv)
    {
        var records = CsvRecords.Read(csv);
        var warnings = new List<ParseWarning>();
        var tasks = new List<ParsedTask>();
        if (records.Count == 0)
        {
            warnings.Add(new ParseWarning(null, ParseWarningCodes.NoTaskList, "the CSV has no rows"));
            return new ParsedPlan(null, null, null, null, tasks, [], warnings);
        }
        var roles = Roles(records[0], warnings, out var hasHeader);
        foreach (var record in records.Skip(hasHeader ? 1 : 0))
        {
            var row = new TaskRow(record.FirstLine) { LastLine = record.LastLine };
            for (var c = 0; c < record.Fields.Count && c < roles.Length; c++) row.Set(roles[c], record.Fields[c].Trim());
            if (record.Fields.Count > roles.Length && record.Fields.Skip(roles.Length).Any(f => f.Trim().Length > 0))
                warnings.Add(new ParseWarning(record.FirstLine, ParseWarningCodes.UnparseableLine, $"row has {record.Fields.Count} fields; those past column {roles.Length} are ignored"));
            tasks.Add(row.ToTask(tasks.Count + 1, warnings));
        }
        if (tasks.Count == 0) warnings.Add(new ParseWarning(null, ParseWarningCodes.NoTaskList, "the CSV has a header but no task rows"));
        return new ParsedPlan(null, null, null, null, tasks, [], warnings);
    }

    private static ColumnRole[] Roles(CsvRecords.Record first, List<ParseWarning> warnings, out bool hasHeader)
    {
        var roles = first.Fields.Select(f => TableColumns.RoleOf(f)).ToList();
        hasHeader = true;
        if (roles.All(r => r is not null) && roles.Contains(ColumnRole.Task)) return roles.Select(r => r!.Value).ToArray();
        if (first.Fields.Count > 0 && ChineseNumber.TryParse(first.Fields[0].Trim(), out _))
        {
            hasHeader = false;
            return Positional;
        }
        warnings.Add(new ParseWarning(first.FirstLine, ParseWarningCodes.UnparseableLine,
            "header not recognised; columns read as number, task, lead units, cooperating units, deadline"));
        return Positional;
    }
}
