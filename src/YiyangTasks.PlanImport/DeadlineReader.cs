using System.Text.RegularExpressions;

namespace YiyangTasks.PlanImport;

/// <summary>
/// Reads the deadlines a task's text sets: 到2022年 → 2022-12-31; 2017年7月底前 → 2017-07-31; 2017年底前 →
/// 2017-12-31; 到2022年、2025年 → both; a relative one (受理后10个工作日内) is kept as words for the timeliness rules.
/// A year that is only mentioned (开展2022年彩票公益金…) is not a deadline.
/// </summary>
public static partial class DeadlineReader
{
    public static IReadOnlyList<WrittenDeadline> Read(string text)
    {
        var deadlines = new List<WrittenDeadline>();
        foreach (Match m in DatedTarget().Matches(text))
        {
            var lead = m.Groups["lead"].Value;
            var end = m.Groups["end"].Value;
            if (lead.Length == 0 && end.Length == 0) continue;
            foreach (Capture year in m.Groups["year"].Captures)
            {
                if (!int.TryParse(year.Value, out var y) || y is < 1990 or > 2100) continue;
                var date = DateFor(y, m.Groups["month"].Success ? m.Groups["month"].Value : null, m.Groups["day"].Success ? m.Groups["day"].Value : null);
                if (date is { } d && deadlines.All(x => x.Date != d)) deadlines.Add(new WrittenDeadline(d, m.Value.Trim()));
            }
        }
        return deadlines;
    }

    public static string? Relative(string text) => RelativeLimit().Match(text) is { Success: true } m ? m.Value : null;

    private static DateOnly? DateFor(int year, string? month, string? day)
    {
        if (month is null) return new DateOnly(year, 12, 31);
        if (!int.TryParse(month, out var m) || m is < 1 or > 12) return null;
        if (day is null) return new DateOnly(year, m, DateTime.DaysInMonth(year, m));
        return int.TryParse(day, out var d) && d >= 1 && d <= DateTime.DaysInMonth(year, m) ? new DateOnly(year, m, d) : null;
    }

    // 到/至/力争/于/在 … 2022年[、2025年] [7月[31日]] [底/末/年底] [前/以前]: a target, not a mention.
    [GeneratedRegex(@"(?<lead>到|至|力争到?|于|在|截至|截止)?\s*(?<year>\d{4})年(?:\s*[、和及]\s*(?<year>\d{4})年)*(?:(?<month>\d{1,2})月(?:(?<day>\d{1,2})[日号])?)?(?<end>年?底前|年?底以前|年?底|年?末前|年?末|前|以前|之前)?")]
    private static partial Regex DatedTarget();

    [GeneratedRegex(@"[^，。；,;]{0,20}?\d+个?(?:工作日|日|天|个月)[内以]内?")]
    private static partial Regex RelativeLimit();
}
