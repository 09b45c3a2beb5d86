using JasperFx.Events;
using Marten.Events.Aggregation;
using YiyangTasks.Domain.Tasks;
using TaskStatus = YiyangTasks.Domain.Tasks.TaskStatus;

namespace YiyangTasks.Api.Reports.Projections;

/// <summary>
/// A task as the reports read it (任务摘要): its state without the history that no report figure needs, kept by the
/// projection daemon from the task's events alone. The reports judge it at read time with the domain's own rules, so
/// what depends on the clock (overdue now, due within N working days) is always judged against now.
/// </summary>
public sealed class TaskSummary
{
    public string Id { get; set; } = "";
    public string PlanId { get; set; } = "";
    public int Number { get; set; }

    /// <summary>The task's lead and cooperating units, for the report of one unit across plans.</summary>
    public IReadOnlyList<string> Units { get; set; } = [];

    public TaskStatus Status { get; set; }

    /// <summary>Time brought a lapse: only such a task can be on the overdue digest.</summary>
    public bool HasLapses { get; set; }

    /// <summary>The task's state with its reports compacted (<see cref="Compact"/>): what the timeliness rules read.</summary>
    public SupervisedTask Task { get; set; } = new();

    public static TaskSummary Of(SupervisedTask task) => new()
    {
        Id = task.Id,
        PlanId = task.PlanId,
        Number = task.Number,
        Units = [.. task.LeadUnits, .. task.CooperatingUnits.Except(task.LeadUnits)],
        Status = task.Status,
        HasLapses = task.Lapses.Count > 0,
        Task = Compact(task),
    };

    /// <summary>
    /// Keeps of the task's reports only what the rules read: for each unit and period range the first report (a period
    /// counts as reported from the first one, Obligations), and each unit's latest reports not superseded (the light's
    /// "at risk" reason and whether a missed period was made up, TrafficLight). A task reporting for years keeps a few
    /// reports per period, however many corrections it received.
    /// </summary>
    public static SupervisedTask Compact(SupervisedTask task)
    {
        if (task.Reports.Count <= 1) return task;
        var latest = task.Reports.GroupBy(r => r.Unit).ToDictionary(g => g.Key, g => g.Max(r => r.ReportedAt));
        var first = task.Reports.GroupBy(r => (r.Unit, r.PeriodStart, r.PeriodEnd))
            .Select(g => g.MinBy(r => r.ReportedAt)!.ReportId).ToHashSet();
        var kept = task.Reports.Where(r => first.Contains(r.ReportId) || (!r.Superseded && r.ReportedAt == latest[r.Unit])).ToArray();
        return kept.Length == task.Reports.Count ? task : task with { Reports = kept };
    }
}

/// <summary>Keeps each task's <see cref="TaskSummary"/>, run by the projection daemon (asynchronously, off the command path).</summary>
public sealed class TaskSummaryProjection : SingleStreamProjection<TaskSummary, string>
{
    public TaskSummaryProjection()
    {
        // Only the tasks' own events: plans' streams have no summary.
        IncludeType<TaskAssigned>();
        IncludeType<TaskAcknowledgedByLeadUnit>();
        IncludeType<ProgressReported>();
        IncludeType<CompletionReported>();
        IncludeType<CompletionAccepted>();
        IncludeType<CompletionRejected>();
        IncludeType<DeadlineExtensionRequested>();
        IncludeType<DeadlineExtensionGranted>();
        IncludeType<DeadlineExtensionRefused>();
        IncludeType<SupervisionFindingRecorded>();
        IncludeType<AdmonishmentIssued>();
        IncludeType<AccountabilityEscalated>();
        IncludeType<TaskRevised>();
        IncludeType<TaskWithdrawn>();
        IncludeType<AcknowledgementOverdue>();
        IncludeType<ReportMissed>();
        IncludeType<DeadlineMissed>();
        IncludeType<DeadlineCorrected>();
        IncludeType<CooperationAcknowledged>();
        IncludeType<CooperationReported>();
        IncludeType<CooperationAcknowledgementOverdue>();
        IncludeType<CooperationReportMissed>();
    }

    public override TaskSummary? Evolve(TaskSummary? snapshot, string id, IEvent e) =>
        SupervisedTask.Evolve(snapshot?.Task, e.Data) is { } task ? TaskSummary.Of(task) : snapshot;
}
