using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport.Tests;

/// <summary>Task tables laid out as text: one cell per line, or one row per line split by tabs or pipes.</summary>
public class TaskTableTests
{
    private static string Lines(params string[] lines) => string.Join("\n", lines);

    [Fact]
    public void A_table_row_ending_in_lead_and_cooperate_names_leads_and_cooperators()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "某市医养结合任务分工表",
            "\t",
            "\t\t序号",
            "\t\t工作任务",
            "\t\t负责单位",
            "\t",
            "\t\t1",
            "\t\t建设老年医院和康复医院。",
            "\t\t市卫健委、民政局牵头，市财政局和各县区政府配合。",
            "\t",
            "\t\t2",
            "\t\t开设老年病科，",
            "\t\t增设养护床位。",
            "\t\t市卫健委、市医保局分别负责。",
            "\t",
            "\t\t3",
            "\t\t2024年底前建成信息平台。",
            "\t\t市工信局负责。",
            "本方案自印发之日起施行。"));

        Assert.Equal(3, plan.Tasks.Count);
        var first = plan.Tasks[0];
        Assert.Equal(["市卫健委", "民政局"], first.LeadUnits);
        Assert.Equal(["市财政局"], first.CooperatingUnits);
        Assert.Equal(["各县区政府"], first.GroupParties); // a placeholder, never a unit
        Assert.Equal(ResponsibilityMode.LeadAndCooperate, first.Mode);
        Assert.Equal(new SourceLines(7, 9), first.Source);
        Assert.Equal("开设老年病科，增设养护床位。", plan.Tasks[1].Text); // the task cell broken across two lines
        Assert.Equal(ResponsibilityMode.EachResponsibleForOwnPart, plan.Tasks[1].Mode);
        Assert.Equal(ResponsibilityMode.Jointly, plan.Tasks[2].Mode);
        Assert.Equal([new WrittenDeadline(new DateOnly(2024, 12, 31), "2024年底前")], plan.Tasks[2].Deadlines);
    }

    [Fact]
    public void A_table_with_separate_lead_cooperating_and_deadline_columns_reads_each_column()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "序号\t工作任务\t牵头单位\t配合单位\t完成时限",
            "1\t制定医养结合机构审批登记办法\t县卫健委\t县民政局、县市场监管局\t2023年6月底前",
            "2\t推进长期护理保险试点\t县医保局\t县财政局\t长期坚持",
            "3\t开展老年健康宣传周活动\t县卫健委、县民政局\t\t每年7月"));

        Assert.Equal(3, plan.Tasks.Count);
        Assert.Equal(["县卫健委"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["县民政局", "县市场监管局"], plan.Tasks[0].CooperatingUnits);
        Assert.Equal(ResponsibilityMode.LeadAndCooperate, plan.Tasks[0].Mode);
        Assert.Equal([new WrittenDeadline(new DateOnly(2023, 6, 30), "2023年6月底前")], plan.Tasks[0].Deadlines);
        Assert.Equal("长期坚持", plan.Tasks[1].RelativeDeadline);
        Assert.Empty(plan.Tasks[1].Deadlines);
        Assert.Equal("每年7月", plan.Tasks[2].RelativeDeadline);
        Assert.Empty(plan.Tasks[2].CooperatingUnits);
    }

    [Theory]
    [InlineData("责任单位")]
    [InlineData("负责单位")]
    [InlineData("指导部门")]
    public void A_pipe_table_whose_responsibility_column_has_any_usual_header_is_read(string header)
    {
        var plan = PlanDocumentParser.Parse(Lines(
            $"| 序号 | 工作任务 | {header} |",
            "|---|---|---|",
            "| 1 | 完善老年健康服务体系 | 区卫健委牵头，区民政局配合 |",
            "| 2 | 推进智慧健康养老 | 区工信局、区民政局 |"));

        Assert.Equal(2, plan.Tasks.Count);
        Assert.Equal(["区卫健委"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["区民政局"], plan.Tasks[0].CooperatingUnits);
        Assert.Equal(["区工信局", "区民政局"], plan.Tasks[1].LeadUnits);
        Assert.Equal(ResponsibilityMode.Jointly, plan.Tasks[1].Mode);
    }

    [Fact]
    public void A_table_governed_by_a_first_listed_rule_makes_each_rows_first_unit_lead()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "序号\t工作任务\t责任单位",
            "1\t完善老年健康服务体系\t区卫健委、区民政局、区医保局",
            "注：列第一位者为牵头单位。"));

        Assert.Equal(["区卫健委"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["区民政局", "区医保局"], plan.Tasks[0].CooperatingUnits);
    }

    [Fact]
    public void A_row_with_fewer_cells_than_the_header_is_read_and_warned_about_with_its_line()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "序号\t工作任务\t牵头单位\t配合单位",
            "1\t完善老年健康服务体系\t区卫健委\t区民政局",
            "2\t推进智慧健康养老"));

        Assert.Equal(2, plan.Tasks.Count);
        Assert.Contains(plan.Warnings, w => w.Code == "unparseable-line" && w.Line == 3);
        Assert.Contains(plan.Warnings, w => w.Code == "no-units" && w.Line == 3);
    }

    [Fact]
    public void An_unindented_table_of_one_cell_per_line_ends_at_the_paragraph_after_its_last_row()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "序号", "工作任务", "责任单位",
            "",
            "1", "建设老年医院。", "市卫健委牵头，市民政局配合。",
            "",
            "2", "推进护理员培训。", "市人社局负责。",
            "",
            "各地要结合实际抓好落实。"));

        Assert.Equal(2, plan.Tasks.Count);
        Assert.Equal("推进护理员培训。", plan.Tasks[1].Text);
        Assert.Equal(["市人社局"], plan.Tasks[1].LeadUnits);
        Assert.Equal(new SourceLines(9, 11), plan.Tasks[1].Source);
    }
}
