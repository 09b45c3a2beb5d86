using YiyangTasks.Domain.Calendar;

namespace YiyangTasks.Domain.Tests.Calendar;

/// <summary>A notice an administrator loads is checked as the committed ones would be, and every problem is named in Chinese.</summary>
public class HolidayNoticeRulesSpecs
{
    private const string Source2027 = "国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕9号，2026年11月5日）";

    private static HolidayPeriodDraft Holiday(string name, string from, string to, params string[] makeUp) =>
        new(name, Day.Of(from), Day.Of(to), makeUp.Select(Day.Of).ToArray());

    private static IReadOnlyList<NoticeProblem> Check2027(params HolidayPeriodDraft[] holidays) =>
        HolidayNoticeRules.Check(2027, Source2027, holidays, OfficialHolidayArrangements.Load());

    [Fact]
    public void Every_committed_notice_passes_the_rules_an_administrator_s_notice_must_pass()
    {
        var committed = OfficialHolidayArrangements.Load();
        foreach (var year in committed)
        {
            var drafts = year.Holidays.Select(h => new HolidayPeriodDraft(h.Name, h.From, h.To, h.MakeUpWorkingDays)).ToArray();
            Assert.Empty(HolidayNoticeRules.Check(year.Year, year.Source, drafts, committed));
        }
    }

    [Fact]
    public void A_sound_notice_for_next_year_has_no_problems()
    {
        Assert.Empty(Check2027(
            Holiday("元旦", "2027-01-01", "2027-01-03"),
            Holiday("国庆节", "2027-10-01", "2027-10-07", "2027-09-26", "2027-10-09")));
        Assert.Equal("国办发明电〔2026〕9号", HolidayNoticeRules.NoticeNumber(Source2027));
    }

    [Theory]
    [InlineData("国务院办公厅关于2027年部分节假日安排的通知")]
    [InlineData("国办发明电[2026]9号")]
    [InlineData("国办发明电〔2019〕9号")]
    public void The_notice_s_document_number_is_required_and_issued_the_year_before_or_in_the_year(string source)
    {
        var problem = Assert.Single(HolidayNoticeRules.Check(2027, source, [Holiday("元旦", "2027-01-01", "2027-01-03")], []));
        Assert.Equal("source", problem.Field);
        Assert.StartsWith("number-", problem.Code); // 须写明通知的文号 / 文号…不是2027年的节假日安排
    }

    [Fact]
    public void A_make_up_working_day_is_a_weekend_day_and_never_also_a_day_off()
    {
        var problems = Check2027(
            Holiday("国庆节", "2027-10-01", "2027-10-07", "2027-09-30", "2027-10-03"),
            Holiday("中秋节", "2027-09-15", "2027-09-17", "2027-10-09", "2027-10-09"));

        Assert.Equal(
        [
            ("holidays[0].makeUpWorkingDays[0]", "make-up-not-weekend", "day=2027-09-30 weekday=Thursday"), // 2027年9月30日是星期四
            ("holidays[0].makeUpWorkingDays[1]", "make-up-is-day-off", "day=2027-10-03 name=国庆节"),
            ("holidays[1].makeUpWorkingDays[1]", "make-up-repeated", "day=2027-10-09"),
        ], problems.Select(p => (p.Field, p.Code, Facts(p))));
    }

    [Fact]
    public void Days_off_fall_within_the_year_include_a_weekday_and_do_not_run_for_weeks()
    {
        var problems = Check2027(
            Holiday("劳动节", "2028-05-01", "2028-05-05"),
            Holiday("端午节", "2027-06-12", "2027-06-13"),
            Holiday("春节", "2027-02-01", "2027-03-01"));

        Assert.Equal(["holidays[0]", "holidays[1]", "holidays[2]"], problems.Select(p => p.Field));
        Assert.Equal("outside-year", problems[0].Code); // 须在2027年内
        Assert.Equal("all-weekend", problems[1].Code); // 全在周末
        Assert.Equal(("too-long", 29), (problems[2].Code, problems[2].Args["days"])); // 连续放假29天
    }

    [Fact]
    public void A_notice_claims_no_day_of_another_year_s_arrangement_and_its_holidays_do_not_overlap()
    {
        // 2026 as if someone had loaded a New Year holiday into it by mistake.
        var misread2026 = new HolidayArrangement(2026, "国务院办公厅关于2026年部分节假日安排的通知（误录）",
            [new HolidayPeriod("元旦（误录）", Day.Of("2026-12-26"), Day.Of("2026-12-31"), [])]);
        var problems = HolidayNoticeRules.Check(2027, Source2027,
        [
            Holiday("元旦", "2026-12-31", "2027-01-02", "2026-12-27"),
            Holiday("清明节", "2027-04-03", "2027-04-05"),
            Holiday("清明节（重复）", "2027-04-05", "2027-04-06"),
        ], [misread2026]);

        Assert.Equal(
        [
            ("holidays[0]", "overlap-other-year", "name=元旦 year=2026 other=元旦（误录） from=2026-12-26 to=2026-12-31"),
            ("holidays[0].makeUpWorkingDays[0]", "make-up-is-day-off-other-year", "day=2026-12-27 year=2026 name=元旦（误录）"),
            ("holidays[2]", "overlap", "name=清明节（重复） other=清明节"),
        ], problems.Select(p => (p.Field, p.Code, Facts(p))));
    }

    private static string Facts(NoticeProblem problem) =>
        string.Join(" ", problem.Args.Select(a => $"{a.Key}={(a.Value is DateOnly d ? d.ToString("yyyy-MM-dd") : a.Value)}"));
}
