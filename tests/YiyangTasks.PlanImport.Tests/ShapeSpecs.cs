using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport.Tests;

/// <summary>Plans written for these specs in each shape and its common variants (not copies of the seeds).</summary>
public class ShapeSpecs
{
    private static ParsedPlan Parse(params string[] lines) => PlanDocumentParser.Parse(string.Join("\n", lines));

    [Fact]
    public void Items_numbered_1_dot_with_lead_and_cooperating_labels()
    {
        var plan = Parse(
            "某县老年健康服务工作方案",
            "二、主要任务",
            "1. 建设老年友善医疗机构，到2023年底覆盖率达到80%。（牵头单位：县卫健委，配合单位：县民政局、县医保局）",
            "2. 开展失能老人评估。（牵头单位：县民政局；配合单位：县卫健委）");
        Assert.Equal([1, 2], plan.Tasks.Select(t => t.Number));
        var first = plan.Tasks[0];
        Assert.Equal(["县卫健委"], first.LeadUnits);
        Assert.Equal(["县民政局", "县医保局"], first.CooperatingUnits);
        Assert.Equal(ResponsibilityMode.LeadAndCooperate, first.Mode);
        Assert.Equal(new WrittenDeadline(new DateOnly(2023, 12, 31), "到2023年底"), Assert.Single(first.Deadlines));
        Assert.Equal(["县民政局"], plan.Tasks[1].LeadUnits);
    }

    [Fact]
    public void Items_in_chinese_parentheses_spanning_stray_line_breaks_and_blank_lines()
    {
        var plan = Parse(
            "一、完善服务体系",
            "（一）推进签约服务。各地要推动医疗机构与养老机构",
            "",
            "签订合作协议，到2022年、2025年签约率分别达到80%、100%。（区卫健委牵头负责，区民政局配合）",
            "（二）加强人才培养。落实培训计划。（区人社局、区卫健委按职责分工负责）",
            "二、强化保障",
            "（三）加大投入。（区财政局负责）");
        Assert.Equal([1, 2, 3], plan.Tasks.Select(t => t.Number));
        var signing = plan.Tasks[0];
        Assert.Equal(new SourceLines(2, 4), signing.Source);
        Assert.Equal("（一）推进签约服务。各地要推动医疗机构与养老机构签订合作协议，到2022年、2025年签约率分别达到80%、100%。（区卫健委牵头负责，区民政局配合）", signing.Text);
        Assert.Equal([new DateOnly(2022, 12, 31), new DateOnly(2025, 12, 31)], signing.Deadlines.Select(d => d.Date));
        Assert.Equal(ResponsibilityMode.ByDuty, plan.Tasks[1].Mode);
        Assert.Equal(["区人社局", "区卫健委"], plan.Tasks[1].LeadUnits);
        Assert.Equal(ResponsibilityMode.Jointly, plan.Tasks[2].Mode);
    }

    [Fact]
    public void Items_numbered_1_comma_and_chinese_comma_and_each_responsible()
    {
        var plan = Parse(
            "一、建立长期护理制度。（市医保局、市财政局分别负责，各县区政府配合）",
            "二、推进智慧养老。（市工信局负责）");
        Assert.Equal([1, 2], plan.Tasks.Select(t => t.Number));
        Assert.Equal(ResponsibilityMode.EachResponsibleForOwnPart, plan.Tasks[0].Mode);
        Assert.Equal(["各县区政府"], plan.Tasks[0].CooperatingUnits);
    }

    [Fact]
    public void A_documents_rule_that_the_first_listed_unit_leads_applies_to_the_items_it_governs()
    {
        var plan = Parse(
            "1、开展调查摸底。（责任单位：县民政局、县卫健委）",
            "各项任务中列第一位者为牵头单位，下同。",
            "2、建设护理院。（责任单位：县卫健委、县发改委、县自然资源局）");
        Assert.Equal(["县民政局", "县卫健委"], plan.Tasks[0].LeadUnits); // before the rule: jointly
        Assert.Equal(["县卫健委"], plan.Tasks[1].LeadUnits);
        Assert.Equal(["县发改委", "县自然资源局"], plan.Tasks[1].CooperatingUnits);
        Assert.Equal(ResponsibilityMode.LeadAndCooperate, plan.Tasks[1].Mode);
    }

