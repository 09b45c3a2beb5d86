using YiyangTasks.Domain.Tasks;
using static YiyangTasks.Domain.Tests.Tasks.TaskSpec;
using TaskStatus = YiyangTasks.Domain.Tasks.TaskStatus;

namespace YiyangTasks.Domain.Tests.Tasks;

/// <summary>办结: a lead unit reports, the office reviews; 延期: a lead unit asks, the office decides.</summary>
public class CompletionAndExtensionSpecs
{
    [Fact]
    public void Completion_reported_rejected_reported_again_and_accepted()
    {
        var spec = GivenAssigned();
        spec.When((t, a, now) => new ReportCompletion(Health, "已完成").Decide(t, a, now), Liaison(Health)).Single<CompletionReported>();
        Assert.Equal(TaskStatus.CompletionReported, spec.State.Status);
        spec.When((t, a, now) => new ReportCompletion(CivilAffairs, "也完成").Decide(t, a, now), Liaison(CivilAffairs))
            .RefusedBy("completion-already-pending");

        var rejected = spec.When((t, a, now) => new RejectCompletion("缺少佐证材料").Decide(t, a, now), Office).Single<CompletionRejected>();
        Assert.Equal("缺少佐证材料", rejected.Reason);
        Assert.Equal(TaskStatus.InProgress, spec.State.Status);

        spec.When((t, a, now) => new ReportCompletion(CivilAffairs, "补充材料").Decide(t, a, now), Liaison(CivilAffairs));
        spec.When((t, a, now) => new AcceptCompletion("同意").Decide(t, a, now), Office).Single<CompletionAccepted>();
        Assert.Equal(TaskStatus.Completed, spec.State.Status);
        Assert.NotNull(spec.State.CompletionReportedAt);
    }

    [Fact]
    public void Only_a_lead_unit_reports_completion_and_the_office_reviews_only_a_pending_one()
    {
        GivenAssigned().When((t, a, now) => new ReportCompletion(Insurance, "x").Decide(t, a, now), Liaison(Insurance))
            .RefusedBy("only-lead-unit-reports-completion");
        GivenAssigned().When((t, a, now) => new AcceptCompletion(null).Decide(t, a, now), Office).RefusedBy("no-completion-pending");
        GivenAssigned().When((t, a, now) => new RejectCompletion("x").Decide(t, a, now), Office).RefusedBy("no-completion-pending");
    }

    [Fact]
    public void An_accepted_task_takes_only_supervision_findings()
    {
        var spec = GivenAssigned();
        spec.When((t, a, now) => new ReportCompletion(Health, "完成").Decide(t, a, now), Liaison(Health));
        spec.When((t, a, now) => new AcceptCompletion(null).Decide(t, a, now), Office);

        spec.When((t, a, now) => new RecordSupervisionFinding(SupervisionRating.Good, "良好").Decide(t, a, now), Supervision)
            .Single<SupervisionFindingRecorded>();
        spec.When((t, a, now) => new AcknowledgeTask(Health).Decide(t, a, now), Liaison(Health)).RefusedBy("task-completed");
        spec.When((t, a, now) => new IssueAdmonishment([Health], "x").Decide(t, a, now), Supervision).RefusedBy("task-completed");
        spec.When((t, a, now) => new RequestDeadlineExtension(Guid.NewGuid(), Health, new DateOnly(2026, 9, 30), "x").Decide(t, a, now), Liaison(Health))
            .RefusedBy("task-completed");
    }

    [Fact]
    public void An_extension_is_requested_by_a_lead_unit_for_a_later_date_and_granted()
    {
        var spec = GivenAssigned();
        var id = Guid.NewGuid();
        spec.When((t, a, now) => new RequestDeadlineExtension(id, Health, new DateOnly(2026, 9, 30), "资金未到位").Decide(t, a, now), Liaison(Health))
            .Single<DeadlineExtensionRequested>();
        spec.When((t, a, now) => new RequestDeadlineExtension(Guid.NewGuid(), CivilAffairs, new DateOnly(2026, 10, 31), "x").Decide(t, a, now), Liaison(CivilAffairs))
            .RefusedBy("extension-already-pending");
        var granted = spec.When((t, a, now) => new DecideDeadlineExtension(id, true, null, null).Decide(t, a, now), Office)
            .Single<DeadlineExtensionGranted>();
        Assert.Equal(new DateOnly(2026, 9, 30), granted.NewDeadline);
        Assert.Equal(new DateOnly(2026, 9, 30), spec.State.Deadline);
        spec.When((t, a, now) => new DecideDeadlineExtension(id, true, null, null).Decide(t, a, now), Office).RefusedBy("no-such-pending-extension");
    }

    [Fact]
    public void An_extension_must_be_after_the_current_deadline_and_the_task_must_have_one()
    {
        GivenAssigned().When((t, a, now) => new RequestDeadlineExtension(Guid.NewGuid(), Health, new DateOnly(2026, 6, 30), "x").Decide(t, a, now), Liaison(Health))
            .RefusedBy("extension-not-after-deadline");
        GivenAssigned(noDeadline: true).When((t, a, now) => new RequestDeadlineExtension(Guid.NewGuid(), Health, new DateOnly(2026, 9, 30), "x").Decide(t, a, now), Liaison(Health))
            .RefusedBy("no-deadline-to-extend");
        GivenAssigned().When((t, a, now) => new RequestDeadlineExtension(Guid.NewGuid(), Insurance, new DateOnly(2026, 9, 30), "x").Decide(t, a, now), Liaison(Insurance))
            .RefusedBy("only-lead-unit-requests-extension");
    }

    [Fact]
    public void The_office_may_refuse_with_a_reason_or_grant_another_date_after_the_deadline()
    {
        var spec = GivenAssigned();
        var id = Guid.NewGuid();
        spec.When((t, a, now) => new RequestDeadlineExtension(id, Health, new DateOnly(2026, 12, 31), "x").Decide(t, a, now), Liaison(Health));
        spec.When((t, a, now) => new DecideDeadlineExtension(id, false, null, null).Decide(t, a, now), Office).RefusedBy("refusal-needs-reason");
        spec.When((t, a, now) => new DecideDeadlineExtension(id, true, new DateOnly(2026, 6, 1), null).Decide(t, a, now), Office)
            .RefusedBy("extension-not-after-deadline");
        var granted = spec.When((t, a, now) => new DecideDeadlineExtension(id, true, new DateOnly(2026, 8, 31), "给两个月").Decide(t, a, now), Office)
            .Single<DeadlineExtensionGranted>();
        Assert.Equal(new DateOnly(2026, 8, 31), granted.NewDeadline);
    }
}
