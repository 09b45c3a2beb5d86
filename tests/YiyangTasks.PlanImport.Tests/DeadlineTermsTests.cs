using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport.Tests;

/// <summary>Deadlines as the genre writes them, read into their kind and the dates they imply. The phrasings are taken from the
/// corpus and the seeds (the document each comes from is named beside it).</summary>
public class DeadlineTermsTests
{
    private static readonly DateOnly PlanDate = new(2021, 3, 16);

    private static DeadlineTerms Text(string text) => DeadlineTermsReader.Read(null, text, DeadlineReader.Read(text), PlanDate);

    private static DeadlineTerms Cell(string cell, string text = "做好政务公开工作") =>
        DeadlineTermsReader.Read(cell, text, DeadlineReader.Read(text), PlanDate);

    [Theory]
    [InlineData("2017年底前各试点县区完成医养结合服务", DeadlineKind.Date, "2017-12-31")] // 信阳 seed
    [InlineData("推进社区医养结合能力提升，2024年底前建成转型示范机构5家", DeadlineKind.Date, "2024-12-31")]
    [InlineData("2022年12月31日前完成全部社区卫生服务中心建设", DeadlineKind.Date, "2022-12-31")]
    [InlineData("到2022年，基本建立医养结合服务体系", DeadlineKind.Horizon, "2022-12-31")] // 茂名 seed
    [InlineData("2025年前实现城市街道全覆盖", DeadlineKind.Horizon, "2025-12-31")]
    [InlineData("开展年度评估，2019年1月1日至12月31日", DeadlineKind.Range, "2019-12-31")]
    [InlineData("2021—2025年，逐步建成覆盖城乡的服务网络", DeadlineKind.Range, "2025-12-31")]
    [InlineData("“十四五”期间建成县级医养结合服务中心", DeadlineKind.Horizon, "2025-12-31")]
    [InlineData("“十三五”时期基本建立应急体系", DeadlineKind.Horizon, "2020-12-31")]
    [InlineData("力争3年内建成区域医养结合服务中心", DeadlineKind.Horizon, "2024-03-18")] // 2024-03-16 is a Saturday: the next working day
    public void A_task_text_dated_or_bounded_reads_as_its_kind_ending_on_its_last_day(string text, DeadlineKind kind, string until)
    {
        var terms = Text(text);

        Assert.Equal(kind, terms.Kind);
        Assert.Equal(DateOnly.Parse(until), terms.Until);
        Assert.Equal(DateOnly.Parse(until), terms.FinalDue);
        Assert.False(string.IsNullOrEmpty(terms.Words));
    }

    [Fact]
    public void A_range_keeps_its_start_and_a_plan_period_its_five_years()
    {
        Assert.Equal((new DateOnly(2019, 1, 1), "2019年1月1日至12月31日"), (Text("2019年1月1日至12月31日开展专项行动").From!.Value, Text("2019年1月1日至12月31日开展").Words));
        Assert.Equal(new DateOnly(2021, 1, 1), Text("“十四五”期间建成").From);
        Assert.Equal(new DateOnly(2024, 1, 1), Cell("2024年1月至2024年12月").From);
        Assert.Equal(DeadlineKind.Range, Cell("2024年1月至2024年12月").Kind);
    }

