using YiyangTasks.Domain.Calendar;

namespace YiyangTasks.Domain.Tests.Calendar;

/// <summary>The embedded State Council arrangements, checked against the published notices.</summary>
public class OfficialHolidayDataSpecs
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.ChinaMainland;

    [Fact]
    public void Every_embedded_file_names_its_notice_and_holds_the_year_in_its_name()
    {
        var names = OfficialHolidayArrangements.ResourceNames();
        var arrangements = OfficialHolidayArrangements.Load();
        Assert.Equal(names.Count, arrangements.Count);
        Assert.Superset(new HashSet<int> { 2024, 2025, 2026 }, arrangements.Select(a => a.Year).ToHashSet());

        foreach (var (name, arrangement) in names.Zip(arrangements))
        {
            Assert.Equal($"YiyangTasks.Domain.Calendar.Holidays.{arrangement.Year}.json", name);
            Assert.Contains($"国务院办公厅关于{arrangement.Year}年部分节假日安排的通知", arrangement.Source);
            Assert.Contains("国办发明电", arrangement.Source);
            Assert.All(arrangement.Holidays, h =>
            {
                Assert.Equal(arrangement.Year, h.From.Year);
                Assert.Equal(arrangement.Year, h.To.Year);
            });
        }
    }

    [Theory]
    [InlineData(2024, "国办发明电〔2023〕7号")]
    [InlineData(2025, "国办发明电〔2024〕12号")]
    [InlineData(2026, "国办发明电〔2025〕7号")]
    public void Each_year_cites_its_document_number(int year, string documentNumber)
    {
        Assert.True(China.HasOfficialData(year));
        Assert.Contains(documentNumber, China.Arrangements.Single(a => a.Year == year).Source);
    }

    [Fact]
    public void The_mainland_calendar_has_official_data_for_2024_to_2026()
    {
        Assert.Superset(new HashSet<int> { 2024, 2025, 2026 }, China.YearsWithOfficialData.ToHashSet());
        Assert.Equal(China.YearsWithOfficialData.Order(), China.YearsWithOfficialData);
    }

    [Theory]
    // The notice's 共N天 per holiday, and make-up days per year.
    [InlineData(2024, new[] { 1, 8, 3, 5, 1, 3, 7 }, 8)]
    [InlineData(2025, new[] { 1, 8, 3, 5, 3, 8 }, 5)]
    [InlineData(2026, new[] { 3, 9, 3, 5, 3, 3, 7 }, 6)]
    public void Holiday_lengths_and_make_up_days_match_the_notice(int year, int[] days, int makeUpDays)
    {
        var arrangement = China.Arrangements.Single(a => a.Year == year);
        Assert.Equal(days, arrangement.Holidays.Select(h => h.Days));
        Assert.Equal(makeUpDays, arrangement.MakeUpWorkingDays.Count());
    }

    [Theory]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void A_year_has_the_published_number_of_working_days(int year, int workingDays)
    {
        Assert.Equal(workingDays, China.WorkingDaysBetween(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)));
    }

    [Theory]
    // The checks: National Day and Mid-Autumn run together for eight days in 2025.
    [InlineData("2025-10-01", "国庆节、中秋节")]
    [InlineData("2025-10-04", "国庆节、中秋节")]
    [InlineData("2025-10-08", "国庆节、中秋节")]
    [InlineData("2025-01-01", "元旦")]
    [InlineData("2025-01-28", "春节")]
    [InlineData("2025-02-04", "春节")]
    [InlineData("2025-04-04", "清明节")]
    [InlineData("2025-05-05", "劳动节")]
    [InlineData("2025-06-02", "端午节")]
    [InlineData("2024-01-01", "元旦")]
    [InlineData("2024-02-10", "春节")]
    [InlineData("2024-02-17", "春节")]
    [InlineData("2024-04-05", "清明节")]
    [InlineData("2024-05-03", "劳动节")]
    [InlineData("2024-06-10", "端午节")]
    [InlineData("2024-09-16", "中秋节")]
    [InlineData("2024-10-07", "国庆节")]
    [InlineData("2026-01-02", "元旦")]
    [InlineData("2026-02-15", "春节")]
    [InlineData("2026-02-23", "春节")]
    [InlineData("2026-04-06", "清明节")]
    [InlineData("2026-05-05", "劳动节")]
    [InlineData("2026-06-19", "端午节")]
    [InlineData("2026-09-25", "中秋节")]
    [InlineData("2026-10-07", "国庆节")]
    public void Holidays_are_not_working_days(string date, string holiday)
    {
        Assert.False(China.IsWorkingDay(Day.Of(date)));
        Assert.Equal(holiday, China.HolidayName(Day.Of(date)));
    }

    [Theory]
    [InlineData("2025-09-28")] // the issue: Sunday before National Day
    [InlineData("2025-10-11")] // the issue: Saturday after it
    [InlineData("2025-01-26")]
    [InlineData("2025-02-08")]
    [InlineData("2025-04-27")]
    [InlineData("2024-02-04")]
    [InlineData("2024-02-18")]
    [InlineData("2024-04-07")]
    [InlineData("2024-04-28")]
    [InlineData("2024-05-11")]
    [InlineData("2024-09-14")]
    [InlineData("2024-09-29")]
    [InlineData("2024-10-12")]
    [InlineData("2026-01-04")]
    [InlineData("2026-02-14")]
    [InlineData("2026-02-28")]
    [InlineData("2026-05-09")]
    [InlineData("2026-09-20")]
    [InlineData("2026-10-10")]
    public void Make_up_weekend_days_are_working_days(string date)
    {
        var day = Day.Of(date);
        Assert.True(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.True(China.IsWorkingDay(day));
        Assert.True(China.IsMakeUpWorkingDay(day));
        Assert.Null(China.HolidayName(day));
    }

    [Theory]
    [InlineData("2024-03-16")]
    [InlineData("2024-06-08")] // the weekend 端午节 2024 joins: off, but not named by the notice
    [InlineData("2025-03-15")]
    [InlineData("2025-10-12")] // Sunday after the 2025-10-11 make-up day
    [InlineData("2026-03-14")]
    [InlineData("2026-10-11")]
    public void Ordinary_weekend_days_are_not_working_days(string date)
    {
        Assert.False(China.IsWorkingDay(Day.Of(date)));
        Assert.False(China.IsMakeUpWorkingDay(Day.Of(date)));
        Assert.Null(China.HolidayName(Day.Of(date)));
    }

    [Theory]
    [InlineData("2024-02-09")] // 除夕 2024: the notice only encourages leave, it stays a working day
    [InlineData("2024-03-12")]
    [InlineData("2025-09-30")]
    [InlineData("2025-10-09")]
    [InlineData("2025-03-12")]
    [InlineData("2026-02-24")]
    [InlineData("2026-10-08")]
    [InlineData("2026-03-12")]
    public void Ordinary_weekdays_are_working_days(string date)
    {
        Assert.True(China.IsWorkingDay(Day.Of(date)));
        Assert.Null(China.HolidayName(Day.Of(date)));
    }
}
