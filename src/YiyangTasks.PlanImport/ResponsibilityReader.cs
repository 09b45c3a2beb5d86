using System.Text.RegularExpressions;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport;

/// <summary>Who answers for a task, as one annotation or table cell says it.</summary>
public sealed record Responsibility(IReadOnlyList<string> LeadUnits, IReadOnlyList<string> CooperatingUnits, ResponsibilityMode Mode);

/// <summary>
/// Reads the ways plans name responsible units: （责任单位：…）, （牵头单位：…，配合单位：…）, …牵头，…配合,
/// …按职责分工负责, …分别负责, …负责. With the document's rule 列第一位者为牵头单位, the first unit of a plain
/// list leads and the others cooperate; without it, every listed unit answers jointly.
/// </summary>
public static partial class ResponsibilityReader
{
    private const int MaxLength = 2000;

    public static Responsibility? Read(string text, bool firstListedLeads = false)
    {
        text = text.Trim().TrimEnd('。', '.', '；', ';').Trim();
        if (text.Length == 0 || text.Length > MaxLength) return null;
        return Labelled(text, firstListedLeads) ?? ByRoleWords(text) ?? PlainList(text, firstListedLeads);
    }

    /// <summary>Does this look like a responsibility annotation at all (so that failing to read it is worth a warning)?</summary>
    public static bool LooksLikeResponsibility(string text) => RoleHint().IsMatch(text);

    private static Responsibility? Labelled(string text, bool firstListedLeads)
    {
        var labels = Label().Matches(text);
        if (labels.Count == 0) return null;
        var leads = new List<string>();
        var cooperating = new List<string>();
        var explicitLead = false;
        for (var i = 0; i < labels.Count; i++)
        {
            var start = labels[i].Index + labels[i].Length;
            var end = i + 1 < labels.Count ? labels[i + 1].Index : text.Length;
            var units = UnitListSplitter.Split(text[start..end]);
            var label = labels[i].Groups[1].Value;
            if (label.StartsWith("配合") || label.StartsWith("协") || label.StartsWith("参与")) cooperating.AddRange(units);
            else
            {
                explicitLead |= label.StartsWith("牵头");
                leads.AddRange(units);
            }
        }
        if (leads.Count == 0) return null;
        if (!explicitLead && cooperating.Count == 0)
            return PlainUnits(leads, firstListedLeads);
        return new Responsibility(leads.Distinct().ToArray(), cooperating.Except(leads).Distinct().ToArray(), ResponsibilityMode.LeadAndCooperate);
    }

    private static Responsibility? ByRoleWords(string text)
    {
        var leads = new List<string>();
        var cooperating = new List<string>();
        var modes = new HashSet<ResponsibilityMode>();
        var consumed = 0;
        foreach (Match m in RoleClause().Matches(text))
        {
            var units = UnitListSplitter.Split(m.Groups["units"].Value);
            switch (m.Groups["role"].Value)
            {
                case "配合" or "参与" or "协助" or "协同":
                    cooperating.AddRange(units);
                    break;
                case "牵头" or "牵头负责":
                    modes.Add(ResponsibilityMode.LeadAndCooperate);
                    leads.AddRange(units);
                    break;
                case "分别负责":
                    modes.Add(ResponsibilityMode.EachResponsibleForOwnPart);
                    leads.AddRange(units);
                    break;
                case var duty when duty.StartsWith("按职"):
                    modes.Add(ResponsibilityMode.ByDuty);
                    leads.AddRange(units);
                    break;
                default:
                    modes.Add(ResponsibilityMode.Jointly);
                    leads.AddRange(units);
                    break;
            }
            consumed = m.Index + m.Length;
        }
        if (leads.Count == 0) return null;
        // Text after the last role word (…负责，市医保局) is read as cooperating units rather than dropped.
        var rest = text[consumed..].Trim('，', ',', '；', ';', ' ');
        if (rest.Length > 0) cooperating.AddRange(UnitListSplitter.Split(rest));
        var mode = modes.Contains(ResponsibilityMode.LeadAndCooperate) ? ResponsibilityMode.LeadAndCooperate
            : modes.Contains(ResponsibilityMode.ByDuty) ? ResponsibilityMode.ByDuty
            : modes.Contains(ResponsibilityMode.EachResponsibleForOwnPart) ? ResponsibilityMode.EachResponsibleForOwnPart
            : ResponsibilityMode.Jointly;
        var distinctLeads = leads.Distinct().ToArray();
        return new Responsibility(distinctLeads, cooperating.Except(distinctLeads).Distinct().ToArray(), mode);
    }

    private static Responsibility? PlainList(string text, bool firstListedLeads)
    {
        var units = UnitListSplitter.Split(text);
        return units.Count == 0 || !units.All(UnitListSplitter.EndsLikeUnit) ? null : PlainUnits(units, firstListedLeads);
    }

    private static Responsibility PlainUnits(IReadOnlyList<string> units, bool firstListedLeads) => firstListedLeads && units.Count > 1
        ? new Responsibility([units[0]], units.Skip(1).Distinct().ToArray(), ResponsibilityMode.LeadAndCooperate)
        : new Responsibility(units.Distinct().ToArray(), [], ResponsibilityMode.Jointly);

    [GeneratedRegex(@"(责任单位|负责单位|牵头单位|配合单位|协办单位|参与单位|责任部门|牵头部门|配合部门|指导部门|主责单位)\s*[：:]")]
    private static partial Regex Label();

    // Units, then a role word, then the end of the clause. Lazy units keep each clause to its own role word.
    [GeneratedRegex(@"(?<units>[^：:]+?)(?<role>牵头负责|牵头|按职责分工负责|按职分工负责|按职责负责|分别负责|共同负责|负责|配合|参与|协助|协同)(?=[，,；;。]|$)")]
    private static partial Regex RoleClause();

    [GeneratedRegex(@"责任单位|负责单位|牵头|配合|负责|指导部门")]
    private static partial Regex RoleHint();
}
