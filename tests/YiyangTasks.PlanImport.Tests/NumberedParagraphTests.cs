using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport.Tests;

/// <summary>Numbered paragraphs that end in who answers for them, in the numberings and wordings plans use.</summary>
public class NumberedParagraphTests
{
    private static string Lines(params string[] lines) => string.Join("\n", lines);

    [Theory]
    [InlineData("1.", "2.")]
    [InlineData("1、", "2、")]
    [InlineData("（一）", "（二）")]
    [InlineData("一、", "二、")]
    [InlineData("(1)", "(2)")]
    public void Items_numbered_any_common_way_and_ending_in_responsible_units_are_tasks(string first, string second)
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "某县老年健康工作方案",
            $"{first}建立老年健康服务体系。（责任单位：县卫健委、县民政局）",
            $"{second}开展老年人健康体检。（责任单位：县卫健委）"));

        Assert.Equal([1, 2], plan.Tasks.Select(t => t.Number));
        Assert.Equal(["县卫健委", "县民政局"], plan.Tasks[0].LeadUnits);
        Assert.Equal(ResponsibilityMode.Jointly, plan.Tasks[0].Mode);
        Assert.Equal(new SourceLines(3, 3), plan.Tasks[1].Source);
    }

    [Fact]
    public void An_annotation_naming_lead_and_cooperating_units_by_label_says_who_leads()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "1. 完善医养结合政策。（牵头单位：市卫健委，配合单位：市民政局、市财政局）",
            "2. 推进长期护理保险试点。（牵头单位：市医保局；配合单位：市人社局）"));

        Assert.Equal(["市卫健委"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["市民政局", "市财政局"], plan.Tasks[0].CooperatingUnits);
        Assert.Equal(ResponsibilityMode.LeadAndCooperate, plan.Tasks[0].Mode);
        Assert.Equal(["市人社局"], plan.Tasks[1].CooperatingUnits);
    }

    [Fact]
    public void Labels_written_after_the_paragraph_without_brackets_name_the_units()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "1.建立医养结合工作机制。责任单位：县卫健委、县民政局",
            "2.推进长期护理保险试点。",
            "牵头单位：县医保局",
            "配合单位：县财政局、县人社局",
            "3.开展老年健康宣传。【责任单位：县卫健委】"));

        Assert.Equal(3, plan.Tasks.Count);
        Assert.Equal(["县卫健委", "县民政局"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["县医保局"], plan.Tasks[1].LeadUnits);
        Assert.Equal(["县财政局", "县人社局"], plan.Tasks[1].CooperatingUnits);
        Assert.Equal(new SourceLines(2, 4), plan.Tasks[1].Source);
        Assert.Equal(["县卫健委"], plan.Tasks[2].LeadUnits);
    }

    [Fact]
    public void Annotations_worded_with_verbs_name_lead_cooperating_and_mode()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "（一）加强老年病科建设。（区卫健委、区医保局负责）",
            "（二）发展社区嵌入式养老。（区民政局牵头负责，区卫健委配合）",
            "（三）落实税费优惠。（区财政局、区税务局按职责分工负责）",
            "（四）规划养老设施用地。（区自然资源局、区住建局分别负责）"));

        Assert.Equal(
            [ResponsibilityMode.Jointly, ResponsibilityMode.LeadAndCooperate, ResponsibilityMode.ByDuty, ResponsibilityMode.EachResponsibleForOwnPart],
            plan.Tasks.Select(t => t.Mode));
        Assert.Equal(["区卫健委", "区医保局"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["区民政局"], plan.Tasks[1].LeadUnits);
        Assert.Equal(["区卫健委"], plan.Tasks[1].CooperatingUnits);
        Assert.Equal(["区财政局", "区税务局"], plan.Tasks[2].LeadUnits);
    }

    [Fact]
    public void The_plans_own_first_listed_rule_makes_the_first_unit_lead_here_and_below()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "二、重点任务",
            "1.建立联席会议制度。（市卫健委、市民政局、市医保局负责，列第一位者为牵头单位，下同）",
            "2.开展医养签约服务。（市民政局、市卫健委负责）",
            "3.推进护理员培训。（市人社局牵头，市民政局配合）"));

        Assert.Equal(["市卫健委"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["市民政局", "市医保局"], plan.Tasks[0].CooperatingUnits);
        Assert.Equal(ResponsibilityMode.LeadAndCooperate, plan.Tasks[0].Mode);
        Assert.Equal(["市民政局"], plan.Tasks[1].LeadUnits);
        Assert.Equal(["市卫健委"], plan.Tasks[1].CooperatingUnits);
        Assert.Equal(["市人社局"], plan.Tasks[2].LeadUnits);
    }

    [Fact]
    public void A_first_listed_rule_stated_in_a_later_task_does_not_reach_back_to_earlier_ones()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "1.开展医养签约服务。（市民政局、市卫健委负责）",
            "2.建立联席会议制度。（市卫健委、市民政局负责，列第一位者为牵头单位，下同）",
            "3.推进护理员培训。（市人社局、市民政局负责）"));

        Assert.Equal(["市民政局", "市卫健委"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["市卫健委"], plan.Tasks[1].LeadUnits);
        Assert.Equal(["市人社局"], plan.Tasks[2].LeadUnits);
        Assert.Equal(["市民政局"], plan.Tasks[2].CooperatingUnits);
    }

    [Fact]
    public void Without_a_first_listed_rule_a_plain_list_stays_jointly_responsible()
    {
        var plan = PlanDocumentParser.Parse("1.开展医养签约服务。（责任单位：市民政局、市卫健委）");

        Assert.Equal(["市民政局", "市卫健委"], plan.Tasks[0].LeadUnits);
        Assert.Empty(plan.Tasks[0].CooperatingUnits);
    }

    [Fact]
    public void A_first_listed_rule_stated_as_a_note_outside_the_list_holds_for_every_task()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "注：责任单位中列第一位的为牵头单位。",
            "1.开展医养签约服务。（责任单位：市民政局、市卫健委）",
            "2.推进护理员培训。（责任单位：市人社局、市民政局）"));

        Assert.All(plan.Tasks, t => Assert.Single(t.LeadUnits));
        Assert.Equal(["市人社局"], plan.Tasks[1].LeadUnits);
        Assert.Equal(["市民政局"], plan.Tasks[1].CooperatingUnits);
    }

    [Fact]
    public void A_paragraph_broken_by_stray_line_breaks_is_one_task_spanning_its_lines()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "（一）推进医养结合机构建设。鼓励养老机构与周边医疗机构签订合作",
            "",
            "协议，到2025年实现全覆盖。",
            "（区卫健委、区民政局负责）",
            "（二）加强人才培养。（区人社局负责）"));

        var task = plan.Tasks[0];
        Assert.Equal(new SourceLines(1, 4), task.Source);
        Assert.Equal("推进医养结合机构建设。鼓励养老机构与周边医疗机构签订合作协议，到2025年实现全覆盖。（区卫健委、区民政局负责）", task.Text);
        Assert.Equal([new WrittenDeadline(new DateOnly(2025, 12, 31), "到2025年")], task.Deadlines);
    }

    [Fact]
    public void Parentheses_that_are_not_about_units_do_not_make_a_task()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "1.鼓励二级以上医院开设老年病科（含中医院，下同）。",
            "2.落实《关于深入推进医养结合发展的若干意见》（国卫老龄发〔2019〕60号）。"));

        Assert.Empty(plan.Tasks);
        Assert.Contains(plan.Warnings, w => w.Code == "no-task-list" && w.Line is null);
    }

    [Fact]
    public void A_task_in_a_list_of_tasks_that_names_no_unit_is_kept_and_warned_about()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "1.建立工作机制。（责任单位：县卫健委）",
            "2.开展培训。",
            "3.加强督导。（责任单位：县民政局）"));

        Assert.Equal(3, plan.Tasks.Count);
        Assert.Empty(plan.Tasks[1].LeadUnits);
        Assert.Contains(plan.Warnings, w => w.Code == "no-units" && w.Line == 2);
    }

    [Fact]
    public void A_line_between_tasks_that_belongs_to_none_is_warned_about_with_its_line()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "1.建立工作机制。（责任单位：县卫健委）",
            "此处为排版遗留的一段文字",
            "2.加强督导。（责任单位：县民政局）"));

        Assert.Equal(2, plan.Tasks.Count);
        var warning = Assert.Single(plan.Warnings, w => w.Code == "unparseable-line");
        Assert.Equal(2, warning.Line);
    }

    // 武汉 2023 责任分解方案 (corpus, held-out round 3): sub-headings set off by a dash between numbered tasks.
    [Fact]
    public void A_dashed_sub_heading_between_tasks_titles_the_tasks_below_it_and_is_not_warned_about()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "  ——推进教育高质量发展",
            "  208.加强师德师风建设,培养高素质教师队伍。(责任单位:市教育局)",
            "  ——加快建设健康武汉",
            "  209.推进公立医院高质量发展。(责任单位:市卫健委)",
            "  210.谋划推进长江新区医疗综合体项目。(牵头单位:市卫健委;责任单位:长江新区管委会)"));

        Assert.Equal([208, 209, 210], plan.Tasks.Select(t => t.Number));
        Assert.DoesNotContain(plan.Warnings, w => w.Code == "unparseable-line");
        Assert.Equal("——推进教育高质量发展", plan.Tasks[0].Heading);
        Assert.Equal("——加快建设健康武汉", plan.Tasks[1].Heading);
        Assert.Equal("——加快建设健康武汉", plan.Tasks[2].Heading);
    }

    [Fact]
    public void A_dashed_line_inside_a_task_is_its_text_and_a_dashed_sentence_between_tasks_is_still_warned_about()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "1.完善养老服务体系。",
            "——新增社区养老服务设施20处",
            "——改造提升农村互助照料中心。(责任单位:县民政局)",
            "——另据统计,全县已建成养老服务设施120处,覆盖率达到85%以上,较上年提高5个百分点。",
            "2.加强督导。(责任单位:县卫健委)"));

        Assert.Contains("新增社区养老服务设施20处", plan.Tasks[0].Text);
        Assert.Null(plan.Tasks[1].Heading);
        Assert.Equal(4, Assert.Single(plan.Warnings, w => w.Code == "unparseable-line").Line);
    }

    [Fact]
    public void A_declared_count_the_tasks_do_not_match_is_warned_about()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "本方案明确重点任务共3项。",
            "1.建立工作机制。（责任单位：县卫健委）",
            "2.加强督导。（责任单位：县民政局）"));

        var warning = Assert.Single(plan.Warnings, w => w.Code == "declared-count-mismatch");
        Assert.Equal(1, warning.Line);
    }

    [Fact]
    public void A_declared_count_on_a_heading_counts_the_tasks_under_it()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "一、完善政策（共2项）",
            "（一）建立工作机制。（县卫健委负责）",
            "（二）加强督导。（县民政局负责）",
            "二、加强保障（共2项）",
            "（三）保障经费。（县财政局负责）"));

        Assert.Equal(3, plan.Tasks.Count);
        var warning = Assert.Single(plan.Warnings, w => w.Code == "declared-count-mismatch");
        Assert.Equal(4, warning.Line);
    }

    [Fact]
    public void Time_words_in_the_annotation_are_kept_as_the_relative_deadline()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "1.建立工作机制。（县卫健委牵头，县民政局配合，长期坚持）",
            "2.开展摸底调查。（责任单位：县民政局；完成时限：2023年6月底前）"));

        Assert.Equal("长期坚持", plan.Tasks[0].RelativeDeadline);
        Assert.Equal(["县民政局"], plan.Tasks[0].CooperatingUnits);
        Assert.Equal("2023年6月底前", plan.Tasks[1].RelativeDeadline);
    }

    [Fact]
    public void Lists_that_restart_under_each_heading_are_numbered_in_document_order()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "（一）完善政策",
            "1.建立工作机制。（县卫健委负责）",
            "2.加强督导。（县民政局负责）",
            "（二）加强保障",
            "1.保障经费。（县财政局负责）"));

        Assert.Equal([1, 2, 3], plan.Tasks.Select(t => t.Number));
        Assert.Equal("（二）加强保障", plan.Tasks[2].Heading);
        Assert.Contains(plan.Warnings, w => w.Code == "numbering");
    }
}
