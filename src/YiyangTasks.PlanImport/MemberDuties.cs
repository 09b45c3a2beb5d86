using System.Text.RegularExpressions;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport;

/// <summary>
/// A list of member units, each with its duties (一、区卫健委 … 十五、区金融办): each unit's duties become a task
/// that unit leads. And the annex of members and liaisons (成员及联络员名单), which becomes the unit directory.
/// </summary>
internal static partial class MemberDuties
{
    public static IReadOnlyList<TaskCandidate> Read(IReadOnlyList<DocumentLine> lines, List<ParseWarning> warnings)
    {
        // Headings that are nothing but a number and a unit's name.
        var headings = lines
            .Select((line, index) => (line, index, marker: ItemMarkers.Read(line.Text)))
            .Where(x => x.marker is { Family: MarkerFamily.ChineseComma or MarkerFamily.ArabicComma or MarkerFamily.ArabicDot } m
                        && IsUnitName(m.Rest))
            .ToList();
        // The longest run numbered 1, 2, 3 … is the list; stray unit-like headings elsewhere are not.
        var run = LongestRun(headings.Select(h => (h.index, h.marker!.Number)).ToList());
        if (run.Count < 3) return [];

        var tasks = new List<TaskCandidate>();
        for (var r = 0; r < run.Count; r++)
        {
            var (index, number) = run[r];
            var heading = lines[index];
            var unit = ItemMarkers.Read(heading.Text)!.Rest.Trim();
            var end = r + 1 < run.Count ? run[r + 1].Index : EndOfList(lines, index);
            var body = lines.Skip(index + 1).Take(end - index - 1).Where(l => l.Text.Length > 0).ToArray();
            if (body.Length == 0)
            {
                warnings.Add(new ParseWarning(heading.Number, "unparseable-line", $"Member {unit} is listed with no duties; it was not read as a task."));
                continue;
            }
            tasks.Add(new TaskCandidate(number, string.Concat(body.Select(l => l.Text)),
                new Responsibility([unit], [], ResponsibilityMode.ByDuty), heading.Number, body[^1].Number, null));
        }
        return tasks;
    }

    /// <summary>The annex naming each member unit's liaison (联络员): 联络员：何全兰 区红十字会办公室干部.</summary>
    public static IReadOnlyList<DirectoryUnit> Members(IReadOnlyList<DocumentLine> lines, IReadOnlyCollection<string> knownUnits)
    {
        // The annex itself, not the list of annexes that names it first.
        var start = lines.ToList().FindLastIndex(l => l.Text.Contains("联络员名单") || l.Text.Contains("成员及联络员"));
        if (start < 0) return knownUnits.Select(u => new DirectoryUnit(u, [])).ToArray();
        var liaisons = new Dictionary<string, List<Liaison>>();
        var inLiaisons = false;
        foreach (var line in lines.Skip(start + 1))
        {
            if (line.Text.Length == 0) continue;
            if (line.Text.StartsWith("附件") || ItemMarkers.Read(line.Text) is { Family: MarkerFamily.ChineseComma }) break;
            var text = line.Text;
            if (RolePrefix().Match(text) is { Success: true } role)
            {
                inLiaisons = role.Groups[1].Value.Replace(" ", "") == "联络员";
                text = text[role.Length..].Trim();
            }
            if (!inLiaisons) continue;
            var unit = knownUnits.Where(text.Contains).OrderByDescending(u => u.Length).FirstOrDefault()
                       ?? (UnitInLine().Match(text) is { Success: true } m ? m.Value : null);
            if (unit is null) continue;
            var at = text.IndexOf(unit, StringComparison.Ordinal);
            var name = text[..at].Replace(" ", "").Trim();
            var title = text[(at + unit.Length)..].Trim();
            var phone = Phone().Match(title) is { Success: true } p ? p.Value : null;
            if (phone is not null) title = title.Replace(phone, "").Trim();
            if (name.Length == 0) continue;
            if (!liaisons.TryGetValue(unit, out var list)) liaisons[unit] = list = [];
            list.Add(new Liaison(name, title.Length == 0 ? null : title, phone));
        }
        return knownUnits.Union(liaisons.Keys)
            .Select(u => new DirectoryUnit(u, liaisons.GetValueOrDefault(u) ?? []))
            .ToArray();
    }

    private static bool IsUnitName(string text) =>
        text.Length is >= 2 and <= 16 && !text.Contains('，') && !text.Contains('。') && UnitListSplitter.EndsLikeUnit(text)
        && !text.EndsWith("意见") && !text.EndsWith("会议");

    private static List<(int Index, int Number)> LongestRun(IReadOnlyList<(int Index, int Number)> headings)
    {
        var best = new List<(int, int)>();
        for (var i = 0; i < headings.Count; i++)
        {
            if (headings[i].Number != 1) continue;
            var run = new List<(int, int)> { headings[i] };
            for (var j = i + 1; j < headings.Count && headings[j].Number == run.Count + 1; j++) run.Add(headings[j]);
            if (run.Count > best.Count) best = run;
        }
        return best;
    }

    private static int EndOfList(IReadOnlyList<DocumentLine> lines, int from)
    {
        for (var i = from + 1; i < lines.Count; i++)
            if (lines[i].Text.StartsWith("附件") || lines[i].Text.Contains("联络员名单")) return i;
        return lines.Count;
    }

    [GeneratedRegex(@"^(召\s*集\s*人|副\s*召\s*集\s*人|成\s*员|联\s*络\s*员)\s*[：:]")]
    private static partial Regex RolePrefix();

    [GeneratedRegex(@"[区县市][\u4e00-\u9fa5]{1,10}?(局|委|办|院|会|中心|大队|支队|政府)")]
    private static partial Regex UnitInLine();

    [GeneratedRegex(@"1[3-9]\d{9}|\d{3,4}-?\d{7,8}")]
    private static partial Regex Phone();
}
