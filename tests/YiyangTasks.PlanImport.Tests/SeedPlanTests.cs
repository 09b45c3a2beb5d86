using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport.Tests;

/// <summary>The four seed plans read as their task lists say.</summary>
public class SeedPlanTests
{
    [Theory]
    [InlineData(Seeds.Yanling, 13)]
    [InlineData(Seeds.Xunyang, 15)]
    [InlineData(Seeds.Xinyang, 38)]
    [InlineData(Seeds.Maoming, 20)]
    public void Each_seed_yields_exactly_its_numbered_tasks_in_order(string seed, int count)
    {
        var plan = Seeds.Parse(seed);

        Assert.Equal(Enumerable.Range(1, count), plan.Tasks.Select(t => t.Number));
        Assert.DoesNotContain(plan.Warnings, w => w.Code is "no-task-list" or "no-units" or "unparseable-line" or "reader-failure");
    }

    [Fact]
    public void Yanling_lists_every_responsible_unit_as_lead_jointly_since_it_states_no_first_listed_rule()
    {
        var tasks = Seeds.Parse(Seeds.Yanling).Tasks;

        Assert.All(tasks, t => Assert.Equal(ResponsibilityMode.Jointly, t.Mode));
        Assert.All(tasks, t => Assert.Empty(t.CooperatingUnits));
        Assert.All(tasks, t => Assert.Empty(t.Deadlines));
        Assert.Equal(["县委办", "政府办", "县委深改办", "发改委", "康养办", "卫健委", "民政局"], tasks[0].LeadUnits);
        Assert.Equal(["发改委", "金融工作局", "自然资源局", "卫健委", "民政局"], tasks[2].LeadUnits);
        Assert.Equal(["政府办", "财政局", "民政局", "卫健委"], tasks[3].LeadUnits);
        // 各镇政府 names every town's government by kind: a placeholder, kept in GroupParties.
        Assert.Equal(["卫健委"], tasks[5].LeadUnits);
        Assert.Equal(["各镇政府"], tasks[5].GroupParties);
        Assert.Equal(["卫健委", "民政局"], tasks[9].LeadUnits);
        Assert.Equal(["各镇政府"], tasks[9].GroupParties);
        Assert.Equal(["卫健委", "民政局"], tasks[12].LeadUnits);
    }

    [Fact]
    public void Yanling_tasks_keep_their_lines_heading_and_whole_paragraph()
    {
        var task = Seeds.Parse(Seeds.Yanling).Tasks[0];

        Assert.Equal(new SourceLines(28, 28), task.Source);
        Assert.Equal("（一）党政领导，部门协同", task.Heading);
        Assert.StartsWith("贯彻落实国家有关医养结合政策文件", task.Text);
        Assert.EndsWith("（责任单位：县委办、政府办、县委深改办、发改委、康养办、卫健委、民政局）", task.Text);
    }

    [Fact]
    public void Yanling_heading_has_its_title_and_no_document_number_of_its_own()
    {
        var plan = Seeds.Parse(Seeds.Yanling);

        Assert.Equal("鄢陵县创建全国医养结合示范县实施意见", plan.Title);
        Assert.Null(plan.DocumentNumber); // 鄢政办〔2022〕17号 is the repealed predecessor, cited in the text
        Assert.Null(plan.IssuedOn);
        Assert.Equal("鄢陵县", plan.Jurisdiction);
    }

    [Fact]
    public void Yanling_leading_group_annex_lists_its_member_units()
    {
        var members = Seeds.Parse(Seeds.Yanling).Members;

        Assert.Equal(15, members.Count);
        Assert.Equal("县委办", members[0].Name);
        Assert.Contains(members, m => m.Name == "各镇政府");
    }

    [Fact]
    public void Xunyang_member_duties_become_one_task_each_led_by_that_unit()
    {
        var tasks = Seeds.Parse(Seeds.Xunyang).Tasks;

        Assert.All(tasks, t => Assert.Single(t.LeadUnits));
        Assert.All(tasks, t => Assert.Empty(t.CooperatingUnits));
        Assert.All(tasks, t => Assert.Equal(ResponsibilityMode.ByDuty, t.Mode));
        Assert.Equal("区卫健委", tasks[0].LeadUnits[0]);
        Assert.Equal("区民政局", tasks[1].LeadUnits[0]);
        Assert.Equal("区医保局", tasks[8].LeadUnits[0]);
        Assert.Equal("区消防救援大队", tasks[13].LeadUnits[0]);
        Assert.Equal("区金融办", tasks[14].LeadUnits[0]);
        Assert.Equal(new SourceLines(60, 64), tasks[0].Source);
        Assert.Equal("浔阳区推进医养结合联席会议 成员单位职责分工", tasks[0].Heading);
        Assert.EndsWith("到医养结合机构执业。", tasks[0].Text); // the duties run on across the stray break at line 63
    }

