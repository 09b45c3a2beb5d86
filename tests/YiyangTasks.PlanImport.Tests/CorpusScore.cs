using System.Text;

namespace YiyangTasks.PlanImport.Tests;

/// <summary>How one corpus document reads: tasks expected and found, and per expected task whether the parser
/// got the exact lead and cooperating sets, the group placeholders and the deadlines.</summary>
public sealed record DocumentScore(
    string Slug,
    bool Constructed,
    int Expected,
    int Found,
    int ExactUnits,
    int GroupsRight,
    int DeadlinesRight,
    IReadOnlyList<string> Misses)
{
    public bool CountRight => Expected == Found;

    /// <summary>Scores a parse against the golden: parsed tasks are matched to golden ones by number, then by order.</summary>
    public static DocumentScore Of(CorpusDocument document, ParsedPlan plan)
    {
        var golden = document.Golden.Tasks;
        var parsed = plan.Tasks;
        var used = new bool[parsed.Count];
        int exact = 0, groups = 0, deadlines = 0;
        var misses = new List<string>();
        for (var i = 0; i < golden.Count; i++)
        {
            var want = golden[i];
            var at = Match(want.Number, i, parsed, used);
            if (at < 0)
            {
                misses.Add($"{want.Number}: not found ({want.Head})");
                continue;
            }
            used[at] = true;
            var got = parsed[at];
            if (SameSet(want.Lead, got.LeadUnits) && SameSet(want.Cooperating, got.CooperatingUnits)) exact++;
            else misses.Add($"{want.Number}: lead [{Join(got.LeadUnits)}] coop [{Join(got.CooperatingUnits)}], want lead [{Join(want.Lead)}] coop [{Join(want.Cooperating)}]");
            if (SameSet(want.Groups, got.GroupParties)) groups++;
            if (want.Deadlines.All(phrase => HasDeadline(got, phrase))) deadlines++;
        }
        return new DocumentScore(document.Slug, document.Golden.Constructed, golden.Count, parsed.Count, exact, groups, deadlines, misses);
    }

    private static int Match(int number, int index, IReadOnlyList<ParsedTask> parsed, bool[] used)
    {
        for (var j = 0; j < parsed.Count; j++)
            if (!used[j] && parsed[j].Number == number) return j;
        return index < parsed.Count && !used[index] ? index : -1;
    }

    private static bool SameSet(IEnumerable<string> want, IEnumerable<string> got) =>
        want.Select(s => s.Trim()).ToHashSet().SetEquals(got.Select(s => s.Trim()));

    // A deadline phrase is found when a parsed deadline's words or the relative deadline holds it or is held by it.
    private static bool HasDeadline(ParsedTask task, string phrase)
    {
        var want = Squeeze(phrase);
        return task.Deadlines.Select(d => d.Words).Append(task.RelativeDeadline)
            .OfType<string>()
            .Select(Squeeze)
            .Any(got => got.Length > 0 && (got.Contains(want, StringComparison.Ordinal) || want.Contains(got, StringComparison.Ordinal)));
    }

    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    private static string Join(IEnumerable<string> units) => string.Join("、", units);
}

/// <summary>The corpus's scores as the markdown table the README shows.</summary>
public static class ScoreTable
{
    public static string Markdown(IReadOnlyList<DocumentScore> scores)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| document | kind | tasks expected / found | count right | exact units | groups | deadlines |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var s in scores)
            sb.AppendLine($"| {s.Slug} | {(s.Constructed ? "constructed" : "real")} | {s.Expected} / {s.Found} | {(s.CountRight ? "yes" : "no")} | {s.ExactUnits}/{s.Expected} | {s.GroupsRight}/{s.Expected} | {s.DeadlinesRight}/{s.Expected} |");
        int expected = scores.Sum(s => s.Expected), found = scores.Sum(s => s.Found);
        sb.AppendLine($"| **total** ({scores.Count} documents) | | {expected} / {found} | {scores.Count(s => s.CountRight)}/{scores.Count} | "
            + $"{scores.Sum(s => s.ExactUnits)}/{expected} ({Percent(scores.Sum(s => s.ExactUnits), expected)}) | "
            + $"{scores.Sum(s => s.GroupsRight)}/{expected} | {scores.Sum(s => s.DeadlinesRight)}/{expected} |");
        return sb.ToString();
    }

    public static string Misses(IReadOnlyList<DocumentScore> scores) =>
        string.Join(Environment.NewLine, scores.Where(s => s.Misses.Count > 0)
            .Select(s => $"{s.Slug}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", s.Misses)));

    public static string Percent(int n, int of) => of == 0 ? "-" : $"{100.0 * n / of:0.0}%";
}
