using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport.Tests;

/// <summary>The four real plans read into exactly their tasks, with their units and deadlines.</summary>
public class SeedPlanSpecs
{
    private static ParsedTask Task(ParsedPlan plan, int number) => plan.Tasks.Single(t => t.Number == number);

    [Fact]
    public void Yanling_numbered_paragraphs_ending_in_responsible_units_are_13_tasks()
    {
        var plan = PlanDocumentParser.Parse(Seeds.Text(Seeds.Yanling));
        Assert.Equal(Enumerable.Range(1, 13), plan.Tasks.Select(t => t.Number));
        Assert.Equal("鄢陵县创建全国医养结合示范县实施意见", plan.Title);
        Assert.Null(plan.DocumentNumber); // it cites 国卫老龄发〔2022〕25号 but has no number of its own

        // 责任单位 with no first-listed rule: every listed unit answers jointly.
        Assert.Equal(["县委办", "政府办", "县委深改办", "发改委", "康养办", "卫健委", "民政局"], Task(plan, 1).LeadUnits);
        Assert.Equal(["发改委", "金融工作局", "自然资源局", "卫健委", "民政局"], Task(plan, 3).LeadUnits);
        Assert.Equal(["卫健委", "各镇政府"], Task(plan, 6).LeadUnits);
        Assert.Equal(["卫健委", "民政局", "各镇政府"], Task(plan, 7).LeadUnits);
        Assert.Equal(["卫健委", "民政局"], Task(plan, 13).LeadUnits);
        Assert.All(plan.Tasks, t => Assert.Empty(t.CooperatingUnits));
        Assert.All(plan.Tasks, t => Assert.Equal(ResponsibilityMode.Jointly, t.Mode));
        Assert.All(plan.Tasks, t => Assert.Empty(t.Deadlines)); // 开展2022年彩票公益金 is a mention, not a deadline
        Assert.Equal(new SourceLines(28, 28), Task(plan, 1).Source);
        Assert.StartsWith("4、根据河南省财政厅", Task(plan, 4).Text);
    }

    [Fact]
    public void Xunyang_member_duties_are_15_tasks_and_the_annex_is_the_directory_with_liaisons()
    {
        var plan = PlanDocumentParser.Parse(Seeds.Text(Seeds.Xunyang));
        Assert.Equal(Enumerable.Range(1, 15), plan.Tasks.Select(t => t.Number));
        Assert.Equal("浔阳区推进医养结合联席会议制度", plan.Title);
        Assert.Equal("浔府办字〔2021〕38号", plan.DocumentNumber);
        Assert.Equal("九江市浔阳区人民政府办公室", plan.IssuingBody);
        Assert.Equal(new DateOnly(2021, 10, 14), plan.IssuedOn);

        Assert.Equal(["区卫健委"], Task(plan, 1).LeadUnits);
        Assert.Equal(["区民政局"], Task(plan, 2).LeadUnits);
        Assert.Equal(["区红十字会"], Task(plan, 10).LeadUnits);
        Assert.Equal(["区消防救援大队"], Task(plan, 14).LeadUnits);
        Assert.Equal(["区金融办"], Task(plan, 15).LeadUnits);
        Assert.All(plan.Tasks, t => Assert.Equal(ResponsibilityMode.ByDuty, t.Mode));
        Assert.All(plan.Tasks, t => Assert.Empty(t.CooperatingUnits));
        Assert.StartsWith("支持社区卫生服务机构利用现有资源", Task(plan, 1).Text);

        Assert.Equal(15, plan.Members.Count);
        Assert.Equal("何全兰", Assert.Single(plan.Members.Single(m => m.Name == "区红十字会").Liaisons).Name);
        Assert.Equal("吕家麟", Assert.Single(plan.Members.Single(m => m.Name == "区卫健委").Liaisons).Name);
        Assert.Equal("养老股股长", Assert.Single(plan.Members.Single(m => m.Name == "区民政局").Liaisons).Title);
    }

