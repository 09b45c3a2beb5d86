namespace YiyangTasks.Domain.Tasks;

/// <summary>How a plan words when a task is due (完成时限).</summary>
public enum DeadlineKind
{
    /// <summary>The plan says nothing about when.</summary>
    None,

    /// <summary>A day, month or year-end: 2020年底前, 2021年6月, 2022年12月31日前.</summary>
    Date,

    /// <summary>A span with a start and an end: 2019年1月1日至12月31日, 2021—2025年.</summary>
    Range,

    /// <summary>A horizon: 5年内 or 30个工作日内 (counted from the plan's issue date, see <see cref="DeadlineCount"/>), "十四五"期间, 2025年前, 到2022年.</summary>
    Horizon,

    /// <summary>Again and again: 每年, 每季度, 每半年, 每月, 于每年12月底前报送.</summary>
    Recurring,

    /// <summary>Without end: 长期坚持, 持续推进, 长期.</summary>
    Standing,
}

/// <summary>
/// A task's deadline as the plan writes it (完成时限): its kind, the words as written, and the dates they imply.
/// <see cref="Until"/> is the end (a date's day, a range's or horizon's last day, a recurring task's last day when bounded);
/// <see cref="From"/> a range's or bounded recurrence's first day; <see cref="Every"/> how often a recurring task recurs.
/// </summary>
public sealed record DeadlineTerms(DeadlineKind Kind, string Words, DateOnly? From = null, DateOnly? Until = null, ReportingCycle? Every = null)
{
    public static DeadlineTerms None(string words = "") => new(DeadlineKind.None, words);

    /// <summary>The final due date, what <see cref="SupervisedTask.Deadline"/> holds: the end of a date, range or horizon, or of a bounded
    /// recurrence; none for a standing task, which is reviewed each year instead of completed.</summary>
    public DateOnly? FinalDue => Kind is DeadlineKind.Standing or DeadlineKind.None ? null : Until;

    /// <summary>The due dates the terms imply from <paramref name="assigned"/> through <paramref name="through"/>: the final due date for a date,
    /// range or horizon; each recurrence's end for a recurring task (each year-end, quarter-end, 6月30日 and 12月31日, month-end);
    /// each year-end's review for a standing task.</summary>
    public IReadOnlyList<DateOnly> DueDates(DateOnly assigned, DateOnly through) => Kind switch
    {
        DeadlineKind.Recurring when Every is { } every => Recurrences(assigned, every).Select(p => p.End).TakeWhile(d => d <= through).ToArray(),
        DeadlineKind.Standing => Recurrences(assigned, ReportingCycle.Yearly).Select(p => p.End).TakeWhile(d => d <= through).ToArray(),
        _ => FinalDue is { } due ? [due] : [],
    };

    /// <summary>The periods a recurring task owes (or, for a standing task, the years it is reviewed), from the one containing
    /// the later of <paramref name="assigned"/> and <see cref="From"/>, up to <see cref="Until"/> when bounded.</summary>
    public IEnumerable<(DateOnly Start, DateOnly End)> Recurrences(DateOnly assigned, ReportingCycle every)
    {
        var months = every switch
        {
            ReportingCycle.Monthly => 1,
            ReportingCycle.Quarterly => 3,
            ReportingCycle.HalfYearly => 6,
            _ => 12,
        };
        var first = From is { } from && from > assigned ? from : assigned;
        var start = new DateOnly(first.Year, (first.Month - 1) / months * months + 1, 1);
        while (Until is not { } until || start <= until)
        {
            var next = start.AddMonths(months);
            yield return (start, next.AddDays(-1));
            start = next;
        }
    }

    /// <summary>What is wrong with these terms as the office states them, or null when they hold together.</summary>
    public RuleCode? Problem() => Kind switch
    {
        _ when string.IsNullOrWhiteSpace(Words) && Kind != DeadlineKind.None => RuleCode.DeadlineTermsNeedWords,
        DeadlineKind.Date or DeadlineKind.Horizon when Until is null => RuleCode.DeadlineTermsNeedUntil,
        DeadlineKind.Range when From is null || Until is null => RuleCode.DeadlineTermsNeedRange,
        DeadlineKind.Recurring when Every is null => RuleCode.DeadlineTermsNeedCycle,
        DeadlineKind.Standing or DeadlineKind.None when Until is not null || Every is not null => RuleCode.DeadlineTermsStandingHasDates,
        _ when From is { } from && Until is { } until && from > until => RuleCode.DeadlineTermsFromAfterUntil,
        _ => null,
    };
}
