using YiyangTasks.Domain.Tasks;
using static YiyangTasks.Domain.Tests.Tasks.TaskSpec;
using TaskStatus = YiyangTasks.Domain.Tasks.TaskStatus;

namespace YiyangTasks.Domain.Tests.Tasks;

/// <summary>签收: only a lead unit acknowledges, once; the task is acknowledged when every lead unit has.</summary>
public class AcknowledgementSpecs
{
    [Fact]
    public void A_lead_unit_acknowledges_with_who_and_when()
    {
        var spec = GivenAssigned();
        var acknowledged = spec.When((t, a, now) => new AcknowledgeTask(Health).Decide(t, a, now), Liaison(Health))
            .Single<TaskAcknowledgedByLeadUnit>();
        Assert.Equal(Health, acknowledged.Unit);
        Assert.Equal(Liaison(Health), acknowledged.AcknowledgedBy);
        Assert.Equal(TaskStatus.Assigned, spec.State.Status);
        Assert.Equal([CivilAffairs], spec.State.OutstandingAcknowledgements);
    }

    [Fact]
    public void A_task_with_two_lead_units_is_acknowledged_when_both_have()
    {
        var spec = GivenAssigned();
        spec.When((t, a, now) => new AcknowledgeTask(Health).Decide(t, a, now), Liaison(Health));
        spec.When((t, a, now) => new AcknowledgeTask(CivilAffairs).Decide(t, a, now), Liaison(CivilAffairs));
        Assert.True(spec.State.IsFullyAcknowledged);
        Assert.Equal(TaskStatus.Acknowledged, spec.State.Status);
    }

    [Fact]
    public void A_cooperating_unit_does_not_acknowledge()
    {
        GivenAssigned().When((t, a, now) => new AcknowledgeTask(Insurance).Decide(t, a, now), Liaison(Insurance))
            .RefusedBy("only-lead-unit-acknowledges");
    }

    [Fact]
    public void A_lead_unit_acknowledges_once()
    {
        var spec = GivenAssigned();
        spec.When((t, a, now) => new AcknowledgeTask(Health).Decide(t, a, now), Liaison(Health));
        spec.When((t, a, now) => new AcknowledgeTask(Health).Decide(t, a, now), Liaison(Health)).RefusedBy("already-acknowledged");
    }
}