    [Fact]
    public void Xunyang_heading_has_title_number_body_and_date()
    {
        var plan = Seeds.Parse(Seeds.Xunyang);

        Assert.Equal("浔阳区推进医养结合联席会议制度", plan.Title);
        Assert.Equal("浔府办字〔2021〕38号", plan.DocumentNumber);
        Assert.Equal("九江市浔阳区人民政府办公室", plan.IssuingBody);
        Assert.Equal(new DateOnly(2021, 10, 14), plan.IssuedOn);
        Assert.Equal("浔阳区", plan.Jurisdiction);
    }

    [Fact]
    public void Xunyang_annex_of_members_and_liaisons_becomes_the_unit_directory()
    {
        var members = Seeds.Parse(Seeds.Xunyang).Members;

        Assert.Equal(15, members.Count);
        var health = Assert.Single(members, m => m.Name == "区卫健委");
        Assert.Equal(new Liaison("吕家麟", "基层卫生股干部", null), Assert.Single(health.Liaisons));
        Assert.Equal("钟建琼", Assert.Single(health.Representatives).Name);
        var civil = Assert.Single(members, m => m.Name == "区民政局");
        Assert.Equal(new Liaison("刘俊", "养老股股长", null), Assert.Single(civil.Liaisons));
        Assert.Equal("陈强强", Assert.Single(Assert.Single(members, m => m.Name == "区消防救援大队").Liaisons).Name);
        Assert.Equal(14, members.Sum(m => m.Liaisons.Count));
        Assert.Empty(Assert.Single(members, m => m.Name == "区政府办").Liaisons);
    }

    [Fact]
    public void Xinyang_table_rows_read_lead_and_cooperating_units_by_the_responsibility_cell()
    {
        var tasks = Seeds.Parse(Seeds.Xinyang).Tasks;

        var first = tasks[0];
        Assert.Equal(ResponsibilityMode.LeadAndCooperate, first.Mode);
        Assert.Equal(["市民政局", "卫生计生委", "中医管理局"], first.LeadUnits);
        Assert.Equal(["市发展改革委", "财政局", "国土资源局", "住房城乡建设局"], first.CooperatingUnits);
        Assert.Equal(["各县区政府、各管理区、开发区"], first.GroupParties);
        Assert.Equal(new SourceLines(30, 32), first.Source);

        Assert.Equal(ResponsibilityMode.EachResponsibleForOwnPart, tasks[2].Mode);
        Assert.Equal(["市卫生计生委", "民政局", "中医管理局"], tasks[2].LeadUnits);
        Assert.Empty(tasks[2].CooperatingUnits);

        Assert.Equal(["市民政局"], tasks[3].LeadUnits); // 市民政局负责，市卫生计生委配合
        Assert.Equal(["市卫生计生委"], tasks[3].CooperatingUnits);
        Assert.Equal(ResponsibilityMode.LeadAndCooperate, tasks[3].Mode);

        Assert.Equal(["市发展改革委", "财政局", "民政局", "卫生计生委", "中医管理局"], tasks[12].LeadUnits);
        Assert.Equal(["市国土资源局", "住房城乡建设局"], tasks[12].CooperatingUnits);

        Assert.Empty(tasks[35].LeadUnits);
        Assert.Equal(["各试点县区政府、各管理区、开发区"], tasks[35].GroupParties);
        Assert.Equal(ResponsibilityMode.Jointly, tasks[35].Mode);
    }

    [Fact]
    public void Xinyang_deadlines_are_read_from_the_task_text()
    {
        var tasks = Seeds.Parse(Seeds.Xinyang).Tasks;

        Assert.Equal([new WrittenDeadline(new DateOnly(2020, 12, 31), "到2020年")], tasks[8].Deadlines);
        Assert.Equal([new WrittenDeadline(new DateOnly(2017, 12, 31), "2017年底前")], tasks[15].Deadlines);
        Assert.Equal([new WrittenDeadline(new DateOnly(2017, 7, 31), "2017年7月底前")], tasks[35].Deadlines);
        Assert.Empty(tasks[0].Deadlines);
    }

