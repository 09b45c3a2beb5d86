using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport;

/// <summary>One row of a task table (text or CSV) as cells by role, before it is read into a task.</summary>
internal sealed class TaskRow(int firstLine)
{
    public int FirstLine { get; } = firstLine;
    public int LastLine { get; set; } = firstLine;
    public Dictionary<ColumnRole, string> Cells { get; } = [];

    public void Set(ColumnRole role, string value)
    {
        if (role == ColumnRole.Other) return;
        // Two unit columns of one role (责任单位 | … | 实施部门 — 谯城 民政) list their units one after the other.
        var joiner = role is ColumnRole.Lead or ColumnRole.Cooperating or ColumnRole.Responsible && value.Trim().Length > 0 ? "、" : "";
        Cells[role] = Cells.TryGetValue(role, out var existing) && existing.Trim().Length > 0 ? existing + joiner + value : value;
    }

    public bool Has(ColumnRole role) => Cells.TryGetValue(role, out var v) && v.Trim().Length > 0;

    private string Cell(ColumnRole role) => Cells.TryGetValue(role, out var v) ? v.Trim() : "";

    /// <summary>The task this row states; warnings say what the row lacks.</summary>
    public ParsedTask ToTask(int fallbackNumber, ICollection<ParseWarning> warnings)
    {
        var numberCell = Cell(ColumnRole.Number);
        var number = fallbackNumber;
        if (numberCell.Length > 0 && !ChineseNumber.TryParse(numberCell.TrimEnd('.', '、', '．'), out number))
        {
            warnings.Add(new ParseWarning(FirstLine, ParseWarningCodes.UnparseableLine, $"序号“{numberCell}”不是数字，已按位置编为第{fallbackNumber}项"));
            number = fallbackNumber;
        }
        var text = Cell(ColumnRole.Task);
        if (text.Length == 0) warnings.Add(new ParseWarning(FirstLine, ParseWarningCodes.UnparseableLine, $"第{number}项没有任务内容"));

        var responsibility = ReadUnits();
        if (responsibility.IsEmpty)
            warnings.Add(new ParseWarning(FirstLine, ParseWarningCodes.NoUnits, $"第{number}项未写明责任单位"));

        var deadlineCell = Cell(ColumnRole.Deadline);
        // A spreadsheet's deadline column often holds a plain date (2026-12-31, 2026/6/30) rather than words.
        IReadOnlyList<WrittenDeadline> deadlines = IsoDate(deadlineCell) is { } date
            ? [new WrittenDeadline(date, deadlineCell)]
            : deadlineCell.Length > 0 ? DeadlineReader.ReadCell(deadlineCell) : DeadlineReader.Read(text);
        if (deadlineCell.Length > 0 && deadlines.Count == 0) deadlines = DeadlineReader.Read(text);
        var relative = deadlineCell.Length > 0 && deadlines.Count == 0 ? deadlineCell : responsibility.TimeWords;

        return new ParsedTask(number, text, responsibility.Leads, responsibility.Cooperating, responsibility.Mode, deadlines, relative,
            new SourceLines(FirstLine, LastLine))
        {
            GroupParties = responsibility.Groups,
        };
    }

    private Responsibility ReadUnits()
    {
        var lead = Cell(ColumnRole.Lead);
        var cooperating = Cell(ColumnRole.Cooperating);
        // 责任单位 | … | 协同单位: those responsible lead beside a cooperating column;
        // 责任单位 | 牵头单位: beside a lead column, those responsible and not leading cooperate.
        if (lead.Length == 0 && cooperating.Length > 0) lead = Cell(ColumnRole.Responsible);
        // 牵头 | 主体责任单位 | 配合责任单位 (青阳 2023): beside a lead, those responsible cooperate with the cooperating ones.
        else if (lead.Length > 0 && Cell(ColumnRole.Responsible) is { Length: > 0 } responsible)
            cooperating = cooperating.Length == 0 ? responsible : responsible + "、" + cooperating;
        if (lead.Length == 0 && cooperating.Length == 0) return ResponsibilityReader.ReadCell(Cell(ColumnRole.Responsible));
        // Separate 牵头单位 and 配合单位 columns: the table itself says who leads; a lead cell may still
        // word its mode (…分别负责).
        var leads = ResponsibilityReader.ReadCell(lead);
        var mode = leads.Mode is ResponsibilityMode.EachResponsibleForOwnPart or ResponsibilityMode.ByDuty ? leads.Mode : ResponsibilityMode.LeadAndCooperate;
        var cooperators = ResponsibilityReader.ReadCell(cooperating);
        var together = leads.Cooperating.Concat(cooperators.Leads).Concat(cooperators.Cooperating).Distinct().Where(u => !leads.Leads.Contains(u)).ToList();
        return new Responsibility(leads.Leads, together, mode, null, null)
        {
            Groups = leads.Groups.Concat(cooperators.Groups).Distinct().ToList(),
            SaysWhoLeads = true,
        };
    }

    private static DateOnly? IsoDate(string cell) =>
        cell.Length is >= 8 and <= 10 && char.IsAsciiDigit(cell[0]) && DateOnly.TryParseExact(cell.Trim(), ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d"], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) ? date : null;
}
