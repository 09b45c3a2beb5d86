namespace YiyangTasks.PlanImport.Tests;

/// <summary>Shapes of the genre met in the held-out round 2 (Corpus README), each in the words of the document it came
/// from, cut down to what the rule needs.</summary>
public class LayoutRound2Tests
{
    private static string Lines(params string[] lines) => string.Join("\n", lines);

    private static string DeadlineWords(ParsedTask task) => string.Join("；", task.Deadlines.Select(d => d.Words).Append(task.RelativeDeadline ?? ""));

    [Fact]
    public void Items_glued_to_the_annotation_before_them_in_a_copy_without_spaces_are_apart()
    {
        // 深化医药卫生体制改革实施方案 as a document-sharing site stored it: one line, no spaces, no breaks.
        var plan = PlanDocumentParser.Parse("深化医药卫生体制改革实施方案一、加快推进根本医疗保障制度建设(一)扩大根本医疗保障覆盖面,提高医疗救助标准。到2011年,根本医疗保障制度全面覆盖城乡居民,城镇职工医保参保率均提高并稳定在90%以上城乡医疗救助制度覆盖所有困难人群。"
            + "1、将未参保的国有关闭破产企业退休人员纳入城镇职工医保,到2011年,城镇职工医保参保率达90%以上。(市劳动和社会保障局负责,市国资委配合)"
            + "2、在校大学生根本纳入城镇居民医保;到2011年,城乡居民都应参加城镇居民医保,根本实现全覆盖。(市劳动和社会保障局负责,市财政局配合)"
            + "3、稳固新农合的参合覆盖面,2011年实现参合率98%以上。(市卫生局负责,市财政局配合)(二)提高根本医疗保障水平。"
            + "4、城镇职工医保、居民医保和新农合在政策范围内的住院费用报销比例要分别提高到75%、60%和50%以上。(市劳动和社会保障局、卫生局分别负责,市国资委、财政局配合)");

        Assert.Equal([1, 2, 3, 4], plan.Tasks.Select(t => t.Number));
        Assert.Equal(["市劳动和社会保障局"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["市国资委"], plan.Tasks[0].CooperatingUnits);
        Assert.Equal(["市卫生局"], plan.Tasks[2].LeadUnits);
        Assert.Equal(["市劳动和社会保障局", "卫生局"], plan.Tasks[3].LeadUnits);
        Assert.Equal(["市国资委", "财政局"], plan.Tasks[3].CooperatingUnits);
    }

    [Fact]
    public void A_cell_per_line_table_that_dropped_its_merged_cells_carries_the_cells_above_down()
    {
        // 西湖区 2024 民生实事: 区民政局 and its section span rows 1–5, 10月底前 rows 2–5; the header words carry remarks.
        var plan = PlanDocumentParser.Parse(Lines(
            "序号", "重点工作任务(民生实事项目)", "牵头单位", "负责科室", "负责人", "计划完成时间", "进展情况(一季度)",
            "1", "新增老年食堂(助餐点)15个", "区民政局", "养老服务科", "何滢", "11月底前", "其中3个点位已完成建设。",
            "2", "新增认知障碍照护专区床位100张", "10月底前", "目前已完成20张专区床位建设。",
            "3", "建成启用区级老年活动中心", "目前正在进行主体建筑装修阶段。"));

        Assert.Equal(3, plan.Tasks.Count);
        Assert.All(plan.Tasks, t => Assert.Equal(["区民政局"], t.LeadUnits));
        // 负责科室 beside 牵头单位 is the lead's own section; 负责人 is a person.
        Assert.All(plan.Tasks, t => Assert.Empty(t.CooperatingUnits));
        // A month without a year is kept as written.
        Assert.Contains("11月底前", DeadlineWords(plan.Tasks[0]));
        Assert.Contains("10月底前", DeadlineWords(plan.Tasks[2]));
        Assert.DoesNotContain("装修", plan.Tasks[2].LeadUnits.Concat(plan.Tasks[2].GroupParties).FirstOrDefault() ?? "");
    }

    [Fact]
    public void Section_headings_and_the_reports_own_numbers_inside_a_table_keep_it_going()
    {
        // 谯城区教育局 2025 分解表: one cell a paragraph, the bureau's rows keep the report's numbers (3, 68, 69).
        var plan = PlanDocumentParser.Parse(Lines(
            "序号", "", "重点工作任务", "", "主要责任单位", "", "协同配合单位", "",
            "一、2025年经济社会发展的主要预期目标", "",
            "3", "", "固定资产投资增长7.5%左右。", "", "区发改委", "", "区工信局、区住建局,各乡镇人民政府、街道办事处,谯城经开区管委会,魏武国控集团。", "",
            "二、全力以赴扩投资、优服务,筑牢经济增长根基", "",
            "六、全力以赴惠民生、增福祉,加快社会事业发展", "",
            "68", "", "持续推进学前教育普及普惠、义务教育优质均衡发展。", "", "区教育局", "", "区政府有关部门,各乡镇人民政府、街道办事处。", "",
            "69", "", "深化与海亮集团合作,积极引进优质教育资源。", "", "区教育局", "", "区投资促进中心。"));

        Assert.Equal([3, 68, 69], plan.Tasks.Select(t => t.Number));
        Assert.Equal(["区工信局", "区住建局", "谯城经开区管委会", "魏武国控集团"], plan.Tasks[0].CooperatingUnits);
        Assert.Equal(["各乡镇人民政府、街道办事处"], plan.Tasks[0].GroupParties);
        Assert.Equal(["区投资促进中心"], plan.Tasks[2].CooperatingUnits);
    }

    [Fact]
    public void A_table_whose_cell_borders_became_spaces_is_read_by_what_its_cells_hold()
    {
        // 青阳县 2023 重点工作责任清单: broken header words, leaders' names, a unit cell over two lines.
        var plan = PlanDocumentParser.Parse(Lines(
            "序号 2023年重点工作任务 牵头  领导 牵头         责任单位 主体          责任单位 配合         责任单位 工作评价 备注",
            "81 科学精准落实疫情防控优化措施。 汪  峰   吴蓓蓓 县卫健委 各乡镇",
            "县开发区",
            "县直有关单位 达到时序进度 加强基层医疗卫生机构人员培训",
            "87 创建全国中医药示范县。 吴蓓蓓 县卫健委 县卫健委 县直有关单位 达到时序进度 组织义诊活动"));

        Assert.Equal([81, 87], plan.Tasks.Select(t => t.Number));
        Assert.Equal(["县卫健委"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["县开发区"], plan.Tasks[0].CooperatingUnits);
        Assert.Equal(["各乡镇", "县直有关单位"], plan.Tasks[0].GroupParties);
        Assert.Empty(plan.Tasks[1].CooperatingUnits);
    }

    [Fact]
    public void A_task_card_gives_its_number_units_task_and_deadline_by_label()
    {
        // 临沂 2023 重点工作 进展: one task a card.
        var plan = PlanDocumentParser.Parse(Lines(
            "牵头单位:市医保局、市人社局、市民政局 任务编号:80",
            "重点工作 |", "开展社保扩面提质行动,城乡低保标准提高5%。 |",
            "完成时限 |", "2023年12月底 |",
            "本月进展 |", "① 4月10日印发《关于印发全市“医保干部进基层”活动方案的通知》。 |"));

        var task = Assert.Single(plan.Tasks);
        Assert.Equal(80, task.Number);
        Assert.Equal(["市医保局", "市人社局", "市民政局"], task.LeadUnits);
        Assert.Equal(new DateOnly(2023, 12, 31), task.Deadlines.Single().Date);
    }

    [Fact]
    public void Two_unit_columns_without_lead_words_list_their_units_apart_and_a_contact_cell_is_no_party()
    {
        // 谯城区民政局 2025 分解: 责任单位 before the task, 监督方式 a telephone contact, 实施部门 the implementing office.
        var plan = PlanDocumentParser.Parse(Lines(
            "| 序号 |", "责任单位 |", "考核指标 |", "监督方式 |", "实施部门 |", "完成时限 |",
            "| 1 |", "区民政局 |", "按月完成临时救助的审核确认工作,及时足额发放临时救助金。 |", "谯城区民政局办公室0558-5130002 |", "低保中心 |", "2025年12月底 |"));

        var task = Assert.Single(plan.Tasks);
        Assert.Equal(["区民政局", "低保中心"], task.LeadUnits);
        Assert.StartsWith("按月完成临时救助", task.Text);
        Assert.Equal(new DateOnly(2025, 12, 31), task.Deadlines.Single().Date);
    }
}
