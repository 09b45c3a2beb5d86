using YiyangTasks.Domain.Calendar;

namespace YiyangTasks.Domain.Tests.Calendar;

/// <summary>Deadlines and lateness counted in working days across the long holidays.</summary>
public class WorkingDayArithmeticSpecs
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.ChinaMainland;

    [Theory]
    // National Day 2025: 10-01..10-08 off, 09-28 (Sun) and 10-11 (Sat) worked.
    [InlineData("2025-09-26", 1, "2025-09-28")]
    [InlineData("2025-09-26", 2, "2025-09-29")]
    [InlineData("2025-09-30", 1, "2025-10-09")]
    [InlineData("2025-09-30", 2, "2025-10-10")]
    [InlineData("2025-09-30", 3, "2025-10-11")]
    [InlineData("2025-09-30", 4, "2025-10-13")]
    [InlineData("2025-10-03", 1, "2025-10-09")]
    // Spring Festival 2025: 01-28..02-04 off, 01-26 (Sun) and 02-08 (Sat) worked.
    [InlineData("2025-01-24", 1, "2025-01-26")]
    [InlineData("2025-01-27", 1, "2025-02-05")]
    [InlineData("2025-02-07", 1, "2025-02-08")]
    // Spring Festival 2026: 02-15..02-23 off, 02-14 (Sat) and 02-28 (Sat) worked.
    [InlineData("2026-02-13", 1, "2026-02-14")]
    [InlineData("2026-02-13", 2, "2026-02-24")]
    [InlineData("2026-02-14", 1, "2026-02-24")]
    [InlineData("2026-02-24", 4, "2026-02-28")]
    // Across the new year into 2026's make-up Sunday.
    [InlineData("2025-12-31", 1, "2026-01-04")]
    public void Adding_working_days_skips_holidays_and_counts_make_up_days(string from, int workingDays, string expected)
    {
        Assert.Equal(Day.Of(expected), China.AddWorkingDays(Day.Of(from), workingDays));
        Assert.Equal(Day.Of(expected), China.DueAfterWorkingDays(Day.Of(from), workingDays));
    }

    [Theory]
    [InlineData("2025-10-09", "2025-10-09")] // a working day stays
    [InlineData("2025-10-01", "2025-10-09")] // a holiday moves to the next working day
    [InlineData("2025-09-28", "2025-09-28")] // a make-up Sunday is a working day
    [InlineData("2025-10-12", "2025-10-13")] // an ordinary Sunday moves to Monday
    public void Adding_zero_working_days_gives_the_day_itself_or_the_next_working_day(string from, string expected)
    {
        Assert.Equal(Day.Of(expected), China.AddWorkingDays(Day.Of(from), 0));
    }

    [Theory]
    [InlineData("2025-10-09", -1, "2025-09-30")]
    [InlineData("2025-10-05", -1, "2025-09-30")]
    [InlineData("2025-09-29", -1, "2025-09-28")]
    [InlineData("2026-02-24", -2, "2026-02-13")]
    public void Negative_working_days_count_backwards(string from, int workingDays, string expected)
    {
        Assert.Equal(Day.Of(expected), China.AddWorkingDays(Day.Of(from), workingDays));
    }

    [Theory]
    [InlineData("2025-09-30", "2025-10-09", 1)]
    [InlineData("2025-09-30", "2025-10-08", 0)]
    [InlineData("2025-09-30", "2025-10-31", 18)]
    [InlineData("2025-01-24", "2025-02-05", 3)]
    [InlineData("2026-02-13", "2026-02-28", 6)]
    [InlineData("2025-10-09", "2025-10-09", 0)]
    public void Lateness_counts_working_days_after_the_due_day_up_to_and_including_the_day_done(string due, string done, int late)
    {
        Assert.Equal(late, China.WorkingDaysBetween(Day.Of(due), Day.Of(done)));
        Assert.Equal(-late, China.WorkingDaysBetween(Day.Of(done), Day.Of(due)));
    }

    [Theory]
    [InlineData(2025, 10, 1, "2025-10-09")]
    [InlineData(2025, 10, 5, "2025-10-14")]
    [InlineData(2025, 2, 5, "2025-02-10")]
    [InlineData(2026, 1, 1, "2026-01-04")] // a make-up Sunday can be the first working day
    [InlineData(2026, 1, 5, "2026-01-08")]
    [InlineData(2026, 2, 5, "2026-02-06")]
    [InlineData(2026, 2, 11, "2026-02-14")]
    [InlineData(2026, 2, 12, "2026-02-24")]
    [InlineData(2026, 2, 16, "2026-02-28")]
    [InlineData(2030, 10, 5, "2030-10-07")] // no notice for 2030: weekends only
    public void The_nth_working_day_of_a_month(int year, int month, int n, string expected)
    {
        Assert.Equal(Day.Of(expected), China.NthWorkingDayOfMonth(year, month, n));
    }

    [Fact]
    public void A_month_without_that_many_working_days_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => China.NthWorkingDayOfMonth(2026, 2, 17));
        Assert.Throws<ArgumentOutOfRangeException>(() => China.NthWorkingDayOfMonth(2026, 2, 0));
    }

    [Fact]
    public void Arithmetic_agrees_with_walking_day_by_day_over_the_official_years()
    {
        var first = new DateOnly(2023, 11, 1);
        var last = new DateOnly(2027, 4, 30);
        var workingDays = new List<DateOnly>();
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            if (China.IsWorkingDay(d))
                workingDays.Add(d);
        }

        for (var from = new DateOnly(2023, 12, 1); from <= new DateOnly(2027, 1, 31); from = from.AddDays(1))
        {
            var after = workingDays.FindIndex(w => w > from);
            var onOrAfter = workingDays.FindIndex(w => w >= from);
            var before = workingDays.FindLastIndex(w => w < from);
            Assert.Equal(workingDays[onOrAfter], China.AddWorkingDays(from, 0));
            foreach (var n in new[] { 1, 2, 5, 10, 15 })
            {
                Assert.Equal(workingDays[after + n - 1], China.AddWorkingDays(from, n));
                Assert.Equal(workingDays[before - n + 1], China.AddWorkingDays(from, -n));
            }
            foreach (var span in new[] { 0, 1, 7, 10, 40 })
            {
                var to = from.AddDays(span);
                var expected = workingDays.Count(w => w > from && w <= to);
                Assert.Equal(expected, China.WorkingDaysBetween(from, to));
            }
        }
    }

    [Fact]
    public void Long_spans_agree_with_walking_day_by_day()
    {
        var from = new DateOnly(2020, 3, 4);
        var day = from;
        for (var counted = 0; counted < 3000;)
        {
            day = day.AddDays(1);
            if (China.IsWorkingDay(day))
                counted++;
        }

        Assert.Equal(day, China.AddWorkingDays(from, 3000));
        Assert.Equal(3000, China.WorkingDaysBetween(from, day));
        Assert.True(China.IsWorkingDay(from));
        Assert.Equal(from, China.AddWorkingDays(day, -3000));
    }
}
