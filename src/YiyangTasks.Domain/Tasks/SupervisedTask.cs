namespace YiyangTasks.Domain.Tasks;

/// <summary>Where a task stands in its life.</summary>
public enum TaskStatus
{
    /// <summary>Assigned; not every lead unit has acknowledged it yet, and nothing is reported.</summary>
    Assigned,

    /// <summary>Every lead unit has acknowledged (签收); nothing reported yet.</summary>
    Acknowledged,

    /// <summary>Work is being reported, or a completion was rejected and the task reopened.</summary>
    InProgress,

    /// <summary>A lead unit reported completion (办结申请); the office has not decided.</summary>
    CompletionReported,

    /// <summary>The office accepted the completion: the task is done.</summary>
    Completed,
}

/// <summary>A lead unit's acknowledgement: when and by whom.</summary>
public sealed record Acknowledgement(string Unit, Actor By, DateTimeOffset At);

/// <summary>A progress report as the task keeps it; superseded once a correction names it.</summary>
public sealed record ProgressReport(
    Guid ReportId, string Unit, DateOnly PeriodStart, DateOnly PeriodEnd, ProgressStatus Status, int PercentDone,
    DateTimeOffset ReportedAt, bool Superseded);

/// <summary>A completion report waiting for the office's review.</summary>
public sealed record PendingCompletion(string Unit, string Summary, DateTimeOffset ReportedAt);

/// <summary>An extension request waiting for the office's decision.</summary>
public sealed record PendingExtension(Guid RequestId, string Unit, DateOnly RequestedDeadline, DateTimeOffset RequestedAt);

/// <summary>A finding of the supervision group.</summary>
public sealed record SupervisionFinding(SupervisionRating Rating, string Notes, DateTimeOffset At);

/// <summary>A lapse time brought: an acknowledgement overdue, a report missed, a deadline missed.</summary>
public sealed record Lapse(LapseKind Kind, string? Unit, DateOnly DueOn, DateOnly? PeriodStart, DateOnly? PeriodEnd, DateTimeOffset DetectedAt);

/// <summary>The kinds of lapse.</summary>
public enum LapseKind { AcknowledgementOverdue, ReportMissed, DeadlineMissed }

/// <summary>An admonishment or escalation: which units, why, when.</summary>
public sealed record UnitSanction(IReadOnlyList<string> Units, string Reason, DateTimeOffset At);

