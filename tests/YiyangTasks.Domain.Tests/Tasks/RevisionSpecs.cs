using YiyangTasks.Domain.Tasks;
using static YiyangTasks.Domain.Tests.Tasks.TaskSpec;

namespace YiyangTasks.Domain.Tests.Tasks;

/// <summary>A corrected 分工表 and a unit merged into the directory revise a task: its units, deadline or reporting cycle.</summary>
public class RevisionSpecs
{
    private const string Written = "县人力资源社会保障部门";
    private const string Labour = "县人社局";

    private static ReviseTask AsAssigned(SupervisedTask t, ReportingCycle? cycle = null) =>
        new(t.Text, t.LeadUnits, t.CooperatingUnits, t.Mode, t.Deadline, t.DeadlineWords, cycle);

    [Fact]
    public void A_sheet_that_states_a_quarterly_cycle_revises_the_cycle_and_nothing_else()
    {
        var spec = GivenAssigned();

        var revised = spec.When((t, a, now) => AsAssigned(t, ReportingCycle.Quarterly).Decide(t, a, now), Office).Single<TaskRevised>();

        Assert.Equal(["reportingCycle"], revised.Changes);
        Assert.Equal(ReportingCycle.Quarterly, spec.State.ReportingCycle);
    }

    [Fact]
    public void A_revision_that_states_no_cycle_keeps_the_tasks_cycle()
    {
        var spec = GivenAssigned();
        spec.When((t, a, now) => AsAssigned(t, ReportingCycle.Yearly).Decide(t, a, now), Office);

        var revised = spec.When((t, a, now) => (AsAssigned(t) with { Deadline = new DateOnly(2026, 9, 30) }).Decide(t, a, now), Office)
            .Single<TaskRevised>();

        Assert.Equal(["deadline"], revised.Changes);
        Assert.Null(revised.ReportingCycle);
        Assert.Equal(ReportingCycle.Yearly, spec.State.ReportingCycle);
        Assert.Empty(spec.When((t, a, now) => AsAssigned(t, ReportingCycle.Yearly).Decide(t, a, now), Office).Events);
    }

    [Fact]
    public void Merging_a_written_name_into_a_known_unit_renames_it_where_the_task_names_it()
    {
        var spec = new TaskSpec().Given(new TaskAssigned("yanling", 3, "加强医养结合人才培训。", [Health, Written], [Insurance],
            ResponsibilityMode.LeadAndCooperate, null, null, ReportingCycle.Monthly, Office, Assigned));

        var revised = spec.When((t, a, now) => new MergeUnit(Written, Labour).Decide(t, a, now), Office).Single<TaskRevised>();

        Assert.Equal(["leadUnits"], revised.Changes);
        Assert.Equal([Health, Labour], spec.State.LeadUnits);
        Assert.Equal([Insurance], spec.State.CooperatingUnits);
        Assert.Equal("加强医养结合人才培训。", spec.State.Text);
    }

    [Fact]
    public void A_merged_cooperating_unit_that_already_leads_is_named_once_as_lead()
    {
        var spec = new TaskSpec().Given(new TaskAssigned("yanling", 4, "开展评估。", [Labour], [Written, Finance],
            ResponsibilityMode.LeadAndCooperate, null, null, ReportingCycle.Monthly, Office, Assigned));

        var revised = spec.When((t, a, now) => new MergeUnit(Written, Labour).Decide(t, a, now), Office).Single<TaskRevised>();

        Assert.Equal(["cooperatingUnits"], revised.Changes);
        Assert.Equal([Labour], spec.State.LeadUnits);
        Assert.Equal([Finance], spec.State.CooperatingUnits);
    }

    [Fact]
    public void A_task_without_the_name_or_withdrawn_is_left_as_it_is_and_a_unit_is_not_merged_into_itself()
    {
        var spec = GivenAssigned();
        Assert.Empty(spec.When((t, a, now) => new MergeUnit(Written, Labour).Decide(t, a, now), Office).Events);

        spec.When((t, a, now) => new MergeUnit(Health, Health).Decide(t, a, now), Office).RefusedBy("same-unit");

        spec.When((t, a, now) => new WithdrawTask("修订后的方案不再列出此项任务。").Decide(t, a, now), Office);
        Assert.Empty(spec.When((t, a, now) => new MergeUnit(Health, Labour).Decide(t, a, now), Office).Events);
    }
}
