using System.Text.RegularExpressions;
using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport;

/// <summary>
/// Reads a task's deadline as the genre writes it into <see cref="DeadlineTerms"/>: a date (2020年底前, 2021年6月), a range
/// (2019年1月1日至12月31日, 2021—2025年), a horizon (“十四五”期间, 2025年前, 到2022年, or counted from the plan's issue date:
/// 5年内, 30个工作日内, 自印发之日起30日内 — see <see cref="CountedDeadline"/>), a recurrence
/// (每年, 每季度, 每半年, 每月, 于每年12月底前报送, 年底前报送) or a standing task (长期坚持, 持续推进, 长期). The deadline cell or label
/// (完成时限, a 时限 annotation) speaks first; the task's own text next. In running text a recurrence counts only beside what is done
/// each time (每年培训, 每季度报送: not 每月补贴300元), a counted horizon only beside what is done by then (3年内建成: not 五年内继续按原用途),
/// and 长期 only as a phrase of doing (长期坚持: not 长期护理保险).
/// </summary>
public static partial class DeadlineTermsReader
{
    /// <summary>The terms of a parsed task; <paramref name="planDate"/> (the plan's issue date, else the import's) anchors 5年内,
    /// 30个工作日内 and 年内, working days counted on <paramref name="calendar"/> (the embedded official calendar when none is given).</summary>
    public static DeadlineTerms Read(ParsedTask task, DateOnly? planDate, WorkingDayCalendar? calendar = null) =>
        Read(task.RelativeDeadline, task.Text, task.Deadlines, planDate, calendar);

    /// <summary>The terms of a deadline cell (or label) and the task's text, given the dates already read from either.</summary>
    public static DeadlineTerms Read(string? cell, string text, IReadOnlyList<WrittenDeadline> written, DateOnly? planDate,
        WorkingDayCalendar? calendar = null)
    {
        var days = calendar ?? WorkingDayCalendar.ChinaMainland;
        if (!string.IsNullOrWhiteSpace(cell) && ReadSource(cell.Trim(), true, DeadlineReader.ReadCell(cell), planDate, days) is { Kind: not DeadlineKind.None } fromCell)
            return fromCell;
        return ReadSource(text, false, written, planDate, days);
    }

    private static DeadlineTerms ReadSource(string source, bool isCell, IReadOnlyList<WrittenDeadline> written, DateOnly? planDate,
        WorkingDayCalendar calendar)
    {
        var span = Span(source, isCell, written, planDate, calendar);
        if (Recurrence(source, isCell) is var (every, phrase))
        {
            var words = span is null ? phrase : $"{span.Words}；{phrase}";
            return new DeadlineTerms(DeadlineKind.Recurring, words, span?.From, span?.Until, every);
        }
        if (span is not null) return span;
        if (StandingPhrase(source, isCell) is { } standing) return new DeadlineTerms(DeadlineKind.Standing, standing);
        return DeadlineTerms.None();
    }

    // When the task ends: a range its dates lie in, a written date, a plan period, a horizon counted from the plan's date.
    private static DeadlineTerms? Span(string source, bool isCell, IReadOnlyList<WrittenDeadline> written, DateOnly? planDate,
        WorkingDayCalendar calendar)
    {
        var range = Range(source);
        // A written date that is the range's own end (…至2024年12月) is the range; another one is a deadline within it.
        if (range is not null && written.All(w => w.Date == range.Until)) return range;
        if (written.Count > 0)
        {
            var first = written.OrderBy(d => d.Date).First();
            var words = string.Join("；", written.Select(d => d.Words).Distinct());
            var dated = first.Words.IndexOfAny(['月', '日', '底', '末']) >= 0 || first.Words.Contains("半年", StringComparison.Ordinal);
            return new DeadlineTerms(dated ? DeadlineKind.Date : DeadlineKind.Horizon, words, Until: first.Date);
        }
        if (range is not null) return range;
        if (PlanPeriod().Match(source) is { Success: true } period)
        {
            var n = 10 + ("一二三四五".IndexOf(period.Groups["n"].Value[0], StringComparison.Ordinal) + 1);
            var start = 2006 + 5 * (n - 11);
            return new DeadlineTerms(DeadlineKind.Horizon, period.Value, new DateOnly(start, 1, 1), new DateOnly(start + 4, 12, 31));
        }
        return CountedDeadline.Read(source, isCell, planDate, calendar);
    }

