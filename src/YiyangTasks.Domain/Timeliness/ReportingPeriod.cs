using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Domain.Timeliness;

/// <summary>A reporting period (报告期) of a cycle: a calendar month, quarter, half-year or year.</summary>
internal readonly record struct ReportingPeriod(DateOnly Start, DateOnly End)
{
    /// <summary>The periods of <paramref name="cycle"/>, without end, from the one containing <paramref name="first"/>.</summary>
    public static IEnumerable<ReportingPeriod> From(DateOnly first, ReportingCycle cycle)
    {
        var months = cycle switch
        {
            ReportingCycle.Monthly => 1,
            ReportingCycle.Quarterly => 3,
            ReportingCycle.HalfYearly => 6,
            ReportingCycle.Yearly => 12,
            _ => throw new ArgumentOutOfRangeException(nameof(cycle), cycle, "Unknown reporting cycle."),
        };
        var start = new DateOnly(first.Year, (first.Month - 1) / months * months + 1, 1);
        while (true)
        {
            var next = start.AddMonths(months);
            yield return new ReportingPeriod(start, next.AddDays(-1));
            start = next;
        }
    }

    public DateTimeOffset EndsAt => ChinaTime.EndOf(End);

    /// <summary>
    /// The report is due on the <paramref name="workingDay"/>-th working day of the month after the period, or on that
    /// month's last working day when it has fewer (a February with 春节 has 16).
    /// </summary>
    public DateOnly DueOn(WorkingDayCalendar calendar, int workingDay)
    {
        var monthStart = End.AddDays(1);
        var workingDaysInMonth = calendar.WorkingDaysBetween(End, monthStart.AddMonths(1).AddDays(-1));
        return calendar.NthWorkingDayOfMonth(monthStart.Year, monthStart.Month, Math.Clamp(workingDay, 1, workingDaysInMonth));
    }

    public bool Overlaps(DateOnly start, DateOnly end) => start <= End && end >= Start;
}
