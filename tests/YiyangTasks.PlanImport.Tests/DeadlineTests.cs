namespace YiyangTasks.PlanImport.Tests;

/// <summary>Deadline words read as the last day they allow.</summary>
public class DeadlineTests
{
    [Theory]
    [InlineData("到2022年基本建成", "2022-12-31", "到2022年")]
    [InlineData("2017年7月底前完成", "2017-07-31", "2017年7月底前")]
    [InlineData("2017年底前完成规划编制", "2017-12-31", "2017年底前")]
    [InlineData("到2018年底，全市所有县（区）开展试点", "2018-12-31", "到2018年底")]
    [InlineData("2024年2月底前", "2024-02-29", "2024年2月底前")]
    [InlineData("于2023年6月30日前报送", "2023-06-30", "于2023年6月30日前")]
    [InlineData("到 2022 年，我市", "2022-12-31", "到2022年")]
    [InlineData("2023年上半年前完成", "2023-06-30", "2023年上半年前")]
    [InlineData("稳固新农合的参合覆盖面,2011年实现参合率98%以上", "2011-12-31", "2011年")]
    public void Deadline_words_become_the_last_day_they_allow(string text, string date, string words)
    {
        var deadline = Assert.Single(DeadlineReader.Read(text));

        Assert.Equal(DateOnly.Parse(date), deadline.Date);
        Assert.Equal(words, deadline.Words);
    }

    [Theory]
    [InlineData("2023年地区生产总值增长6%")]
    [InlineData("较2020年实现翻番")]
    public void A_bare_year_is_a_target_only_opening_a_clause_before_what_is_to_be_achieved(string text) =>
        Assert.Empty(DeadlineReader.Read(text));

    [Fact]
    public void Two_years_after_one_to_are_two_deadlines()
    {
        var deadlines = DeadlineReader.Read("到2022年、2025年，养老机构设立的医疗机构分别达10家、30家");

        Assert.Equal([new DateOnly(2022, 12, 31), new DateOnly(2025, 12, 31)], deadlines.Select(d => d.Date));
    }

    [Theory]
    [InlineData("2019年8月21日国务院常务会议决定")]
    [InlineData("2021-2022年全市每年培训1000名")]
    [InlineData("《信阳市医疗卫生服务体系规划（2016-2020年）》")]
    [InlineData("2016年至2020年")]
    [InlineData("国卫老龄发〔2019〕60号")]
    public void Dates_that_are_no_deadline_are_not_read_as_one(string text)
    {
        Assert.Empty(DeadlineReader.Read(text));
    }
}

/// <summary>A table's deadline cell (完成时限), where a bare date is a deadline too.</summary>
public class DeadlineCellTests
{
    [Theory]
    [InlineData("2024年6月", "2024-06-30", "2024年6月")]
    [InlineData("2025年", "2025-12-31", "2025年")]
    [InlineData(" 2023年9月。", "2023-09-30", "2023年9月")]
    [InlineData("2024年12月底前", "2024-12-31", "2024年12月底前")]
    public void A_date_alone_in_a_deadline_cell_is_the_deadline(string cell, string date, string words)
    {
        var deadline = Assert.Single(DeadlineReader.ReadCell(cell));

        Assert.Equal(DateOnly.Parse(date), deadline.Date);
        Assert.Equal(words, deadline.Words);
    }

    [Fact]
    public void A_range_in_a_deadline_cell_does_not_make_its_start_a_deadline()
    {
        Assert.DoesNotContain(DeadlineReader.ReadCell("2024年1月至2024年12月"), d => d.Date == new DateOnly(2024, 1, 31));
    }

    [Fact]
    public void Words_without_a_date_in_a_deadline_cell_are_no_dated_deadline()
    {
        Assert.Empty(DeadlineReader.ReadCell("长期坚持"));
    }
}
