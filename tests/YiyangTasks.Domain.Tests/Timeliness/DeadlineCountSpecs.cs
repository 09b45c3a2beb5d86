using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Tests.Calendar;

namespace YiyangTasks.Domain.Tests.Timeliness;

/// <summary>A deadline counted from the plan's issue date (30个工作日内, 自印发之日起30日内, 印发后3个月内) falls where the working-day
/// calendar and 民法典 第二百零一条至第二百零三条 put it. National Day 2025: 10-01..10-08 off, 09-28 (Sun) and 10-11 (Sat) worked.</summary>
public class DeadlineCountSpecs
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.ChinaMainland;

    [Theory]
    [InlineData("2025-09-26", 10, "2025-10-16")] // 09-28, 09-29, 09-30, then 10-09 (the holiday skipped), 10-10, 10-11 (make-up Saturday) …
    [InlineData("2025-09-19", 30, "2025-11-06")] // counted on weekdays alone it would be 10-31
    [InlineData("2025-09-30", 1, "2025-10-09")]
    public void Working_days_are_counted_on_the_calendar_from_the_day_after_issue(string issued, int count, string due)
    {
        Assert.Equal(Day.Of(due), new DeadlineCount(count, CountUnit.WorkingDays).Due(Day.Of(issued), China));
    }

    [Theory]
    [InlineData("2025-09-22", 30, CountUnit.Days, "2025-10-22")]
    [InlineData("2025-09-22", 10, CountUnit.Days, "2025-10-09")] // 10-02 is in the National Day holiday: the next working day
    [InlineData("2025-09-19", 30, CountUnit.Days, "2025-10-20")] // 10-19 is a Sunday
    [InlineData("2025-07-01", 3, CountUnit.Months, "2025-10-09")] // 10-01: the holiday again
    [InlineData("2025-01-31", 1, CountUnit.Months, "2025-02-28")] // no 2月31日: the month's last day
    [InlineData("2025-03-18", 2, CountUnit.Months, "2025-05-19")] // 05-18 is a Sunday
    [InlineData("2024-02-29", 1, CountUnit.Years, "2025-02-28")]
    public void Days_months_and_years_end_on_the_corresponding_day_or_the_next_working_day(string issued, int count, CountUnit unit, string due)
    {
        Assert.Equal(Day.Of(due), new DeadlineCount(count, unit).Due(Day.Of(issued), China));
    }

    [Fact]
    public void A_count_is_a_horizon_from_the_issue_date_to_its_due_date_with_the_words_as_written()
    {
        var terms = new DeadlineCount(10, CountUnit.WorkingDays).Terms("自本方案印发之日起10个工作日内", Day.Of("2025-09-26"), China);

        Assert.Equal(new DeadlineTerms(DeadlineKind.Horizon, "自本方案印发之日起10个工作日内", Day.Of("2025-09-26"), Day.Of("2025-10-16")), terms);
        Assert.Equal(Day.Of("2025-10-16"), terms.FinalDue);
        Assert.Null(terms.Problem());
    }
}