    [Fact]
    public void Xinyang_title_is_the_task_table_title()
    {
        var plan = Seeds.Parse(Seeds.Xinyang);

        Assert.Equal("医养结合工作重点任务分工方案", plan.Title);
        Assert.Null(plan.DocumentNumber);
        Assert.Empty(plan.Members);
    }

    [Fact]
    public void Maoming_items_read_lead_cooperating_and_by_duty_annotations()
    {
        var tasks = Seeds.Parse(Seeds.Maoming).Tasks;

        var first = tasks[0];
        Assert.Equal(ResponsibilityMode.LeadAndCooperate, first.Mode);
        // 各区、县级市人民政府 is the notice's addressee, every government of a kind: a placeholder, not a unit.
        Assert.Equal(["市卫生健康局", "市民政局", "茂名滨海新区、茂名高新区管委会"], first.LeadUnits);
        Assert.Equal(["市医保局", "市编办", "市市场监管局"], first.CooperatingUnits);
        Assert.Equal(["各区、县级市人民政府"], first.GroupParties);

        Assert.Equal(ResponsibilityMode.ByDuty, tasks[1].Mode);
        Assert.Equal(["市卫生健康局", "市民政局"], tasks[1].LeadUnits);
        Assert.Equal(["茂名滨海新区、茂名高新区管委会"], tasks[1].CooperatingUnits);
        Assert.Equal(["各区、县级市人民政府"], tasks[1].GroupParties);

        Assert.Equal(ResponsibilityMode.Jointly, tasks[5].Mode); // （市卫生健康局、民政局负责）
        Assert.Equal(["市卫生健康局", "民政局"], tasks[5].LeadUnits);

        Assert.Equal(["茂名滨海新区、茂名高新区管委会", "市卫生健康局", "民政局"], tasks[6].LeadUnits);
        Assert.Equal(["市医保局"], tasks[6].CooperatingUnits);

        Assert.Equal(ResponsibilityMode.ByDuty, tasks[9].Mode); // 按职分工负责, as written
        Assert.Contains("茂名银监局", tasks[9].LeadUnits);
    }

    [Fact]
    public void Maoming_dated_targets_become_deadlines()
    {
        var tasks = Seeds.Parse(Seeds.Maoming).Tasks;

        Assert.Equal(
            [new WrittenDeadline(new DateOnly(2022, 12, 31), "到2022年"), new WrittenDeadline(new DateOnly(2025, 12, 31), "2025年")],
            tasks[0].Deadlines);
        Assert.Equal([new WrittenDeadline(new DateOnly(2022, 12, 31), "到2022年")], tasks[2].Deadlines);
        Assert.Equal([new WrittenDeadline(new DateOnly(2021, 12, 31), "到2021年")], tasks[4].Deadlines);
        Assert.Empty(tasks[18].Deadlines); // 2021-2022年全市每年培训 is a period, not a deadline
    }

    [Fact]
    public void Maoming_items_join_across_stray_breaks_and_keep_their_lines_and_heading()
    {
        var tasks = Seeds.Parse(Seeds.Maoming).Tasks;

        Assert.Equal(new SourceLines(81, 87), tasks[10].Source); // the annotation stands alone on line 87
        Assert.Contains("双方签订合作协议", tasks[1].Text);
        Assert.Equal("一、强化医疗卫生与养老服务衔接", tasks[0].Heading);
        Assert.Equal("六、加强队伍建设", tasks[19].Heading);
    }

    [Fact]
    public void Maoming_heading_names_the_ten_issuing_bureaus_number_and_date()
    {
        var plan = Seeds.Parse(Seeds.Maoming);

        Assert.Equal("关于深入推进医养结合发展的工作方案", plan.Title);
        Assert.Equal("茂卫〔2020〕63号", plan.DocumentNumber);
        Assert.StartsWith("茂名市卫生健康局、茂名市民政局", plan.IssuingBody);
        Assert.Equal(10, plan.IssuingBody!.Split('、').Length);
        Assert.Equal(new DateOnly(2020, 11, 16), plan.IssuedOn);
        Assert.Equal("茂名市", plan.Jurisdiction);
    }
}