    [Theory]
    [InlineData("将医养结合人才纳入卫生健康和养老服务人才培养计划，每年培训医养结合服务人员不少于300人次", ReportingCycle.Yearly)]
    [InlineData("实施基层卫生人才“1+2+1”培养计划，每年培养骨干医师20名", ReportingCycle.Yearly)]
    [InlineData("（县教体局负责）每年组织医养结合服务人员轮训一次", ReportingCycle.Yearly)]
    [InlineData("各地各有关部门要加强组织领导，于每年12月底前将工作进展情况报送国家卫生健康委", ReportingCycle.Yearly)]
    [InlineData("市卫生健康委、市民政局要会同有关部门建立工作台账，于每年12月20日前将任务落实情况报市政府", ReportingCycle.Yearly)]
    [InlineData("明确时间节点、责任领导、主要措施,并于每季度末向市政府报告重点工作进展情况", ReportingCycle.Quarterly)]
    [InlineData("突出问题导向,每季度督查汇总重点工作任务完成情况", ReportingCycle.Quarterly)]
    [InlineData("每半年对医养结合机构开展一次服务质量评估", ReportingCycle.HalfYearly)]
    [InlineData("每月调度一次各地工作进展", ReportingCycle.Monthly)]
    [InlineData("建立工作台账，年底前向市政府报告全年落实情况", ReportingCycle.Yearly)]
    public void A_task_done_again_and_again_reads_as_recurring_with_its_cycle(string text, ReportingCycle every)
    {
        var terms = Text(text);

        Assert.Equal((DeadlineKind.Recurring, every), (terms.Kind, terms.Every));
        Assert.Null(terms.FinalDue);
    }

    [Fact]
    public void A_recurrence_within_years_is_bounded_by_them()
    {
        // 2021-2022年全市每年培训1000名医疗护理人员和养老护理员 (茂名 seed).
        var terms = Text("对相关专业技术人员及服务人员进行专业技能培训，2021-2022年全市每年培训1000名医疗护理人员和养老护理员");

        Assert.Equal((DeadlineKind.Recurring, ReportingCycle.Yearly), (terms.Kind, terms.Every));
        Assert.Equal((new DateOnly(2021, 1, 1), new DateOnly(2022, 12, 31)), (terms.From!.Value, terms.Until!.Value));
        Assert.Equal(new DateOnly(2022, 12, 31), terms.FinalDue);
    }

    [Theory]
    [InlineData("将医养结合机构纳入“双随机、一公开”监管范围，长期坚持开展服务质量检查", "长期坚持")]
    [InlineData("建立医养结合统计调查制度，长期坚持开展监测评估", "长期坚持")]
    [InlineData("实施“证照分离”改革全覆盖,持续推进“一网通办”“一日办结”", "持续推进")]
    [InlineData("合一”改革。持续实施“歇业登记”等新制度", "持续实施")]
    public void A_task_without_end_reads_as_standing(string text, string words)
    {
        var terms = Text(text);

        Assert.Equal((DeadlineKind.Standing, words), (terms.Kind, terms.Words));
        Assert.Null(terms.FinalDue);
    }

    [Theory]
    [InlineData("探索建立长期护理保险制度")] // 长期 of 长期护理保险 is care, not time
    [InlineData("对经济困难且生活长期不能自理的老年人给予补贴")]
    [InlineData("完善慢性病用药长期处方制度")]
    [InlineData("高龄老人每月补贴300元")] // a benefit, not a recurrence owed
    [InlineData("各级政府每年要将本级用于社会福利事业的彩票公益金按比例用于养老服务")]
    [InlineData("并适用过渡期政策，五年内继续按原用途和权利类型使用土地")] // a transition period, not a horizon to meet
    [InlineData("积极打造十五分钟养老服务圈")]
    public void Words_of_the_genre_that_are_not_deadlines_read_as_none(string text)
    {
        Assert.Equal(DeadlineKind.None, Text(text).Kind);
    }

    [Theory]
    [InlineData("长期推进", DeadlineKind.Standing)] // 广东卫健委 2021 政务公开台账, 完成时限 column
    [InlineData("长期坚持", DeadlineKind.Standing)]
    [InlineData("持续推进", DeadlineKind.Standing)]
    [InlineData("长期", DeadlineKind.Standing)]
    [InlineData("2021年8月前", DeadlineKind.Date)]
    [InlineData("2021年6月", DeadlineKind.Date)]
    [InlineData("2025年", DeadlineKind.Horizon)]
    [InlineData("每季度", DeadlineKind.Recurring)]
    [InlineData("每年", DeadlineKind.Recurring)]
    [InlineData("5年内", DeadlineKind.Horizon)]
    [InlineData("年内持续推进", DeadlineKind.Horizon)] // 国务院各部门分别负责,年内持续推进: within the plan's year
    public void A_deadline_cell_or_label_reads_by_itself(string cell, DeadlineKind kind)
    {
        Assert.Equal(kind, Cell(cell).Kind);
    }

