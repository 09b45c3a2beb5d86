using System.Text.RegularExpressions;
using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport;

/// <summary>
/// A deadline counted rather than dated. From the plan's issue date: 3年内建成, 3个月内, 30个工作日内, and the same after the words that
/// name the plan's issue (自本方案印发之日起30日内, 文件印发后3个月内, 今后5年内). Within the plan's year: 年内, 年底前, and a month
/// without its year (10月底前, 11月底前 — 西湖 2024 民生实事, 计划完成时间), the next year's when that month-end is past. From an event the
/// plan cannot date, its words are kept and it has no day: 自受理设立申请后10个工作日内颁发养老机构设立许可证 (信阳 seed).
/// </summary>
internal static partial class CountedDeadline
{
    /// <summary>The first counted deadline in <paramref name="source"/> and the terms it implies from <paramref name="planDate"/>;
    /// in running text only beside what is to be done by then (3个月内出台: not 五年内继续按原用途).</summary>
    public static DeadlineTerms? Read(string source, bool isCell, DateOnly? planDate, WorkingDayCalendar calendar)
    {
        foreach (Match m in Pattern().Matches(source))
        {
            if (!isCell && !DoneBy(source, m.Index + m.Length)) continue;
            if (DeadlineTermsReader.IsYearEndReport(source, m.Index)) continue; // 年底前报送: a yearly report, not the plan's year
            if (m.Groups["month"].Success)
            {
                if (!ChineseNumber.TryParse(m.Groups["month"].Value, out var month) || month is < 1 or > 12) continue;
                return new DeadlineTerms(DeadlineKind.Date, m.Value, planDate, planDate is { } issued ? MonthEndFrom(issued, month) : null);
            }
            if (!m.Groups["n"].Success)
            {
                var kind = m.Value.Contains('底') ? DeadlineKind.Date : DeadlineKind.Horizon;
                return new DeadlineTerms(kind, m.Value, planDate, planDate is { } year ? new DateOnly(year.Year, 12, 31) : null);
            }
            if (!ChineseNumber.TryParse(m.Groups["n"].Value, out var n) || n <= 0) continue;
            var count = new DeadlineCount(n, Unit(m.Groups["unit"].Value));
            var before = ClauseBefore(source, m.Index);
            if (PlanAnchor().Match(before) is { Success: true } plan)
                return Counted(count, Compact(plan.Value + m.Value), planDate, calendar);
            if (EventAnchor().Match(before) is { Success: true } anchor)
                return new DeadlineTerms(DeadlineKind.Horizon, Compact(anchor.Value + m.Value)); // no day: the office sets it
            return Counted(count, m.Value, planDate, calendar);
        }
        return null;
    }

    private static DeadlineTerms Counted(DeadlineCount count, string words, DateOnly? planDate, WorkingDayCalendar calendar) =>
        planDate is { } issued ? count.Terms(words, issued, calendar) : new DeadlineTerms(DeadlineKind.Horizon, words);

    // The first end of that month on or after the plan's date: a plan does not set a deadline before it is issued.
    private static DateOnly MonthEndFrom(DateOnly issued, int month)
    {
        DateOnly End(int year) => new(year, month, DateTime.DaysInMonth(year, month));
        return End(issued.Year) >= issued ? End(issued.Year) : End(issued.Year + 1);
    }

    private static CountUnit Unit(string unit) => unit switch
    {
        "年" => CountUnit.Years,
        "个月" => CountUnit.Months,
        "日" or "天" => CountUnit.Days,
        _ => CountUnit.WorkingDays,
    };

    // What is done by then, within the clause that follows the count.
    private static bool DoneBy(string source, int at) => DoneVerbs().IsMatch(DeadlineTermsReader.ClauseAfter(source, at, 12));

    // The clause's words before the count: what it counts from, when it says.
    private static string ClauseBefore(string source, int at)
    {
        var start = source.LastIndexOfAny(['，', ',', '。', '；', ';', '：', ':', '（', '(', '、'], Math.Max(0, at - 1)) + 1;
        return start >= at ? "" : source[start..at];
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [GeneratedRegex(@"(?:(?<n>[0-9一二两三四五六七八九十]{1,3})\s*(?<unit>年|个月|个工作日|工作日|日|天)(?:内|以内))|(?<![0-9一二两三四五六七八九十每本今明当])年(?:内|底前)|(?<![年0-9一二三四五六七八九十])(?<month>1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月(?:[底末](?:前|以前|之前)?|前|以前|之前)")]
    private static partial Regex Pattern();

    // 自本方案印发之日起, 本意见印发后, 文件印发后, 自印发之日起, 今后: the plan's own issue.
    [GeneratedRegex(@"(?:(?:自|从|在|于)?(?:本|该|此)?(?:方案|意见|通知|文件|办法|计划|规划|细则|要点|清单|决定)?(?:印发|下发|发布|出台)(?:之日起|之日|以后|后|起)|今后|未来)\s*$")]
    private static partial Regex PlanAnchor();

    // 自受理设立申请后, 在受理设置申请后, 收到通知之日起: something that happens later, on a day the plan cannot give.
    [GeneratedRegex(@"(?:自|从|在|于)?[^自从在于]{1,12}(?:之日起|以后|后|起)\s*$")]
    private static partial Regex EventAnchor();

    [GeneratedRegex("完成|实现|建成|达到|达|出台|制定|建立|覆盖|基本|全面|办结|落实|提高|提升|印发|报送|上报|提交|颁发|批复|答复|反馈|整改")]
    private static partial Regex DoneVerbs();
}
