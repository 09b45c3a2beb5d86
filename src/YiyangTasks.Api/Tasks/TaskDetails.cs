using YiyangTasks.Domain.Tasks;
using TaskStatus = YiyangTasks.Domain.Tasks.TaskStatus;

namespace YiyangTasks.Api.Tasks;

/// <summary>
/// A task as its views show it: the task's state with its whole record — every progress report (superseded ones
/// flagged), finding, admonishment and escalation — read from its events. The stored task keeps only what decisions
/// need (<see cref="SupervisedTask"/>); this is the shape the task views always answered.
/// </summary>
public sealed record TaskDetails
{
    public string Id { get; init; } = "";
    public string PlanId { get; init; } = "";
    public int Number { get; init; }
    public string Text { get; init; } = "";
    public IReadOnlyList<string> LeadUnits { get; init; } = [];
    public IReadOnlyList<string> CooperatingUnits { get; init; } = [];
    public ResponsibilityMode Mode { get; init; }
    public DateOnly? Deadline { get; init; }
    public string? DeadlineWords { get; init; }

    /// <summary>The deadline as written: its kind and the dates it implies (null for tasks assigned before terms were read).</summary>
    public DeadlineTerms? DeadlineTerms { get; init; }
    public ReportingCycle ReportingCycle { get; init; }
    public DateTimeOffset AssignedAt { get; init; }
    public TaskStatus Status { get; init; }
    public IReadOnlyList<Acknowledgement> Acknowledgements { get; init; } = [];
    public IReadOnlyList<ProgressReport> Reports { get; init; } = [];
    public PendingCompletion? PendingCompletion { get; init; }
    public int CompletionRejections { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public IReadOnlyList<PendingExtension> PendingExtensions { get; init; } = [];
    public IReadOnlyList<SupervisionFinding> Findings { get; init; } = [];
    public IReadOnlyList<UnitSanction> Admonishments { get; init; } = [];
    public IReadOnlyList<UnitSanction> Escalations { get; init; } = [];
    public IReadOnlyList<Lapse> Lapses { get; init; } = [];
    public DateTimeOffset? WithdrawnAt { get; init; }
    public DateTimeOffset? CompletionReportedAt { get; init; }
    public bool IsFullyAcknowledged { get; init; }
    public IReadOnlyList<string> OutstandingAcknowledgements { get; init; } = [];
    public bool IsCompleted { get; init; }
    public bool IsWithdrawn { get; init; }

    /// <summary>The cooperating units' own part (配合事项): who acknowledged, who contributed, who has not yet.</summary>
    public Cooperation Cooperation { get; init; } = new();

    /// <summary>Each unit's reports that no correction has superseded.</summary>
    public IReadOnlyList<ProgressReport> CurrentReports => Reports.Where(r => !r.Superseded).ToArray();

    /// <summary>The task with its record, both folded from the same events.</summary>
    public static TaskDetails Of(SupervisedTask task, TaskRecord record) => new()
    {
        Id = task.Id,
        PlanId = task.PlanId,
        Number = task.Number,
        Text = task.Text,
        LeadUnits = task.LeadUnits,
        CooperatingUnits = task.CooperatingUnits,
        Mode = task.Mode,
        Deadline = task.Deadline,
        DeadlineWords = task.DeadlineWords,
        DeadlineTerms = task.DeadlineTerms,
        ReportingCycle = task.ReportingCycle,
        AssignedAt = task.AssignedAt,
        Status = task.Status,
        Acknowledgements = task.Acknowledgements,
        Reports = record.Reports,
        PendingCompletion = task.PendingCompletion,
        CompletionRejections = task.CompletionRejections,
        CompletedAt = task.CompletedAt,
        PendingExtensions = task.PendingExtensions,
        Findings = record.Findings,
        Admonishments = record.Admonishments,
        Escalations = record.Escalations,
        Lapses = task.Lapses,
        WithdrawnAt = task.WithdrawnAt,
        CompletionReportedAt = task.CompletionReportedAt,
        IsFullyAcknowledged = task.IsFullyAcknowledged,
        OutstandingAcknowledgements = task.OutstandingAcknowledgements,
        IsCompleted = task.IsCompleted,
        IsWithdrawn = task.IsWithdrawn,
        Cooperation = task.Cooperation,
    };
}
