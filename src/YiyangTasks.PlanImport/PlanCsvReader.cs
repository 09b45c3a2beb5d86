using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport;

/// <summary>
/// The structured table some offices keep in a spreadsheet, saved as CSV (UTF-8, BOM or not): columns number,
/// task, lead units, cooperating units, deadline; headers in Chinese (序号, 工作任务, 牵头单位, 配合单位, 完成时限)
/// or English; RFC 4180 quoting.
/// </summary>
public static class PlanCsvReader
{
    private static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["序号"] = "number", ["编号"] = "number", ["number"] = "number", ["no"] = "number",
        ["工作任务"] = "task", ["任务"] = "task", ["重点任务"] = "task", ["task"] = "task",
        ["牵头单位"] = "lead", ["责任单位"] = "lead", ["负责单位"] = "lead", ["lead"] = "lead", ["lead units"] = "lead",
        ["配合单位"] = "cooperating", ["cooperating"] = "cooperating", ["cooperating units"] = "cooperating",
        ["完成时限"] = "deadline", ["时限"] = "deadline", ["完成时间"] = "deadline", ["deadline"] = "deadline",
    };

    public static ParsedPlan Read(string csv)
    {
        var warnings = new List<ParseWarning>();
        var rows = Rows(csv.TrimStart('\uFEFF'));
        if (rows.Count == 0)
            return new ParsedPlan(null, null, null, null, [], [], [new ParseWarning(null, "no-task-list", "The CSV has no rows.")]);

        var columns = rows[0].Cells.Select(c => Headers.GetValueOrDefault(c.Trim())).ToArray();
        int Column(string name) => Array.IndexOf(columns, name);
        var (number, task, lead, cooperating, deadline) = (Column("number"), Column("task"), Column("lead"), Column("cooperating"), Column("deadline"));
        if (number < 0 || task < 0 || lead < 0)
            return new ParsedPlan(null, null, null, null, [], [], [new ParseWarning(1, "no-task-list",
                "The CSV header must name the columns number (序号), task (工作任务) and lead units (牵头单位); cooperating units and deadline are optional.")]);

        var tasks = new List<ParsedTask>();
        foreach (var (line, cells) in rows.Skip(1))
        {
            string Cell(int i) => i >= 0 && i < cells.Count ? cells[i].Trim() : "";
            if (cells.All(c => c.Trim().Length == 0)) continue;
            if (!int.TryParse(Cell(number), out var n) || n < 1)
            {
                warnings.Add(new ParseWarning(line, "unparseable-line", $"Row has no task number ('{Cell(number)}')."));
                continue;
            }
            var leads = UnitListSplitter.Split(Cell(lead));
            if (Cell(task).Length == 0 || leads.Count == 0)
            {
                warnings.Add(new ParseWarning(line, "unparseable-line", $"Task {n} has no text or no lead unit."));
                continue;
            }
            var words = Cell(deadline);
            var deadlines = words.Length == 0 ? [] : ReadDeadline(words);
            if (words.Length > 0 && deadlines.Count == 0)
                warnings.Add(new ParseWarning(line, "unreadable-deadline", $"Task {n}: the deadline '{words}' is not a date this reader knows."));
            tasks.Add(new ParsedTask(n, Cell(task), leads, UnitListSplitter.Split(Cell(cooperating)).Except(leads).ToArray(),
                ResponsibilityMode.LeadAndCooperate, deadlines, DeadlineReader.Relative(words), new SourceLines(line, line)));
        }
        if (tasks.Select(t => t.Number).Distinct().Count() != tasks.Count)
            warnings.Add(new ParseWarning(null, "duplicate-number", "Some task numbers appear more than once; only the first of each is kept."));
        return new ParsedPlan(null, null, null, null, tasks.DistinctBy(t => t.Number).ToArray(), [], warnings);
    }

    private static IReadOnlyList<WrittenDeadline> ReadDeadline(string words) =>
        DateOnly.TryParse(words, System.Globalization.CultureInfo.InvariantCulture, out var date)
            ? [new WrittenDeadline(date, words)]
            : DeadlineReader.Read(words.Contains('到') || words.Contains('前') || words.Contains('底') ? words : words + "前");

    /// <summary>RFC 4180: fields separated by commas, quoted fields may hold commas, quotes ("") and line breaks.</summary>
    private static List<(int Line, List<string> Cells)> Rows(string csv)
    {
        var rows = new List<(int, List<string>)>();
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        var line = 1;
        var rowLine = 1;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    cell.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    rows.Add((rowLine, cells));
                    cells = [];
                    rowLine = ++line;
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            rows.Add((rowLine, cells));
        }
        return rows;
    }
}
