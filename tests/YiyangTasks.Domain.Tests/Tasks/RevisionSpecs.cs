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

    private static ReviseTask Reissued(SupervisedTask t, string text, DateOnly deadline, string words) =>
        new(text, t.LeadUnits, t.CooperatingUnits, t.Mode, deadline, words);

    [Fact]
    public void A_reissued_plan_that_leaves_the_deadline_as_written_keeps_the_offices_correction()
    {
        var spec = GivenAssigned();
        var corrected = new DeadlineTerms(DeadlineKind.Date, "2026年9月底前", Until: new DateOnly(2026, 9, 30));
        spec.When((t, a, now) => new CorrectDeadline(corrected, "原文为9月底前，导入误读。").Decide(t, a, now), Office);

        var revised = spec.When((t, a, now) => Reissued(t, "推进医养结合机构建设，扩大服务覆盖。", new DateOnly(2026, 6, 30), "2026年6月底前")
            .Decide(t, a, now), Office).Single<TaskRevised>();

        Assert.Equal(["text"], revised.Changes);
        Assert.Equal((new DateOnly(2026, 9, 30), corrected), (spec.State.Deadline, spec.State.DeadlineTerms));
        // The same document imported again changes nothing.
        Assert.Empty(spec.When((t, a, now) => Reissued(t, "推进医养结合机构建设，扩大服务覆盖。", new DateOnly(2026, 6, 30), "2026年6月底前")
            .Decide(t, a, now), Office).Events);
    }

    [Fact]
    public void A_reissued_plan_that_leaves_the_deadline_as_written_keeps_a_granted_extension_and_one_that_rewrites_it_replaces_it()
    {
        var spec = GivenAssigned();
        var id = Guid.NewGuid();
        spec.When((t, a, now) => new RequestDeadlineExtension(id, Health, new DateOnly(2026, 8, 31), "资金未到位").Decide(t, a, now), Liaison(Health));
        spec.When((t, a, now) => new DecideDeadlineExtension(id, true, null, null).Decide(t, a, now), Office).Single<DeadlineExtensionGranted>();

        Assert.Empty(spec.When((t, a, now) => AsAssigned(t with { Deadline = new DateOnly(2026, 6, 30), DeadlineWords = "2026年6月底前" })
            .Decide(t, a, now), Office).Events);
        Assert.Equal(new DateOnly(2026, 8, 31), spec.State.Deadline);

        var rewritten = spec.When((t, a, now) => Reissued(t, t.Text, new DateOnly(2026, 12, 31), "2026年底前").Decide(t, a, now), Office)
            .Single<TaskRevised>();
        Assert.Equal(["deadline"], rewritten.Changes);
        Assert.Equal((new DateOnly(2026, 12, 31), "2026年底前"), (spec.State.Deadline, spec.State.DeadlineWords));
    }

    [Fact]
    public void Merging_a_unit_after_a_correction_keeps_the_correction_and_the_deadline_as_written()
    {
        var spec = new TaskSpec().Given(new TaskAssigned("yanling", 3, "加强医养结合人才培训。", [Health, Written], [Insurance],
            ResponsibilityMode.LeadAndCooperate, new DateOnly(2026, 6, 30), "2026年6月底前", ReportingCycle.Monthly, Office, Assigned));
        var standing = new DeadlineTerms(DeadlineKind.Standing, "长期坚持");
        spec.When((t, a, now) => new CorrectDeadline(standing, "原文为长期坚持。").Decide(t, a, now), Office);

        spec.When((t, a, now) => new MergeUnit(Written, Labour).Decide(t, a, now), Office).Single<TaskRevised>();

        Assert.Equal((null, standing), (spec.State.Deadline, spec.State.DeadlineTerms));
        Assert.Equal(new DateOnly(2026, 6, 30), spec.State.Planned.Deadline);
    }
}
