namespace YiyangTasks.PlanImport;

/// <summary>
/// A task table: 序号 / 工作任务 / 负责单位 (or 责任单位, 指导部门, or 牵头单位 and 配合单位 as two columns), laid out
/// one cell per line (as a table pasted from a word processor is) or one row per line with | or tab between cells.
/// </summary>
internal static class TableRows
{
    private static readonly string[] NumberHeaders = ["序号", "编号"];
    private static readonly string[] TaskHeaders = ["工作任务", "重点任务", "主要任务", "任务", "工作内容", "具体任务", "工作措施"];
    private static readonly string[] UnitHeaders = ["负责单位", "责任单位", "牵头单位", "配合单位", "指导部门", "责任部门", "牵头部门", "配合部门"];

    public static IReadOnlyList<TaskCandidate> Read(IReadOnlyList<DocumentLine> lines, Func<int, bool> firstListedLeadsAt, List<ParseWarning> warnings)
    {
        var cells = Cells(lines);
        var start = cells.FindIndex(c => NumberHeaders.Contains(c.Text));
        if (start < 0) return [];
        var header = cells.Skip(start).TakeWhile((c, i) => i == 0 || !IsInteger(c.Text)).Select(c => c.Text).ToList();
        if (!header.Any(h => TaskHeaders.Contains(h)) || !header.Any(h => UnitHeaders.Contains(h))) return [];
        var separate = header.Contains("牵头单位") && header.Contains("配合单位");

        var rows = new List<List<(int Line, string Text)>>();
        var expected = 1;
        foreach (var cell in cells.Skip(start + header.Count))
        {
            if (IsInteger(cell.Text) && int.Parse(cell.Text) is var n && (n == expected || rows.Count == 0))
            {
                rows.Add([cell]);
                expected = n + 1;
            }
            else if (rows.Count > 0) rows[^1].Add(cell);
        }

        var tasks = new List<TaskCandidate>();
        foreach (var row in rows)
        {
            var number = int.Parse(row[0].Text);
            var unitCells = separate ? 2 : 1;
            if (row.Count < 2 + unitCells)
            {
                warnings.Add(new ParseWarning(row[0].Line, "unparseable-line", $"Table row {number} has no task text or no units; it was not read as a task."));
                continue;
            }
            var text = string.Concat(row.Skip(1).Take(row.Count - 1 - unitCells).Select(c => c.Text));
            Responsibility? responsibility;
            if (separate)
            {
                var leads = UnitListSplitter.Split(row[^2].Text);
                responsibility = leads.Count == 0 ? null
                    : new Responsibility(leads, UnitListSplitter.Split(row[^1].Text).Except(leads).ToArray(), Domain.Tasks.ResponsibilityMode.LeadAndCooperate);
            }
            else responsibility = ResponsibilityReader.Read(row[^1].Text, firstListedLeadsAt(row[0].Line));
            if (responsibility is null)
            {
                warnings.Add(new ParseWarning(row[^1].Line, "unparseable-line",
                    $"Table row {number}: cannot read responsible units from '{AnnotatedItems.Shorten(row[^1].Text)}'."));
                continue;
            }
            tasks.Add(new TaskCandidate(number, text, responsibility, row[0].Line, row[^1].Line, null));
        }
        return tasks;
    }

    /// <summary>Every non-empty cell in document order: a line is one cell, or several split on | or tabs.</summary>
    private static List<(int Line, string Text)> Cells(IReadOnlyList<DocumentLine> lines)
    {
        var cells = new List<(int, string)>();
        foreach (var line in lines)
        {
            var raw = line.Raw.Trim();
            if (raw.Length == 0 || raw.Trim('|', '-', ':', ' ', '\t').Length == 0) continue;
            var parts = raw.Contains('|')
                ? raw.Split('|')
                : raw.TrimStart('\t', ' ', '\u3000').Split('\t');
            foreach (var part in parts)
            {
                var text = DocumentLines.Clean(part);
                if (text.Length > 0) cells.Add((line.Number, text));
            }
        }
        return cells;
    }

    private static bool IsInteger(string text) => text.Length is > 0 and <= 4 && text.All(char.IsAsciiDigit);
}
