using System.Text.RegularExpressions;

namespace YiyangTasks.PlanImport;

/// <summary>
/// Reads a published plan's text into the plan and its numbered tasks, whatever shape its division-of-labour
/// list takes: numbered paragraphs ending in a responsibility annotation, a task table, or a list of member
/// units with their duties. Pure, and it never throws: what it cannot read it reports as warnings.
/// </summary>
public static partial class PlanDocumentParser
{
    public static ParsedPlan Parse(string text)
    {
        var warnings = new List<ParseWarning>();
        try
        {
            return ParseLines(DocumentLines.Read(text), warnings);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A parser bug must not become the office's problem: say so and read nothing.
            warnings.Add(new ParseWarning(null, "parser-failure", $"The document could not be read ({e.GetType().Name}): {e.Message}"));
            return new ParsedPlan(null, null, null, null, [], [], warnings);
        }
    }

    /// <summary>Parses, then resolves every unit a task names in the jurisdiction's directory, warning about the unknown ones.</summary>
    public static ParsedPlan Parse(string text, UnitDirectory directory)
    {
        var plan = Parse(text);
        var warnings = plan.Warnings.ToList();
        IReadOnlyList<string> Resolve(ParsedTask task, IReadOnlyList<string> units) => units.Select(written =>
        {
            if (directory.Resolve(written).Unit is { } unit) return unit.Name;
            warnings.Add(new ParseWarning(task.Source.First, "unknown-unit", $"Task {task.Number} names '{written}', which is not in the unit directory."));
            return written;
        }).Distinct().ToArray();
        var tasks = plan.Tasks.Select(t => t with { LeadUnits = Resolve(t, t.LeadUnits), CooperatingUnits = Resolve(t, t.CooperatingUnits) }).ToArray();
        return plan with { Tasks = tasks, Warnings = warnings };
    }

    private static ParsedPlan ParseLines(IReadOnlyList<DocumentLine> lines, List<ParseWarning> warnings)
    {
        var header = PlanHeaderReader.Read(lines);
        var ruleFrom = FirstListedLeadsRuleLine(lines);
        bool FirstListedLeadsAt(int line) => ruleFrom is { } from && line >= from;

        IReadOnlyList<TaskCandidate> candidates = AnnotatedItems.Read(lines, FirstListedLeadsAt, warnings);
        if (candidates.Count == 0) candidates = TableRows.Read(lines, FirstListedLeadsAt, warnings);
        var members = Array.Empty<DirectoryUnit>() as IReadOnlyList<DirectoryUnit>;
        if (candidates.Count == 0)
        {
            candidates = MemberDuties.Read(lines, warnings);
            members = MemberDuties.Members(lines, candidates.SelectMany(c => c.Responsibility.LeadUnits).Distinct().ToArray());
        }
        else if (lines.Any(l => l.Text.Contains("联络员名单")))
        {
            members = MemberDuties.Members(lines, []);
        }

        var tasks = Number(candidates, warnings).Select(c => new ParsedTask(c.Number, c.Text, c.Responsibility.LeadUnits,
            c.Responsibility.CooperatingUnits, c.Responsibility.Mode, DeadlineReader.Read(c.Text), DeadlineReader.Relative(c.Text),
            new SourceLines(c.First, c.Last))).ToArray();

        if (tasks.Length == 0)
            warnings.Add(new ParseWarning(null, "no-task-list",
                "No task list was found: no numbered items ending in responsible units, no task table, no list of member duties."));
        CheckDeclaredCount(lines, tasks.Length, warnings);
        return new ParsedPlan(header.Title, header.DocumentNumber, header.IssuingBody, header.IssuedOn, tasks, members, warnings);
    }

    /// <summary>Task numbers must be unique: a list numbered again from 1 in each section is renumbered in order, with a warning.</summary>
    private static IReadOnlyList<TaskCandidate> Number(IReadOnlyList<TaskCandidate> candidates, List<ParseWarning> warnings)
    {
        if (candidates.Select(c => c.Number).Distinct().Count() == candidates.Count) return candidates;
        warnings.Add(new ParseWarning(candidates[0].First, "renumbered",
            "The task numbers repeat (each section numbered from 1); the tasks were numbered 1… in document order."));
        return candidates.Select((c, i) => c with { Number = i + 1 }).ToArray();
    }

    /// <summary>列第一位者为牵头单位（下同）: from this line on, the first unit of a plain list leads.</summary>
    private static int? FirstListedLeadsRuleLine(IReadOnlyList<DocumentLine> lines) =>
        lines.FirstOrDefault(l => FirstListedRule().IsMatch(l.Text))?.Number;

    private static void CheckDeclaredCount(IReadOnlyList<DocumentLine> lines, int found, List<ParseWarning> warnings)
    {
        foreach (var line in lines)
        {
            var m = DeclaredCount().Match(line.Text);
            if (!m.Success) continue;
            var written = m.Groups[1].Value;
            if (!(int.TryParse(written, out var declared) || ChineseNumerals.TryParse(written, out declared))) continue;
            if (declared != found)
                warnings.Add(new ParseWarning(line.Number, "declared-count-mismatch",
                    $"The document declares {declared} items ('{m.Value}') but {found} tasks were read."));
            return;
        }
    }

    [GeneratedRegex(@"(列|排)(在)?第一(位|个)(者|的)?(单位)?为牵头单位")]
    private static partial Regex FirstListedRule();

    [GeneratedRegex(@"共\s*(\d{1,4}|[一二三四五六七八九十百]{1,5})\s*(项|条)")]
    private static partial Regex DeclaredCount();
}
