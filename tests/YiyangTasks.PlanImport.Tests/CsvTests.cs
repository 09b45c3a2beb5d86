using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport.Tests;

/// <summary>Task tables exported as CSV.</summary>
public class CsvTests
{
    [Fact]
    public void A_CSV_with_Chinese_headers_reads_each_row_as_a_task()
    {
        var plan = PlanCsvReader.Read("""
            序号,工作任务,牵头单位,配合单位,完成时限
            1,建立医养结合工作机制,县卫健委,县民政局、县财政局,2023年底前
            2,推进长期护理保险试点,县医保局,,长期坚持
            """);

        Assert.Equal(2, plan.Tasks.Count);
        Assert.Equal(["县卫健委"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["县民政局", "县财政局"], plan.Tasks[0].CooperatingUnits);
        Assert.Equal(ResponsibilityMode.LeadAndCooperate, plan.Tasks[0].Mode);
        Assert.Equal([new WrittenDeadline(new DateOnly(2023, 12, 31), "2023年底前")], plan.Tasks[0].Deadlines);
        Assert.Equal("长期坚持", plan.Tasks[1].RelativeDeadline);
        Assert.Equal(new SourceLines(3, 3), plan.Tasks[1].Source);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void A_CSV_with_a_BOM_and_English_headers_reads_the_same()
    {
        var plan = PlanCsvReader.Read("\uFEFFnumber,task,lead,cooperating,deadline\r\n1,建立医养结合工作机制,县卫健委,县民政局,2023年6月底前\r\n");

        var task = Assert.Single(plan.Tasks);
        Assert.Equal(1, task.Number);
        Assert.Equal(["县民政局"], task.CooperatingUnits);
        Assert.Equal(new DateOnly(2023, 6, 30), Assert.Single(task.Deadlines).Date);
    }

    [Fact]
    public void Quoted_fields_keep_their_commas_quotes_and_line_breaks()
    {
        var plan = PlanCsvReader.Read(
            "序号,工作任务,牵头单位,配合单位,完成时限\n" +
            "1,\"完善政策, 加强\"\"医养结合\"\"\n机构建设\",县卫健委,\"县民政局，县财政局\",\n" +
            "2,开展培训,县人社局,,\n");

        Assert.Equal(2, plan.Tasks.Count);
        Assert.Equal("完善政策, 加强\"医养结合\"\n机构建设", plan.Tasks[0].Text);
        Assert.Equal(["县民政局", "县财政局"], plan.Tasks[0].CooperatingUnits);
        Assert.Equal(new SourceLines(2, 3), plan.Tasks[0].Source);
        Assert.Equal(new SourceLines(4, 4), plan.Tasks[1].Source);
    }

    [Fact]
    public void A_row_without_units_is_kept_and_warned_about()
    {
        var plan = PlanCsvReader.Read("序号,工作任务,牵头单位,配合单位,完成时限\n1,开展培训,,,\n");

        Assert.Contains(plan.Warnings, w => w.Code == "no-units" && w.Line == 2);
    }

    [Fact]
    public void An_empty_CSV_yields_no_task_list()
    {
        Assert.Contains(PlanCsvReader.Read("").Warnings, w => w.Code == "no-task-list");
    }

    [Fact]
    public void A_deadline_column_holding_a_plain_date_is_that_date()
    {
        var plan = PlanCsvReader.Read("序号,工作任务,牵头单位,配合单位,完成时限\n1,建立机制,市卫健委,市民政局,2026-12-31\n2,开展评估,市民政局,,2026/6/30\n");
        Assert.Equal(new DateOnly(2026, 12, 31), plan.Tasks[0].Deadlines.Single().Date);
        Assert.Equal(new DateOnly(2026, 6, 30), plan.Tasks[1].Deadlines.Single().Date);
        Assert.Null(plan.Tasks[0].RelativeDeadline);
    }
}