    [Fact]
    public void A_horizon_counts_from_the_plans_date_and_without_one_keeps_its_words_only()
    {
        Assert.Equal(new DateOnly(2026, 3, 16), Cell("5年内").Until);
        Assert.Equal(new DateOnly(2021, 6, 16), Cell("3个月内").Until);
        Assert.Equal(new DateOnly(2021, 12, 31), Cell("年内持续推进").Until);
        var undated = DeadlineTermsReader.Read("5年内", "建成服务网络", [], null);
        Assert.Equal((DeadlineKind.Horizon, "5年内", (DateOnly?)null), (undated.Kind, undated.Words, undated.Until));
    }

    private static readonly DateOnly IssuedBeforeNationalDay = new(2025, 9, 19); // National Day 2025: 10-01..10-08 off

    [Theory]
    [InlineData("30个工作日内", true, "30个工作日内", "2025-11-06")] // the holiday's working days are not counted
    [InlineData("自本方案印发之日起30个工作日内完成清理工作", false, "自本方案印发之日起30个工作日内", "2025-11-06")]
    [InlineData("自印发之日起30日内制定实施细则", false, "自印发之日起30日内", "2025-10-20")] // 10-19 is a Sunday
    [InlineData("文件印发后3个月内出台配套政策", false, "文件印发后3个月内", "2025-12-19")]
    [InlineData("各县区要在本方案印发后1个月内制定具体方案", false, "在本方案印发后1个月内", "2025-10-20")]
    [InlineData("2个月内", true, "2个月内", "2025-11-19")]
    [InlineData("年内完成", false, "年内", "2025-12-31")]
    [InlineData("11月底前", true, "11月底前", "2025-11-30")] // 西湖 2024 民生实事, 计划完成时间: a month of the plan's year
    [InlineData("3月底前", true, "3月底前", "2026-03-31")] // past when the plan is issued: next year's
    public void A_deadline_counted_from_the_plans_issue_date_ends_where_the_count_ends(string written, bool isCell, string words, string until)
    {
        var terms = isCell
            ? DeadlineTermsReader.Read(written, "做好工作", [], IssuedBeforeNationalDay)
            : DeadlineTermsReader.Read(null, written, DeadlineReader.Read(written), IssuedBeforeNationalDay);

        Assert.Equal((words, IssuedBeforeNationalDay, DateOnly.Parse(until)), (terms.Words, terms.From!.Value, terms.FinalDue!.Value));
    }

    [Theory]
    [InlineData("符合设立条件的，自受理设立申请后10个工作日内颁发养老机构设立许可证", "自受理设立申请后10个工作日内")] // 信阳 seed, item 4
    [InlineData("卫生计生部门应当在受理设置申请后10个工作日内给予是否同意设置的批复", "在受理设置申请后10个工作日内")] // 信阳 seed, item 8
    [InlineData("收到交办通知后15日内完成整改", "收到交办通知后15日内")]
    public void A_deadline_counted_from_an_event_keeps_its_words_and_no_day(string text, string words)
    {
        var terms = DeadlineTermsReader.Read(null, text, [], IssuedBeforeNationalDay);

        Assert.Equal(new DeadlineTerms(DeadlineKind.Horizon, words), terms);
        Assert.Null(terms.FinalDue);
    }

