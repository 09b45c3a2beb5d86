using YiyangTasks.Domain.Calendar;

namespace YiyangTasks.Domain.Tasks;

/// <summary>What a counted deadline counts (期间的单位): 个工作日, 日 (天), 个月, 年.</summary>
public enum CountUnit
{
    WorkingDays,
    Days,
    Months,
    Years,
}

/// <summary>
/// A deadline the plan counts from a day rather than dates (期间): 30个工作日内, 自印发之日起30日内, 印发后3个月内, 5年内.
/// The day it counts from is the plan's issue date; <see cref="Terms"/> makes it a horizon ending on its due date.
/// </summary>
public sealed record DeadlineCount(int Count, CountUnit Unit)
{
    /// <summary>
    /// The last day of the count from <paramref name="start"/>, which is not counted itself. Working days are the calendar's
    /// (weekends, holidays, make-up working days). Days, months and years count as 民法典 第二百零一条至第二百零三条 count a
    /// period: from the next day; a month or year ends on the corresponding day, or the month's last day when it has none
    /// (1 month from 1月31日 is 2月28日); a period whose last day is a day off ends on the next working day.
    /// </summary>
    public DateOnly Due(DateOnly start, WorkingDayCalendar calendar) => Unit == CountUnit.WorkingDays
        ? calendar.AddWorkingDays(start, Count)
        // The last day, or the first working day on or after it (AddWorkingDays with 0).
        : calendar.AddWorkingDays(Unit switch
        {
            CountUnit.Days => start.AddDays(Count),
            CountUnit.Months => start.AddMonths(Count),
            _ => start.AddYears(Count),
        }, 0);

    /// <summary>The terms the count implies: a horizon from <paramref name="start"/> to its due date, with the words as written.</summary>
    public DeadlineTerms Terms(string words, DateOnly start, WorkingDayCalendar calendar) =>
        new(DeadlineKind.Horizon, words, start, Due(start, calendar));
}
