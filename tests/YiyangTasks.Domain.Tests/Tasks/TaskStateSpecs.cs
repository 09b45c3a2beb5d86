using System.Text.Json;
using YiyangTasks.Domain.Tasks;
using static YiyangTasks.Domain.Tests.Tasks.TaskSpec;

namespace YiyangTasks.Domain.Tests.Tasks;

/// <summary>The task's state is stored as JSON by the event store: every kind of state must survive the round trip.</summary>
public class TaskStateSpecs
{
    [Fact]
    public void A_task_with_every_kind_of_state_round_trips_through_JSON()
    {
        var spec = GivenAssigned();
        var report = Guid.NewGuid();
        var extension = Guid.NewGuid();
        spec.When((t, a, now) => new AcknowledgeTask(Health).Decide(t, a, now), Liaison(Health));
        spec.When((t, a, now) => new ReportProgress(report, Insurance, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31),
            ProgressStatus.AtRisk, 20, "资金紧张", ["附件1.pdf"], null).Decide(t, a, now), Liaison(Insurance));
        spec.When((t, a, now) => new RequestDeadlineExtension(extension, Health, new DateOnly(2026, 9, 30), "x").Decide(t, a, now), Liaison(Health));
        spec.When((t, a, now) => new RecordSupervisionFinding(SupervisionRating.Fair, "一般").Decide(t, a, now), Supervision);
        spec.When((t, a, now) => new IssueAdmonishment([CivilAffairs], "未签收").Decide(t, a, now), Supervision);
        spec.When((t, a, now) => new ReportCompletion(Health, "完成").Decide(t, a, now), Liaison(Health));
        spec.Given(new AcknowledgementOverdue(CivilAffairs, new DateOnly(2026, 3, 5), spec.Now));

        var state = spec.State;
        var json = JsonSerializer.Serialize(state);
        var back = JsonSerializer.Deserialize<SupervisedTask>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Equal(state.LeadUnits, back.LeadUnits);
        Assert.Equal(state.Reports, back.Reports);
        Assert.Equal(state.Ratings, back.Ratings);
        Assert.Equal(state.LatestFinding, back.LatestFinding);
        Assert.Equal(state.Admonished, back.Admonished);
        Assert.Equal(state.PendingExtensions, back.PendingExtensions);
        Assert.Equal(state.Lapses, back.Lapses);
        Assert.Equal(state.PendingCompletion, back.PendingCompletion);
        Assert.Equal(state.Status, back.Status);
    }

    [Fact]
    public void Events_the_task_does_not_know_leave_it_as_it_was_and_nothing_comes_before_assignment()
    {
        var state = GivenAssigned().State;
        Assert.Same(state, SupervisedTask.Evolve(state, new object()));
        Assert.Null(SupervisedTask.Evolve(null, new TaskAcknowledgedByLeadUnit(Health, Liaison(Health), Assigned)));
        Assert.Equal("yanling/7", state.Id);
    }
}