    private const string IssuedPlan = """
        某县医养结合工作方案
        2025年9月19日
        1.自本方案印发之日起30个工作日内完成机构摸底。（责任单位：县卫健委）
        2.符合设立条件的，自受理设立申请后10个工作日内颁发养老机构设立许可证。（责任单位：县民政局）
        3.开展服务质量评估。（县卫健委负责，次年3月底前完成）
        4.建立医养结合工作台账。（责任单位：县卫健委）
        """;

    [Fact]
    public void The_import_warns_of_a_deadline_from_an_event_and_of_words_it_cannot_date()
    {
        var plan = PlanDocumentParser.Parse(IssuedPlan);
        var warnings = plan.Warnings.Where(w => w.Code == ParseWarningCodes.UnresolvedDeadline).ToArray();

        Assert.Equal(new DateOnly(2025, 9, 19), plan.IssuedOn);
        Assert.Equal([4, 5], warnings.Select(w => w.Line!.Value));
        Assert.Equal("第2项的时限“自受理设立申请后10个工作日内”自某一事项发生起算，无法推算完成日期，请核定完成时限", warnings[0].Message);
        Assert.Equal("第3项的时限“次年3月底前完成”未能读出完成日期，请核定完成时限", warnings[1].Message);
    }

    [Fact]
    public void The_import_warns_when_it_counts_from_its_own_day_or_on_a_year_without_its_holiday_notice()
    {
        var undated = PlanDocumentParser.Parse(IssuedPlan.Replace("2025年9月19日\n", ""));
        var sheet = PlanCsvReader.Read("序号,工作任务,牵头单位,完成时限\n1,开展机构摸底,县卫健委,30个工作日内\n");
        var before2024 = PlanDocumentParser.Parse(IssuedPlan.Replace("2025年9月19日", "2021年3月16日"));

        Assert.Contains(undated.Warnings, w => w.Message == "文件未写明印发日期，第1项的时限“自本方案印发之日起30个工作日内”暂以导入之日推算，请核对印发日期");
        Assert.Equal("文件未写明印发日期，第1项的时限“30个工作日内”暂以导入之日推算，请核对印发日期", Assert.Single(sheet.Warnings).Message);
        Assert.Contains(before2024.Warnings, w => w.Message == "第1项的时限“自本方案印发之日起30个工作日内”按工作日计算，2021年节假日安排尚未载入，暂按周末推算，请核对");
    }

    [Fact]
    public void The_cell_speaks_before_the_tasks_text()
    {
        Assert.Equal(DeadlineKind.Standing, Cell("长期坚持", "2024年底前建成转型示范机构5家").Kind);
        Assert.Equal(DeadlineKind.Date, Cell("", "2024年底前建成转型示范机构5家").Kind);
    }

    [Fact]
    public void The_Guangdong_ledgers_deadline_column_reads_as_written()
    {
        // 广东省卫生健康委2021年政务公开工作重点任务台账, 完成时限 column: items 1, 2, 4, 5, 7 and 8 长期推进; item 3 2021年8月前;
        // item 6 2021年2月公布预算信息,2021年8月公布上年度决算信息.
        var document = Corpus.All.Single(d => d.Slug == "guangdong-weijian-2021-zhengwu-gongkai-taizhang");
        var plan = PlanDocumentParser.Parse(document.Text);

        var kinds = plan.Tasks.ToDictionary(t => t.Number, t => DeadlineTermsReader.Read(t, plan.IssuedOn ?? PlanDate));

        Assert.All(new[] { 1, 2, 4, 5, 7, 8 }, n => Assert.Equal((DeadlineKind.Standing, "长期推进"), (kinds[n].Kind, kinds[n].Words)));
        Assert.Equal((DeadlineKind.Date, new DateOnly(2021, 8, 31)), (kinds[3].Kind, kinds[3].Until!.Value));
        Assert.Equal((DeadlineKind.Date, new DateOnly(2021, 2, 28)), (kinds[6].Kind, kinds[6].Until!.Value));
    }
}