    [Fact]
    public void Xinyang_task_table_is_38_rows_with_lead_and_cooperating_units()
    {
        var plan = PlanDocumentParser.Parse(Seeds.Text(Seeds.Xinyang));
        Assert.Equal(Enumerable.Range(1, 38), plan.Tasks.Select(t => t.Number));
        Assert.Equal("医养结合工作重点任务分工方案", plan.Title);

        var first = Task(plan, 1);
        Assert.Equal(["市民政局", "卫生计生委", "中医管理局"], first.LeadUnits);
        Assert.Equal(["市发展改革委", "财政局", "国土资源局", "住房城乡建设局", "各县区政府、各管理区、开发区"], first.CooperatingUnits);
        Assert.Equal(ResponsibilityMode.LeadAndCooperate, first.Mode);
        Assert.Equal(new SourceLines(30, 32), first.Source);

        Assert.Equal(ResponsibilityMode.EachResponsibleForOwnPart, Task(plan, 3).Mode);
        Assert.Equal(["市卫生计生委", "民政局", "中医管理局"], Task(plan, 3).LeadUnits);

        Assert.Equal(["市民政局"], Task(plan, 4).LeadUnits);
        Assert.Equal(["市卫生计生委"], Task(plan, 4).CooperatingUnits);
        Assert.Equal("自受理设立申请后10个工作日内", Task(plan, 4).RelativeDeadline);

        Assert.Equal(new DateOnly(2020, 12, 31), Assert.Single(Task(plan, 9).Deadlines).Date);
        Assert.Equal(new DateOnly(2017, 12, 31), Assert.Single(Task(plan, 16).Deadlines).Date);
        var pilot = Task(plan, 36);
        Assert.Equal(["各试点县区政府、各管理区、开发区"], pilot.LeadUnits);
        Assert.Equal(new WrittenDeadline(new DateOnly(2017, 7, 31), "2017年7月底前"), Assert.Single(pilot.Deadlines));
        Assert.Equal(["市卫生计生委", "民政局"], Task(plan, 38).LeadUnits);
    }

    [Fact]
    public void Maoming_items_ending_in_role_annotations_are_20_tasks()
    {
        var plan = PlanDocumentParser.Parse(Seeds.Text(Seeds.Maoming));
        Assert.Equal(Enumerable.Range(1, 20), plan.Tasks.Select(t => t.Number));
        Assert.Equal("茂卫〔2020〕63号", plan.DocumentNumber);
        Assert.Equal("茂名市卫生健康局", plan.IssuingBody);
        Assert.Equal(new DateOnly(2020, 11, 16), plan.IssuedOn);

        var first = Task(plan, 1); // …牵头负责，…配合
        Assert.Equal(ResponsibilityMode.LeadAndCooperate, first.Mode);
        Assert.Equal(["市卫生健康局", "市民政局", "各区、县级市人民政府", "茂名滨海新区", "茂名高新区管委会"], first.LeadUnits);
        Assert.Equal(["市医保局", "市编办", "市市场监管局"], first.CooperatingUnits);

        var second = Task(plan, 2); // …按职责分工负责，…配合, across a stray line break
        Assert.Equal(ResponsibilityMode.ByDuty, second.Mode);
        Assert.Equal(["市卫生健康局", "市民政局"], second.LeadUnits);
        Assert.Equal(["各区、县级市人民政府", "茂名滨海新区", "茂名高新区管委会"], second.CooperatingUnits);
        Assert.Equal(new SourceLines(47, 49), second.Source);

        Assert.Equal(new DateOnly(2022, 12, 31), Assert.Single(Task(plan, 3).Deadlines).Date);
        Assert.Equal(new DateOnly(2021, 12, 31), Assert.Single(Task(plan, 5).Deadlines).Date);
        Assert.Equal(ResponsibilityMode.Jointly, Task(plan, 6).Mode);
        Assert.Equal(["市卫生健康局", "民政局"], Task(plan, 6).LeadUnits);
        Assert.Equal(["市医保局"], Task(plan, 7).CooperatingUnits);
        Assert.StartsWith("（十六）完善公立医疗机构开展养老服务的价格政策。", Task(plan, 16).Text);
    }

    [Fact]
    public void Every_seed_parses_without_unreadable_lines()
    {
        foreach (var seed in new[] { Seeds.Yanling, Seeds.Xunyang, Seeds.Xinyang, Seeds.Maoming })
            Assert.DoesNotContain(PlanDocumentParser.Parse(Seeds.Text(seed)).Warnings, w => w.Code is "unparseable-line" or "no-task-list" or "parser-failure");
    }
}
