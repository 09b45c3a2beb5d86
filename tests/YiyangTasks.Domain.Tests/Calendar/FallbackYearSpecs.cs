using YiyangTasks.Domain.Calendar;

namespace YiyangTasks.Domain.Tests.Calendar;

/// <summary>Years without a State Council notice count weekends only, and say so.</summary>
public class FallbackYearSpecs
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.ChinaMainland;

    [Fact]
    public void A_year_without_a_notice_has_no_official_data()
    {
        Assert.False(China.HasOfficialData(2030));
        Assert.False(China.HasOfficialData(2023));
        Assert.DoesNotContain(2030, China.YearsWithOfficialData);
    }

    [Theory]
    [InlineData("2030-10-01", true)] // a Tuesday: no notice, so no National Day
    [InlineData("2030-01-01", true)]
    [InlineData("2030-10-05", false)]
    [InlineData("2030-10-06", false)]
    [InlineData("2030-10-07", true)]
    public void Without_a_notice_only_weekends_are_days_off(string date, bool working)
    {
        Assert.Equal(working, China.IsWorkingDay(Day.Of(date)));
        Assert.Null(China.HolidayName(Day.Of(date)));
    }

    [Fact]
    public void Without_a_notice_arithmetic_skips_weekends_only()
    {
        Assert.Equal(Day.Of("2030-10-07"), China.AddWorkingDays(Day.Of("2030-10-04"), 1));
        Assert.Equal(5, China.WorkingDaysBetween(Day.Of("2030-10-04"), Day.Of("2030-10-11")));
        Assert.Equal(261, China.WorkingDaysBetween(Day.Of("2029-12-31"), Day.Of("2030-12-31")));
    }

    [Fact]
    public void A_calendar_without_any_arrangement_is_weekends_only()
    {
        var weekendsOnly = new WorkingDayCalendar([]);
        Assert.Empty(weekendsOnly.YearsWithOfficialData);
        Assert.False(weekendsOnly.HasOfficialData(2025));
        Assert.True(weekendsOnly.IsWorkingDay(Day.Of("2025-10-01")));
        Assert.False(weekendsOnly.IsWorkingDay(Day.Of("2025-10-11")));
        Assert.Equal(Day.Of("2025-10-02"), weekendsOnly.AddWorkingDays(Day.Of("2025-10-01"), 1));
    }
}
