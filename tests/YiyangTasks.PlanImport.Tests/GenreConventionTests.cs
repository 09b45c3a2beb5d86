using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport.Tests;

/// <summary>The conventions of the genre the seeds do not show (issue 12, kinds 1–7), each in the wording real
/// published task lists use.</summary>
public class GenreConventionTests
{
    private static string Lines(params string[] lines) => string.Join("\n", lines);

    // 1. Table responsibility headers beyond the seeds'.
    [Theory]
    [InlineData("主办单位", "协办单位")]
    [InlineData("牵头部门", "配合部门")]
    [InlineData("主责单位", "参与单位")]
    [InlineData("承办单位", "协同单位")]
    public void A_table_with_lead_and_cooperating_columns_under_any_usual_pair_of_headers_is_read(string lead, string cooperating)
    {
        var plan = PlanDocumentParser.Parse(Lines(
            $"序号\t重点工作\t{lead}\t{cooperating}\t完成时限",
            "1\t开展医养结合机构服务质量提升行动。\t市卫生健康委\t市民政局、市市场监管局\t2024年10月底前",
            "2\t推动二级及以上综合医院设立老年医学科。\t市卫生健康委\t各县（市、区）人民政府\t2024年12月底前"));

        Assert.Equal(2, plan.Tasks.Count);
        Assert.Equal(["市卫生健康委"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["市民政局", "市市场监管局"], plan.Tasks[0].CooperatingUnits);
        Assert.Empty(plan.Tasks[1].CooperatingUnits);
        Assert.Equal(["各县（市、区）人民政府"], plan.Tasks[1].GroupParties);
        Assert.Equal([new WrittenDeadline(new DateOnly(2024, 10, 31), "2024年10月底前")], plan.Tasks[0].Deadlines);
    }

    [Theory]
    [InlineData("责任单位")]
    [InlineData("负责单位")]
    [InlineData("责任部门")]
    [InlineData("落实部门")]
    [InlineData("实施主体")]
    [InlineData("责任处室")]
    public void A_responsibility_column_under_any_usual_header_is_read(string header)
    {
        var plan = PlanDocumentParser.Parse(Lines(
            $"序号 | 工作内容 | 具体措施 | {header} | 时间安排",
            "1 | 老年人健康管理 | 为65岁及以上老年人每年免费提供一次健康体检。 | 区卫生健康局 | 2024年12月底前",
            "2 | 家庭医生签约 | 推进失能老年人家庭医生签约服务。 | 区卫生健康局、区医保局 | 持续推进"));

        Assert.Equal(["区卫生健康局", "区医保局"], plan.Tasks[1].LeadUnits);
        Assert.Equal("持续推进", plan.Tasks[1].RelativeDeadline);
        Assert.DoesNotContain(plan.Warnings, w => w.Code == ParseWarningCodes.GuessedUnitColumn);
    }

    [Fact]
    public void A_table_whose_unit_column_has_no_known_header_finds_it_by_its_cells_and_says_it_guessed()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "序号 | 工作任务 | 抓落实 | 备注",
            "1 | 建立老年健康服务体系 | 区卫生健康局、区民政局 | ",
            "2 | 推进安宁疗护试点 | 区卫生健康局 | 试点"));

        Assert.Equal(["区卫生健康局", "区民政局"], plan.Tasks[0].LeadUnits);
        var warning = Assert.Single(plan.Warnings, w => w.Code == ParseWarningCodes.GuessedUnitColumn);
        Assert.Equal(1, warning.Line);
        Assert.Contains("抓落实", warning.Message);
    }

    [Fact]
    public void A_table_dump_whose_rows_lost_empty_cells_reads_each_cell_by_what_it_holds()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注 |",
            "1 | 做好常态化疫情防控信息发布 | 重点围绕散发疫情发布权威信息 | 应急处、疾控处等按职责分工落实 | 长期推进 |",
            "|",
            "2 | 扎实做好疫苗接种信息公开 | 疾控处 | 长期推进 |",
            "|",
            "3 | 修订完善本部门主动公开目录 | 办公室 | 2021年8月前 |"));

        Assert.Equal(3, plan.Tasks.Count);
        Assert.Equal(["应急处", "疾控处"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["疾控处"], plan.Tasks[1].LeadUnits);
        Assert.Equal("长期推进", plan.Tasks[1].RelativeDeadline);
        Assert.Equal(["办公室"], plan.Tasks[2].LeadUnits);
    }

    [Fact]
    public void A_table_dumped_one_cell_per_line_with_pipes_and_units_split_by_spaces_is_read()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "序号 |", "责任单位 |", "实施内容 |", "协同单位 |", "分管 领导 |", "最新进度 |",
            "15 |", "民政局 |", "新增民营养老机构不少于2家。 |", "财政局 住建局 城管局 各区镇街道 |", "已完成 |"));

        var task = Assert.Single(plan.Tasks);
        Assert.Equal(15, task.Number);
        Assert.Equal(["民政局"], task.LeadUnits);
        Assert.Equal(["财政局", "住建局", "城管局"], task.CooperatingUnits);
        Assert.Equal(["各区镇街道"], task.GroupParties);
    }

    [Fact]
    public void A_table_whose_cells_ran_together_on_one_line_is_split_at_its_row_numbers()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "重点任务分工清单",
            "序号工作任务责任单位21树立婚育新风。构建新型婚育文化。省委宣传部、省民政厅牵头;省总工会、团省委配合;各州(市)党委和政府落实"
            + "22实行特别扶助制度扶助标准动态调整机制。省财政厅、省卫生健康委牵头;省优化生育政策工作部门联席会议成员单位配合"));

        Assert.Equal([21, 22], plan.Tasks.Select(t => t.Number));
        Assert.Equal(["省委宣传部", "省民政厅"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["省总工会", "团省委"], plan.Tasks[0].CooperatingUnits);
        Assert.Equal(["各州(市)党委和政府"], plan.Tasks[0].GroupParties);
        Assert.Equal(["省优化生育政策工作部门联席会议成员单位"], plan.Tasks[1].GroupParties);
    }

    // 1 (labels). Labels after each item, a leader's label that names no unit, 责任单位 beside a named lead.
    [Fact]
    public void Labels_after_an_item_name_lead_and_cooperating_units_and_a_leaders_label_names_none()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "1﹒全省生产总值增长7%以上，在实际工作中力争更好结果。",
            "牵头负责领导:刘惠。",
            "牵头责任单位:省发展改革委。",
            "协同责任单位:省政府各部门、各直属机构。",
            "2﹒固定资产投资力争增长10%以上。",
            "牵头负责领导:刘惠。",
            "牵头责任单位:省发展改革委。",
            "协同责任单位:省经济和信息化厅、省财政厅、省自然资源厅等。",
            "3.规上工业增加值增长10%以上。(责任领导:洪声耀;牵头单位:区科经局;责任单位:立山经济开发区,各街道)"));

        Assert.Equal(3, plan.Tasks.Count);
        Assert.Equal(["省发展改革委"], plan.Tasks[0].LeadUnits);
        Assert.Empty(plan.Tasks[0].CooperatingUnits);
        Assert.Equal(["省政府各部门", "各直属机构"], plan.Tasks[0].GroupParties);
        Assert.Equal(["省经济和信息化厅", "省财政厅", "省自然资源厅"], plan.Tasks[1].CooperatingUnits);
        Assert.Equal(["区科经局"], plan.Tasks[2].LeadUnits);
        Assert.Equal(["立山经济开发区"], plan.Tasks[2].CooperatingUnits);
        Assert.Equal(["各街道"], plan.Tasks[2].GroupParties);
    }

    // 2. Qualifiers and placeholders.
    [Theory]
    [InlineData("（民政部、国家卫生健康委等有关部门按职责分工负责）", new[] { "民政部", "国家卫生健康委" }, new[] { "有关部门" })]
    [InlineData("（民政部、财政部等有关部门和单位负责）", new[] { "民政部", "财政部" }, new[] { "有关部门和单位" })]
    [InlineData("（国家卫生健康委、民政部等和各省级人民政府负责）", new[] { "国家卫生健康委", "民政部" }, new[] { "各省级人民政府" })]
    [InlineData("（国家医保局、财政部等负责）", new[] { "国家医保局", "财政部" }, new string[0])]
    [InlineData("（市民政局负责，各区、县级市人民政府落实）", new[] { "市民政局" }, new[] { "各区、县级市人民政府" })]
    [InlineData("（各地、各有关单位负责）", new string[0], new[] { "各地", "各有关单位" })]
    public void Qualifiers_come_off_the_last_unit_and_placeholders_are_parties_of_their_own(string annotation, string[] leads, string[] groups)
    {
        var task = Assert.Single(PlanDocumentParser.Parse($"（一）加强医养结合人才队伍建设。{annotation}").Tasks);

        Assert.Equal(leads, task.LeadUnits);
        Assert.Equal(groups, task.GroupParties);
        Assert.DoesNotContain(task.LeadUnits.Concat(task.CooperatingUnits), u => u.Contains("有关") || u.EndsWith('等'));
    }

    [Fact]
    public void A_unit_that_works_together_with_a_placeholder_leads_it()
    {
        var task = Assert.Single(PlanDocumentParser.Parse("1.建立老年健康服务体系。（国家卫生健康委会同有关部门负责）").Tasks);

        Assert.Equal(["国家卫生健康委"], task.LeadUnits);
        Assert.Empty(task.CooperatingUnits);
        Assert.Equal(["有关部门"], task.GroupParties);
    }

    // 3. The lead rule inside the first item's own bracket.
    [Fact]
    public void A_lead_rule_in_the_first_items_bracket_governs_it_and_every_later_item_even_by_duty()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "（一）完善医养结合政策。（国家卫生健康委、民政部、国家医保局负责，列第一位者为牵头单位，下同）",
            "（二）推进医养签约服务。（民政部、国家卫生健康委按职责分工负责）",
            "（三）培养护理人才。（人力资源社会保障部、教育部、国家卫生健康委负责，排在第一位的部门为牵头部门）"));

        Assert.Equal(["国家卫生健康委"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["民政部", "国家医保局"], plan.Tasks[0].CooperatingUnits);
        Assert.Equal(["民政部"], plan.Tasks[1].LeadUnits);
        Assert.Equal(["国家卫生健康委"], plan.Tasks[1].CooperatingUnits);
        Assert.Equal(ResponsibilityMode.ByDuty, plan.Tasks[1].Mode);
        Assert.Equal(["人力资源社会保障部"], plan.Tasks[2].LeadUnits);
    }

    // 4. Several brackets in one item.
    [Fact]
    public void An_item_with_a_bracket_after_each_group_of_sentences_keeps_every_group()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "（一）完善医养结合服务网络。县人民医院设立老年医学科。（县卫健局、县财政局负责）各乡镇敬老院与卫生院签订合作协议。（县民政局、各乡镇人民政府负责）",
            "（二）提升居家医养服务能力。提供上门巡诊服务。（县民政局负责）将上门医疗服务纳入医保支付。（县卫健局牵头，县医保局配合）"));

        Assert.Equal(["县卫健局"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["县财政局", "县民政局"], plan.Tasks[0].CooperatingUnits);
        Assert.Equal(["各乡镇人民政府"], plan.Tasks[0].GroupParties);
        Assert.Equal(["县卫健局"], plan.Tasks[1].LeadUnits);
        Assert.Equal(new[] { "县民政局", "县医保局" }.Order(), plan.Tasks[1].CooperatingUnits.Order());
    }

    // 5. Digits right after the item's number.
    [Fact]
    public void An_item_whose_text_starts_with_digits_right_after_its_number_is_kept()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "1.120急救网络建设。新建急救站点3个。（责任单位：区卫生健康局、区财政局）",
            "2.12345热线诉求办理。（责任单位：区卫生健康局）",
            "3.2024年底前完成社区卫生服务中心提标改造。（责任单位：区卫生健康局）",
            "4.121人才梯队培养。（责任单位：区卫生健康局、区人力资源和社会保障局）",
            "床位数增加到1.5倍。"));

        Assert.Equal([1, 2, 3, 4], plan.Tasks.Select(t => t.Number));
        Assert.StartsWith("121人才梯队", plan.Tasks[3].Text);
        Assert.Equal([new WrittenDeadline(new DateOnly(2024, 12, 31), "2024年底前")], plan.Tasks[2].Deadlines);
    }

    // 6. Parentheses without units and 和 inside names.
    [Fact]
    public void Parentheses_holding_no_units_and_和_inside_a_name_do_not_split_units()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "1.各省（区、市）建设示范县（场）。（工业和信息化部、文化和旅游部负责）",
            "2.推进中央和国家机关示范创建。（中央和国家机关工委、国家卫生健康委和民政部负责）",
            "3.覆盖所有地（州、盟）。（各县（市、区）人民政府负责）"));

        Assert.Equal(["工业和信息化部", "文化和旅游部"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["中央和国家机关工委", "国家卫生健康委", "民政部"], plan.Tasks[1].LeadUnits);
        Assert.Equal(["各县（市、区）人民政府"], plan.Tasks[2].GroupParties);
    }

    // 7. Numbering that starts late, multi-character numerals, runs on across headings; closing paragraphs.
    [Fact]
    public void Numbering_that_starts_late_runs_on_across_headings_and_uses_long_numerals_is_read_and_the_closing_paragraph_is_no_task()
    {
        var plan = PlanDocumentParser.Parse(Lines(
            "（本分工方案只列出需市级部门落实的事项，第（一）（二）项由各县市区政府自行组织实施。）",
            "一、强化医疗卫生与养老服务衔接",
            "（三）统筹医疗卫生与养老服务资源布局。（市卫生健康委、市民政局按职责分工负责）",
            "二、推进“放管服”改革",
            "（四）简化医养结合机构审批登记。（市卫生健康委牵头，市行政审批局配合）",
            "（二十一）加强人才培养。（市人社局负责）",
            "三、保障措施",
            "各县市区、各有关部门要高度重视。市卫生健康委、市民政局要会同有关部门于每年12月20日前将落实情况报市政府，2022年6月底前开展专项督查。"));

        Assert.Equal([3, 4, 21], plan.Tasks.Select(t => t.Number));
        Assert.Equal("二、推进“放管服”改革", plan.Tasks[1].Heading);
        Assert.Empty(plan.Tasks[2].Deadlines);
        Assert.DoesNotContain("各县市区", plan.Tasks[2].Text);
    }
}