    [Fact]
    public void A_table_with_separate_lead_and_cooperating_columns_one_row_per_line()
    {
        var plan = Parse(
            "重点任务分工表",
            "| 序号 | 工作任务 | 牵头单位 | 配合单位 |",
            "|---|---|---|---|",
            "| 1 | 建立医养结合联席会议制度。 | 市卫健委 | 市民政局、市财政局 |",
            "| 2 | 2024年6月底前完成机构摸底。 | 市民政局 | 市卫健委 |");
        Assert.Equal([1, 2], plan.Tasks.Select(t => t.Number));
        Assert.Equal(["市卫健委"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["市民政局", "市财政局"], plan.Tasks[0].CooperatingUnits);
        Assert.Equal(new DateOnly(2024, 6, 30), Assert.Single(plan.Tasks[1].Deadlines).Date);
    }

    [Fact]
    public void A_table_one_cell_per_line_with_a_responsible_column()
    {
        var plan = Parse("\t序号", "\t工作任务", "\t责任单位", "", "\t1", "\t推进医养结合试点。", "\t县卫健委牵头，县民政局配合。",
            "", "\t2", "\t完善医保政策。", "\t县医保局负责。");
        Assert.Equal([1, 2], plan.Tasks.Select(t => t.Number));
        Assert.Equal(["县民政局"], plan.Tasks[0].CooperatingUnits);
        Assert.Equal(["县医保局"], plan.Tasks[1].LeadUnits);
    }

    [Fact]
    public void A_list_of_member_units_with_duties_makes_each_unit_lead_its_duties()
    {
        var plan = Parse(
            "成员单位职责分工",
            "一、县卫健委",
            "负责医养结合工作的统筹协调。",
            "二、县民政局",
            "负责养老机构的管理。",
            "三、县医保局",
            "负责医保支付政策。");
        Assert.Equal([1, 2, 3], plan.Tasks.Select(t => t.Number));
        Assert.Equal(["县医保局"], plan.Tasks[2].LeadUnits);
        Assert.Equal("负责养老机构的管理。", plan.Tasks[1].Text);
    }

    [Fact]
    public void A_declared_count_that_differs_from_the_tasks_read_is_warned_about()
    {
        var plan = Parse("本方案共3项重点任务。", "1、任务一。（县卫健委负责）", "2、任务二。（县民政局负责）");
        var warning = Assert.Single(plan.Warnings, w => w.Code == "declared-count-mismatch");
        Assert.Equal(1, warning.Line);
    }

    [Fact]
    public void A_numbered_item_without_units_among_tasks_is_reported_with_its_line()
    {
        var plan = Parse("1、任务一。（县卫健委负责）", "2、任务二没有写责任单位。", "3、任务三。（县民政局负责）");
        Assert.Equal([1, 3], plan.Tasks.Select(t => t.Number));
        var warning = Assert.Single(plan.Warnings, w => w.Code == "unparseable-line");
        Assert.Equal(2, warning.Line);
    }

    [Fact]
    public void Numbering_that_restarts_in_each_section_is_renumbered_with_a_warning()
    {
        var plan = Parse("一、甲", "1、任务一。（县卫健委负责）", "二、乙", "1、任务二。（县民政局负责）");
        Assert.Equal([1, 2], plan.Tasks.Select(t => t.Number));
        Assert.Contains(plan.Warnings, w => w.Code == "renumbered");
    }

    [Fact]
    public void A_document_with_no_task_list_yields_no_tasks_and_says_so()
    {
        var plan = Parse("关于做好养老工作的通知", "各单位：", "请认真贯彻落实。", "2024年1月5日");
        Assert.Empty(plan.Tasks);
        Assert.Contains(plan.Warnings, w => w.Code == "no-task-list");
        Assert.Equal(new DateOnly(2024, 1, 5), plan.IssuedOn);
    }
}
