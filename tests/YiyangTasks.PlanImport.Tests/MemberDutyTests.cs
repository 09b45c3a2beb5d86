using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport.Tests;

/// <summary>Lists of member units with their duties, and annexes of members and liaisons.</summary>
public class MemberDutyTests
{
    private const string Conference = """
        某县推进医养结合联席会议制度
        一、主要职责
        统筹协调全县医养结合工作。
        二、工作规则
        联席会议原则上每年召开一次。
        附件1
        成员单位职责分工
        一、县卫健委
        负责统筹推进医养结合工作，
        2024年底前建成医养结合服务指导中心。
        二、县民政局
        负责养老机构的行业监管。
        三、县人力资源和社会保障局
        负责养老护理员职业技能培训。
        附件2
        联席会议成员及联络员名单
        召集人：王 明 县政府副县长
        成 员：李  华 县卫健委副主任
        赵小红 县民政局副局长
        联络员：张三 县卫健委老龄股股长 0374-1234567
        李四 县民政局养老股干部 13800001111
        """;

    [Fact]
    public void Each_member_units_duties_become_a_task_that_unit_answers_for_by_its_duties()
    {
        var plan = PlanDocumentParser.Parse(Conference);

        Assert.Equal([1, 2, 3], plan.Tasks.Select(t => t.Number));
        Assert.Equal(["县卫健委"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["县人力资源和社会保障局"], plan.Tasks[2].LeadUnits);
        Assert.All(plan.Tasks, t => Assert.Equal(ResponsibilityMode.ByDuty, t.Mode));
        Assert.Equal("负责统筹推进医养结合工作，2024年底前建成医养结合服务指导中心。", plan.Tasks[0].Text);
        Assert.Equal(new SourceLines(8, 10), plan.Tasks[0].Source);
        Assert.Equal([new WrittenDeadline(new DateOnly(2024, 12, 31), "2024年底前")], plan.Tasks[0].Deadlines);
    }

    [Fact]
    public void The_annex_of_members_and_liaisons_becomes_the_directory_with_names_titles_and_phones()
    {
        var members = PlanDocumentParser.Parse(Conference).Members;

        Assert.Equal(["县卫健委", "县民政局"], members.Select(m => m.Name));
        Assert.Equal(new Liaison("张三", "老龄股股长", "0374-1234567"), Assert.Single(members[0].Liaisons));
        Assert.Equal(new Liaison("李四", "养老股干部", "13800001111"), Assert.Single(members[1].Liaisons));
        Assert.Equal(new Liaison("李华", "副主任", null), Assert.Single(members[0].Representatives));
    }

    [Fact]
    public void A_leading_group_annex_listing_member_units_gives_units_without_liaisons()
    {
        var plan = PlanDocumentParser.Parse("""
            附件
            领导小组名单
            组  长：县长
            成员单位：县委办、县发展和改革委员会、县住房和城乡建设局、各乡镇人民政府
            """);

        Assert.Equal(["县委办", "县发展和改革委员会", "县住房和城乡建设局", "各乡镇人民政府"], plan.Members.Select(m => m.Name));
        Assert.All(plan.Members, m => Assert.Empty(m.Liaisons));
    }
}
