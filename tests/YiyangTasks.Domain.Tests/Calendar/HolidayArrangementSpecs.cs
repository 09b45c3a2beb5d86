using YiyangTasks.Domain.Calendar;

namespace YiyangTasks.Domain.Tests.Calendar;

/// <summary>Arrangements are checked when read, so a typo in a year file fails loudly rather than moving a deadline.</summary>
public class HolidayArrangementSpecs
{
    private const string Source = "国务院办公厅关于2031年部分节假日安排的通知（测试）";

    [Fact]
    public void A_calendar_can_be_built_from_a_tests_own_year()
    {
        var arrangement = HolidayArrangement.FromJson("""
            {
              "year": 2031,
              "source": "国务院办公厅关于2031年部分节假日安排的通知（测试）",
              "holidays": [
                { "name": "国庆节", "from": "2031-10-01", "to": "2031-10-07", "makeUpWorkingDays": ["2031-09-28", "2031-10-11"] }
              ]
            }
            """);
        var calendar = new WorkingDayCalendar([arrangement]);

        Assert.Equal([2031], calendar.YearsWithOfficialData);
        Assert.True(calendar.HasOfficialData(2031));
        Assert.False(calendar.IsWorkingDay(Day.Of("2031-10-01")));
        Assert.True(calendar.IsWorkingDay(Day.Of("2031-09-28")));
        Assert.Equal("国庆节", calendar.HolidayName(Day.Of("2031-10-07")));
        Assert.Equal(Day.Of("2031-10-08"), calendar.AddWorkingDays(Day.Of("2031-09-30"), 1));
    }

    [Fact]
    public void A_make_up_working_day_must_be_a_weekend_day()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new HolidayPeriod("国庆节", Day.Of("2031-10-01"), Day.Of("2031-10-07"), [Day.Of("2031-09-30")]));
        Assert.Contains("2031-09-30", e.Message);
    }

    [Fact]
    public void A_period_cannot_end_before_it_starts()
    {
        Assert.Throws<ArgumentException>(() => new HolidayPeriod("春节", Day.Of("2031-01-28"), Day.Of("2031-01-20"), []));
    }

    [Fact]
    public void Periods_of_a_year_cannot_overlap()
    {
        HolidayPeriod[] periods =
        [
            new("中秋节", Day.Of("2031-09-30"), Day.Of("2031-10-02"), []),
            new("国庆节", Day.Of("2031-10-01"), Day.Of("2031-10-07"), []),
        ];
        Assert.Throws<ArgumentException>(() => new HolidayArrangement(2031, Source, periods));
    }

    [Fact]
    public void An_arrangement_must_name_its_notice()
    {
        Assert.Throws<ArgumentException>(() => new HolidayArrangement(2031, " ", []));
        Assert.Throws<FormatException>(() => HolidayArrangement.FromJson("""{ "year": 2031, "holidays": [] }"""));
    }

    [Fact]
    public void An_arrangement_keeps_to_its_year()
    {
        HolidayPeriod[] periods = [new("国庆节", Day.Of("2032-10-01"), Day.Of("2032-10-07"), [])];
        Assert.Throws<ArgumentException>(() => new HolidayArrangement(2031, Source, periods));
    }

    [Fact]
    public void Two_arrangements_for_one_year_are_refused()
    {
        var arrangement = new HolidayArrangement(2031, Source, []);
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([arrangement, arrangement]));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{ "year": 2031, "source": "x", "holidays": [ { "name": "春节", "from": "2031-13-01", "to": "2031-01-02" } ] }""")]
    [InlineData("""{ "year": 2031, "source": "x", "holidays": [ { "name": "春节", "to": "2031-01-02" } ] }""")]
    public void Malformed_json_is_a_format_error(string json)
    {
        Assert.Throws<FormatException>(() => HolidayArrangement.FromJson(json));
    }
}