/// <summary>
/// A numbered task of a plan under supervision (督办任务): the aggregate of one event stream, keyed by
/// plan id and number. It only folds events; the commands' decisions read it.
/// </summary>
public sealed record SupervisedTask
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

    /// <summary>When a revised plan withdrew the task; a withdrawn task takes no more commands and owes nothing.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }

    /// <summary>The cooperating units' parts (配合单位): acknowledged or not, contributions, their own lapses.</summary>
    public Cooperation Cooperation { get; init; } = new();

    /// <summary>When the task's completion was reported for the review that led to acceptance (on time or not is judged by this).</summary>
    public DateTimeOffset? CompletionReportedAt { get; init; }

    /// <summary>The stream key of a plan's numbered task.</summary>
    public static string StreamKey(string planId, int number) => $"{planId}/{number}";

    public bool IsLeadUnit(string unit) => LeadUnits.Contains(unit);

    public bool IsOnTask(string unit) => IsLeadUnit(unit) || CooperatingUnits.Contains(unit);

    public bool HasAcknowledged(string unit) => Acknowledgements.Any(a => a.Unit == unit);

    public bool IsFullyAcknowledged => LeadUnits.All(HasAcknowledged);

    public IReadOnlyList<string> OutstandingAcknowledgements => LeadUnits.Where(u => !HasAcknowledged(u)).ToArray();

    public bool IsCompleted => CompletedAt is not null;

    public bool IsWithdrawn => WithdrawnAt is not null;

    /// <summary>Each unit's latest report that no correction has superseded.</summary>
    public IReadOnlyList<ProgressReport> CurrentReports => Reports.Where(r => !r.Superseded).ToArray();

    public static SupervisedTask FromAssignment(TaskAssigned e) => new SupervisedTask
    {
        Id = StreamKey(e.PlanId, e.Number),
        PlanId = e.PlanId,
        Number = e.Number,
        Text = e.Text,
        LeadUnits = e.LeadUnits,
        CooperatingUnits = e.CooperatingUnits,
        Mode = e.Mode,
        Deadline = e.Deadline,
        DeadlineWords = e.DeadlineWords,
        ReportingCycle = e.ReportingCycle,
        AssignedAt = e.AssignedAt,
        Cooperation = Cooperation.Assigned(e),
    }.WithStatus();

    public SupervisedTask When(TaskAcknowledgedByLeadUnit e) =>
        (this with { Acknowledgements = [.. Acknowledgements, new Acknowledgement(e.Unit, e.AcknowledgedBy, e.AcknowledgedAt)] }).WithStatus();

    public SupervisedTask When(ProgressReported e) => (this with
    {
        Reports =
        [
            .. Reports.Select(r => r.ReportId == e.Supersedes ? r with { Superseded = true } : r),
            new ProgressReport(e.ReportId, e.Unit, e.PeriodStart, e.PeriodEnd, e.Status, e.PercentDone, e.ReportedAt, false),
        ],
    }).WithStatus();

    public SupervisedTask When(CompletionReported e) =>
        (this with { PendingCompletion = new PendingCompletion(e.Unit, e.Summary, e.ReportedAt) }).WithStatus();

    public SupervisedTask When(CompletionAccepted e) =>
        (this with { PendingCompletion = null, CompletedAt = e.AcceptedAt, CompletionReportedAt = PendingCompletion?.ReportedAt }).WithStatus();

    public SupervisedTask When(CompletionRejected e) =>
        (this with { PendingCompletion = null, CompletionRejections = CompletionRejections + 1 }).WithStatus();

    public SupervisedTask When(DeadlineExtensionRequested e) => this with
    {
        PendingExtensions = [.. PendingExtensions, new PendingExtension(e.RequestId, e.Unit, e.RequestedDeadline, e.RequestedAt)],
    };

    public SupervisedTask When(DeadlineExtensionGranted e) => this with
    {
        Deadline = e.NewDeadline,
        PendingExtensions = PendingExtensions.Where(p => p.RequestId != e.RequestId).ToArray(),
    };

    public SupervisedTask When(DeadlineExtensionRefused e) => this with
    {
        PendingExtensions = PendingExtensions.Where(p => p.RequestId != e.RequestId).ToArray(),
    };

    public SupervisedTask When(SupervisionFindingRecorded e) =>
        this with { Findings = [.. Findings, new SupervisionFinding(e.Rating, e.Notes, e.RecordedAt)] };

    public SupervisedTask When(AdmonishmentIssued e) =>
        this with { Admonishments = [.. Admonishments, new UnitSanction(e.Units, e.Reason, e.IssuedAt)] };

    public SupervisedTask When(AccountabilityEscalated e) =>
        this with { Escalations = [.. Escalations, new UnitSanction(e.Units, e.Reason, e.EscalatedAt)] };

    public SupervisedTask When(TaskRevised e) => (this with
    {
        Text = e.Text,
        LeadUnits = e.LeadUnits,
        CooperatingUnits = e.CooperatingUnits,
        Mode = e.Mode,
        Deadline = e.Deadline,
        DeadlineWords = e.DeadlineWords,
        ReportingCycle = e.ReportingCycle ?? ReportingCycle,
        Cooperation = Cooperation.When(e),
    }).WithStatus();

    public SupervisedTask When(TaskWithdrawn e) => this with { WithdrawnAt = e.WithdrawnAt };

    public SupervisedTask When(AcknowledgementOverdue e) =>
        this with { Lapses = [.. Lapses, new Lapse(LapseKind.AcknowledgementOverdue, e.Unit, e.DueOn, null, null, e.DetectedAt)] };

    public SupervisedTask When(ReportMissed e) =>
        this with { Lapses = [.. Lapses, new Lapse(LapseKind.ReportMissed, e.Unit, e.DueOn, e.PeriodStart, e.PeriodEnd, e.DetectedAt)] };

    public SupervisedTask When(DeadlineMissed e) =>
        this with { Lapses = [.. Lapses, new Lapse(LapseKind.DeadlineMissed, null, e.Deadline, null, null, e.DetectedAt)] };

    /// <summary>
    /// Folds one event into the task: the one place every event type is listed. The event store's
    /// projection and the as-of-a-past-instant rebuild both come here.
    /// </summary>
    public static SupervisedTask? Evolve(SupervisedTask? task, object @event) => (task, @event) switch
    {
        (null, TaskAssigned e) => FromAssignment(e),
        (null, _) => null,
        (_, TaskAcknowledgedByLeadUnit e) => task.When(e),
        (_, ProgressReported e) => task.When(e),
        (_, CompletionReported e) => task.When(e),
        (_, CompletionAccepted e) => task.When(e),
        (_, CompletionRejected e) => task.When(e),
        (_, DeadlineExtensionRequested e) => task.When(e),
        (_, DeadlineExtensionGranted e) => task.When(e),
        (_, DeadlineExtensionRefused e) => task.When(e),
        (_, SupervisionFindingRecorded e) => task.When(e),
        (_, AdmonishmentIssued e) => task.When(e),
        (_, AccountabilityEscalated e) => task.When(e),
        (_, TaskRevised e) => task.When(e),
        (_, TaskWithdrawn e) => task.When(e),
        (_, AcknowledgementOverdue e) => task.When(e),
        (_, ReportMissed e) => task.When(e),
        (_, DeadlineMissed e) => task.When(e),
        (_, CooperationAcknowledged e) => task with { Cooperation = task.Cooperation.When(e, task.AssignedAt) },
        (_, CooperationReported e) => task with { Cooperation = task.Cooperation.When(e, task.AssignedAt) },
        (_, CooperationAcknowledgementOverdue e) => task with { Cooperation = task.Cooperation.When(e, task.AssignedAt) },
        (_, CooperationReportMissed e) => task with { Cooperation = task.Cooperation.When(e, task.AssignedAt) },
        _ => task,
    };

    /// <summary>When an event of a task happened, by the clock of whoever recorded it (the store's own timestamp is its commit time).</summary>
    public static DateTimeOffset? OccurredAt(object @event) => @event switch
    {
        TaskAssigned e => e.AssignedAt,
        TaskAcknowledgedByLeadUnit e => e.AcknowledgedAt,
        ProgressReported e => e.ReportedAt,
        CompletionReported e => e.ReportedAt,
        CompletionAccepted e => e.AcceptedAt,
        CompletionRejected e => e.RejectedAt,
        DeadlineExtensionRequested e => e.RequestedAt,
        DeadlineExtensionGranted e => e.DecidedAt,
        DeadlineExtensionRefused e => e.DecidedAt,
        SupervisionFindingRecorded e => e.RecordedAt,
        AdmonishmentIssued e => e.IssuedAt,
        AccountabilityEscalated e => e.EscalatedAt,
        TaskRevised e => e.RevisedAt,
        TaskWithdrawn e => e.WithdrawnAt,
        AcknowledgementOverdue e => e.DetectedAt,
        ReportMissed e => e.DetectedAt,
        DeadlineMissed e => e.DetectedAt,
        CooperationAcknowledged e => e.AcknowledgedAt,
        CooperationReported e => e.ReportedAt,
        CooperationAcknowledgementOverdue e => e.DetectedAt,
        CooperationReportMissed e => e.DetectedAt,
        _ => null,
    };

    private SupervisedTask WithStatus() => this with
    {
        Status = IsCompleted ? TaskStatus.Completed
            : PendingCompletion is not null ? TaskStatus.CompletionReported
            : Reports.Count > 0 || CompletionRejections > 0 ? TaskStatus.InProgress
            : IsFullyAcknowledged ? TaskStatus.Acknowledged
            : TaskStatus.Assigned,
    };
}