    private static DeadlineTerms? Range(string source)
    {
        foreach (Match m in RangePattern().Matches(source))
        {
            var hasSecond = m.Groups["y2"].Success || m.Groups["m2"].Success;
            // 2021—2025年 names its years once, after the second; 2019年1月1日至12月31日 its year once, before.
            if (!hasSecond || !m.Groups["yr1"].Success && (!m.Groups["y2"].Success || m.Groups["m1"].Success)) continue;
            var y1 = int.Parse(m.Groups["y1"].Value);
            var y2 = m.Groups["y2"].Success ? int.Parse(m.Groups["y2"].Value) : y1;
            var from = Day(y1, Number(m, "m1") ?? 1, Number(m, "d1") ?? 1);
            var endMonth = Number(m, "m2") ?? 12;
            var until = Day(y2, endMonth, Number(m, "d2") ?? DateTime.DaysInMonth(y2, Math.Clamp(endMonth, 1, 12)));
            if (from is null || until is null || from > until) continue;
            return new DeadlineTerms(DeadlineKind.Range, Compact(m.Value), from, until);
        }
        return null;
    }

    /// <summary>Whether 年底前 at <paramref name="at"/> opens a yearly report (年底前向市政府报告), which is a recurrence, not the plan's year.</summary>
    internal static bool IsYearEndReport(string source, int at) => YearEndReport().Match(source, at) is { Success: true } report && report.Index == at;

    private static (ReportingCycle Every, string Phrase)? Recurrence(string source, bool isCell)
    {
        foreach (Match m in RecurrencePattern().Matches(source))
        {
            if (!isCell && !DoneEachTime(source, m.Index + m.Length)) continue;
            var every = m.Groups["every"].Value switch
            {
                "季度" => ReportingCycle.Quarterly,
                "半年" => ReportingCycle.HalfYearly,
                "月" or "个月" => ReportingCycle.Monthly,
                _ => ReportingCycle.Yearly,
            };
            return (every, Compact(m.Value));
        }
        // 年底前报送 / 年底前向市政府报告: a yearly report without a year.
        if (YearEndReport().Match(source) is { Success: true } report) return (ReportingCycle.Yearly, report.Groups["words"].Value);
        return null;
    }

    private static string? StandingPhrase(string source, bool isCell)
    {
        if (StandingPattern().Match(source) is { Success: true } m) return m.Value;
        var trimmed = source.Trim().TrimEnd('。');
        return isCell && trimmed is "长期" or "持续" or "常态化" or "长期有效" ? trimmed : null;
    }

    // Within the clause that follows: what is done each time.
    private static bool DoneEachTime(string source, int at) => EachTimeVerbs().IsMatch(ClauseAfter(source, at, 16));

    /// <summary>Up to <paramref name="length"/> characters after <paramref name="at"/>, within its clause.</summary>
    internal static string ClauseAfter(string source, int at, int length)
    {
        var end = Math.Min(source.Length, at + length);
        var stop = source.IndexOfAny(['。', '；', ';'], at);
        return source[at..(stop >= 0 && stop < end ? stop : end)];
    }

    private static int? Number(Match m, string group) => m.Groups[group].Success ? int.Parse(m.Groups[group].Value) : null;

    private static DateOnly? Day(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [GeneratedRegex(@"(?<y1>(?:19|20)\d{2})\s*(?<yr1>年)?\s*(?:(?<m1>\d{1,2})\s*月\s*(?:(?<d1>\d{1,2})\s*[日号])?)?\s*(?:至|到|—+|－|-|~|～|–)\s*(?:(?<y2>(?:19|20)\d{2})\s*年)?\s*(?:(?<m2>\d{1,2})\s*月\s*(?:(?<d2>\d{1,2})\s*[日号])?)?(?:底|末)?")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"[“""「]?十(?<n>[一二三四五])五[”""」]?(?:期间|时期|末|规划期内|规划期)")]
    private static partial Regex PlanPeriod();

    [GeneratedRegex(@"(?:于|在)?每(?<every>年|季度|半年|个月|月)(?:(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?)?(?:底|末)?(?:前|以前|之前)?")]
    private static partial Regex RecurrencePattern();

    [GeneratedRegex(@"(?<![0-9一二三四五六七八九十每本今明当])(?<words>年底前)(?=[^。；]{0,12}(?:报送|上报|报告))")]
    private static partial Regex YearEndReport();

    [GeneratedRegex(@"长期(?:坚持|推进|开展|实施|执行)|持续(?:推进|实施|开展|深化)|常态化(?:推进|开展|实施)")]
    private static partial Regex StandingPattern();

    [GeneratedRegex("报送|上报|报告|报[市县区省国]|开展|组织|培训|培养|督查|检查|评估|召开|提供|汇总|通报|更新|公布|考核|举办|调度|监测|体检|轮训|发布|调整|核查|走访|巡查|演练|宣传|安排")]
    private static partial Regex EachTimeVerbs();
}
