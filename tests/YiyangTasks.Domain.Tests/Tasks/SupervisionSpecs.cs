using YiyangTasks.Domain.Tasks;
using static YiyangTasks.Domain.Tests.Tasks.TaskSpec;

namespace YiyangTasks.Domain.Tests.Tasks;

/// <summary>督查 findings, 效能告诫 admonishments, 问责 escalation (鄢陵: 不作为的由专项督查组效能告诫).</summary>
public class SupervisionSpecs
{
    [Fact]
    public void An_admonishment_names_units_on_the_task()
    {
        GivenAssigned().When((t, a, now) => new IssueAdmonishment([Insurance], "迟报").Decide(t, a, now), Supervision)
            .Single<AdmonishmentIssued>();
        GivenAssigned().When((t, a, now) => new IssueAdmonishment([Health, Finance], "迟报").Decide(t, a, now), Supervision)
            .RefusedBy("admonishment-names-unit-not-on-task");
        GivenAssigned().When((t, a, now) => new IssueAdmonishment([], "迟报").Decide(t, a, now), Supervision)
            .RefusedBy("admonishment-names-unit-not-on-task");
    }

    [Fact]
    public void Escalation_follows_an_admonishment_of_the_same_unit()
    {
        var spec = GivenAssigned();
        spec.When((t, a, now) => new EscalateToAccountability([Health], "屡次逾期").Decide(t, a, now), Supervision)
            .RefusedBy("escalation-without-admonishment");
        spec.When((t, a, now) => new IssueAdmonishment([Health], "逾期未签收").Decide(t, a, now), Supervision);
        spec.When((t, a, now) => new EscalateToAccountability([Health, CivilAffairs], "告诫后仍未整改").Decide(t, a, now), Supervision)
            .RefusedBy("escalation-without-admonishment");
        spec.When((t, a, now) => new EscalateToAccountability([Health], "告诫后仍未整改").Decide(t, a, now), Supervision)
            .Single<AccountabilityEscalated>();
        // The task keeps how often each unit was escalated, not the escalations (those are in its record, TaskRecord).
        Assert.Equal([new UnitCount(Health, 1)], spec.State.Escalated);
    }

    [Fact]
    public void Escalation_names_only_units_on_the_task()
    {
        GivenAssigned().When((t, a, now) => new EscalateToAccountability([Finance], "问责").Decide(t, a, now), Supervision)
            .RefusedBy("escalation-names-unit-not-on-task");
    }

    [Fact]
    public void A_task_needs_text_when_assigned()
    {
        new AssignTask("p", 1, "  ", ["a"], [], ResponsibilityMode.Jointly, null, null).Decide(Office, Assigned)
            .RefusedBy("task-needs-text");
    }

    [Fact]
    public void A_task_needs_a_lead_unit_when_assigned()
    {
        var refused = new AssignTask("p", 1, "x", [], ["a"], ResponsibilityMode.Jointly, null, null).Decide(Office, Assigned);
        refused.RefusedBy("task-needs-lead-unit");
        var assigned = new AssignTask("p", 1, "x", ["a", "a"], ["a", "b"], ResponsibilityMode.Jointly, null, null).Decide(Office, Assigned)
            .Single<TaskAssigned>();
        Assert.Equal(["a"], assigned.LeadUnits);
        Assert.Equal(["b"], assigned.CooperatingUnits);
    }

    [Fact]
    public void A_revision_records_what_changed_and_a_withdrawn_task_takes_no_commands()
    {
        var spec = GivenAssigned();
        var revised = spec.When((t, a, now) => new ReviseTask(t.Text, [Health], [Insurance, CivilAffairs], t.Mode, t.Deadline, t.DeadlineWords)
            .Decide(t, a, now), Office).Single<TaskRevised>();
        Assert.Equal(["leadUnits", "cooperatingUnits"], revised.Changes);
        Assert.Empty(spec.When((t, a, now) => new ReviseTask(t.Text, t.LeadUnits, t.CooperatingUnits, t.Mode, t.Deadline, t.DeadlineWords)
            .Decide(t, a, now), Office).Events);

        spec.When((t, a, now) => new WithdrawTask("修订版不再列出").Decide(t, a, now), Office).Single<TaskWithdrawn>();
        spec.When((t, a, now) => new AcknowledgeTask(Health).Decide(t, a, now), Liaison(Health)).RefusedBy("task-withdrawn");
    }
}