/// <summary>A party named once for every later task (以下均需…落实，不再列出 / 均涉及…，不再做分工，下同).</summary>
public class StandingPartyTests
{
    [Fact]
    public void A_party_every_later_task_needs_is_named_once_and_kept_on_each_task()
    {
        var plan = PlanDocumentParser.Parse(string.Join("\n",
            "一、深化放管服改革",
            "（一）建立健全养老服务综合监管制度。制定关于加强养老服务综合监管的意见。（民政部、国家发展改革委、市场监管总局等按职责分工负责，地方各级人民政府负责落实。以下均需地方各级人民政府落实，不再列出）",
            "（二）推动解决养老服务机构融资问题。鼓励商业银行向民办养老机构发放抵押贷款。（银保监会、人民银行牵头，民政部、自然资源部参与）",
            "（三）扩大养老服务产业相关企业债券发行规模。（国家发展改革委负责）"));

        Assert.Equal(3, plan.Tasks.Count);
        Assert.Equal(["民政部", "国家发展改革委", "市场监管总局"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["地方各级人民政府"], plan.Tasks[0].GroupParties);
        Assert.Equal(["银保监会", "人民银行"], plan.Tasks[1].LeadUnits);
        Assert.Equal(["民政部", "自然资源部"], plan.Tasks[1].CooperatingUnits);
        Assert.Equal(["地方各级人民政府"], plan.Tasks[1].GroupParties);
        Assert.Equal(["地方各级人民政府"], plan.Tasks[2].GroupParties);
    }

    [Fact]
    public void A_party_no_later_bracket_repeats_because_it_says_down_the_same()
    {
        var plan = PlanDocumentParser.Parse(string.Join("\n",
            "（一）加强市场体系建设。推进高标准市场体系建设。〔责任单位：省发展改革委、省市场监管局按职责分工负责。具体任务均涉及相关市（州）人民政府，不再做分工，下同。〕",
            "（二）优化市场准入环境。实施市场准入负面清单制度。〔责任单位：省市场监管局〕"));

        Assert.Equal(2, plan.Tasks.Count);
        Assert.Equal(["省发展改革委", "省市场监管局"], plan.Tasks[0].LeadUnits);
        Assert.All(plan.Tasks, t => Assert.Equal(["相关市（州）人民政府"], t.GroupParties));
    }
}

/// <summary>Shapes of the held-out documents: a plan copied onto one line, and sub-items under one bracket.</summary>
public class HeldOutShapeTests
{
    [Fact]
    public void A_plan_whose_line_breaks_were_lost_is_read_item_by_item()
    {
        var filler = string.Concat(Enumerable.Repeat("各责任单位要尽快制定具体落实方案，明确时间节点。", 8));
        var plan = PlanDocumentParser.Parse(
            $"××省人民政府关于明确2023年重点工作责任单位的通知 {filler} 一、加快提振市场信心 (一)全面促进消费增长。 " +
            "1.把恢复和扩大消费摆在优先位置。(省商务厅、财政厅等相关部门按职责分工负责) " +
            "2.落实好提振市场信心措施。(省发展改革委牵头,省商务厅、财政厅等相关部门按职责分工负责) " +
            "3.激活房地产市场。(省住房城乡建设厅负责)");

        Assert.Equal([1, 2, 3], plan.Tasks.Select(t => t.Number));
        Assert.Equal(["省商务厅", "财政厅"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["省发展改革委"], plan.Tasks[1].LeadUnits);
        Assert.Equal(["省商务厅", "财政厅"], plan.Tasks[1].CooperatingUnits);
        Assert.Equal(["省住房城乡建设厅"], plan.Tasks[2].LeadUnits);
    }

    [Fact]
    public void Sub_items_closed_by_one_bracket_of_their_own_are_one_task()
    {
        var plan = PlanDocumentParser.Parse(string.Join("\n",
            "(一)“一案三制”建设",
            "1.完善应急预案体系",
            "(1)加强应急预案管理，规范应急预案编制、审批、发布。",
            "(2)推进政府及其部门应急预案“精编化”。",
            "(3)加强应急预案演练。",
            "(责任单位:市应急管理局、市公安局)",
            "2.健全应急管理体制",
            "(1)完善统一领导、综合协调的应急管理体制。",
            "(2)加强基层应急管理组织建设。",
            "(责任单位:市应急管理局)"));

        Assert.Equal([1, 2], plan.Tasks.Select(t => t.Number));
        Assert.Equal(["市应急管理局", "市公安局"], plan.Tasks[0].LeadUnits);
        Assert.Contains("加强应急预案演练", plan.Tasks[0].Text);
        Assert.Equal(["市应急管理局"], plan.Tasks[1].LeadUnits);
    }
}
