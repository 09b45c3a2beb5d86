using System.Text;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport;

/// <summary>Reads a list of member units each followed by its duties (成员单位职责分工: 一、区卫健委 … 十五、区金融办);
/// each unit's duties become one task that unit leads.</summary>
internal static class DutyListReader
{
    public static List<ParsedTask> Read(IReadOnlyList<DocumentLine> lines, List<ParseWarning> warnings)
    {
        var headings = lines.Where(l => l.Marker is not null).ToList();
        var tasks = new List<ParsedTask>();
        foreach (var run in Runs(headings))
        {
            var units = run.Count(h => UnitNames.IsBareUnitName(h.Body));
            if (run.Count < 2 || units * 5 < run.Count * 4) continue;
            var title = TitleAbove(lines, run[0]);
            foreach (var heading in run) tasks.Add(Task(lines, heading, warnings) with { Heading = title });
        }
        return tasks;
    }

    private static ParsedTask Task(IReadOnlyList<DocumentLine> lines, DocumentLine heading, List<ParseWarning> warnings)
    {
        var duties = new StringBuilder();
        var last = heading.Number;
        for (var i = heading.Number; i < lines.Count && lines[i].Marker is null && !PlanText.IsStop(lines[i]); i++)
        {
            if (lines[i].IsBlank) continue;
            duties.Append(lines[i].Text);
            last = lines[i].Number;
        }
        var unit = heading.Body;
        var isUnit = UnitNames.IsBareUnitName(unit);
        if (!isUnit) warnings.Add(new ParseWarning(heading.Number, ParseWarningCodes.NoUnits, $"成员单位名单中的“{AnnotatedItemReader.Shorten(unit)}”不是单位名称"));
        if (duties.Length == 0) warnings.Add(new ParseWarning(heading.Number, ParseWarningCodes.UnparseableLine, $"成员单位“{unit}”下未列职责"));
        var text = duties.ToString();
        // A 职责分工 annex gives each member its own statutory duties: 按职责分工负责.
        return new ParsedTask(heading.Marker!.Number, text, isUnit ? [unit] : [], [], ResponsibilityMode.ByDuty,
            DeadlineReader.Read(text), null, new SourceLines(heading.Number, last));
    }

    // 浔阳区推进医养结合联席会议 成员单位职责分工: the short line the list stands under.
    private static string? TitleAbove(IReadOnlyList<DocumentLine> lines, DocumentLine first)
    {
        for (var i = first.Number - 2; i >= 0; i--)
        {
            if (lines[i].IsBlank) continue;
            return lines[i].Marker is null && lines[i].Text.Length <= 60 && !lines[i].Text.Contains('。') ? lines[i].Text : null;
        }
        return null;
    }

    // Consecutive items of one marker kind numbered 1, 2, 3 …
    private static List<List<DocumentLine>> Runs(List<DocumentLine> headings)
    {
        var runs = new List<List<DocumentLine>>();
        var open = new Dictionary<MarkerKind, List<DocumentLine>>();
        foreach (var h in headings)
        {
            var kind = h.Marker!.Kind;
            if (open.TryGetValue(kind, out var run) && h.Marker.Number == run[^1].Marker!.Number + 1) run.Add(h);
            else if (h.Marker.Number == 1)
            {
                open[kind] = [h];
                runs.Add(open[kind]);
            }
        }
        return runs;
    }
}
