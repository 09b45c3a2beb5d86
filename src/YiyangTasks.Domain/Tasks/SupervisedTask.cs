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

/// <summary>
/// The report in force for one unit and period (报告期): a later report for the same period, or a correction, replaces it.
/// The period counts as reported from <paramref name="FirstReportedAt"/> whatever replaced it since.
/// </summary>
/// <param name="Superseded">A correction filed for another period named this report: the period stays reported, with no report in force.</param>
/// <param name="Replaced">The report this one replaced for the period, if any: a second correction of it is refused as already superseded.</param>
public sealed record PeriodReport(
    Guid ReportId, string Unit, DateOnly PeriodStart, DateOnly PeriodEnd, ProgressStatus Status, int PercentDone,
    DateTimeOffset ReportedAt, DateTimeOffset FirstReportedAt, bool Superseded, Guid? Replaced)
{
    public bool IsFor(string unit, DateOnly start, DateOnly end) => Unit == unit && PeriodStart == start && PeriodEnd == end;
}

/// <summary>A completion report waiting for the office's review.</summary>
public sealed record PendingCompletion(string Unit, string Summary, DateTimeOffset ReportedAt);

/// <summary>A task's deadline as its plan's document writes it: the date, the words, and the terms read from them.</summary>
public sealed record PlannedDeadline(DateOnly? Deadline, string? Words, DeadlineTerms? Terms);

/// <summary>An extension request waiting for the office's decision.</summary>
public sealed record PendingExtension(Guid RequestId, string Unit, DateOnly RequestedDeadline, DateTimeOffset RequestedAt);

/// <summary>A finding of the supervision group.</summary>
public sealed record SupervisionFinding(SupervisionRating Rating, string Notes, DateTimeOffset At);

/// <summary>How many findings rated the task's work good (良好), fair (一般), poor (较差).</summary>
public sealed record RatingCounts(int Good = 0, int Fair = 0, int Poor = 0)
{
    public int Of(SupervisionRating rating) => rating switch
    {
        SupervisionRating.Good => Good,
        SupervisionRating.Fair => Fair,
        _ => Poor,
    };

    public RatingCounts Add(SupervisionRating rating) => rating switch
    {
        SupervisionRating.Good => this with { Good = Good + 1 },
        SupervisionRating.Fair => this with { Fair = Fair + 1 },
        _ => this with { Poor = Poor + 1 },
    };
}

/// <summary>How many admonishments (or escalations) on the task named a unit.</summary>
public sealed record UnitCount(string Unit, int Count);

/// <summary>A lapse time brought: an acknowledgement overdue, a report missed, a deadline missed.</summary>
public sealed record Lapse(LapseKind Kind, string? Unit, DateOnly DueOn, DateOnly? PeriodStart, DateOnly? PeriodEnd, DateTimeOffset DetectedAt)
{
    /// <summary>
    /// The obligation a lapse is recorded for, once: an acknowledgement per unit, a report per unit and period, a deadline
    /// per date (an extension granted after a missed deadline sets a new date that can lapse in its turn).
    /// </summary>
    public bool IsFor(LapseKind kind, string? unit, DateOnly dueOn, DateOnly? periodStart, DateOnly? periodEnd) => Kind == kind && kind switch
    {
        LapseKind.AcknowledgementOverdue => Unit == unit,
        LapseKind.ReportMissed => Unit == unit && PeriodStart == periodStart && PeriodEnd == periodEnd,
        _ => DueOn == dueOn,
    };
}

/// <summary>The kinds of lapse.</summary>
public enum LapseKind { AcknowledgementOverdue, ReportMissed, DeadlineMissed }

/// <summary>
/// A numbered task of a plan under supervision (督办任务): the aggregate of one event stream, keyed by
/// plan id and number. It only folds events; the commands' decisions read it. It keeps what decisions and the
/// timeliness rules need, not the history: the report in force per unit and period, counts, the latest finding, open
/// obligations, so that a task costs the same to load and store on its first day and in its third year. The history is
/// the event stream's (<see cref="TaskRecord"/>).
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

    /// <summary>The deadline as the plan writes it, or as the office corrected it (null for tasks assigned before terms were read).</summary>
    public DeadlineTerms? DeadlineTerms { get; init; }

    /// <summary>
    /// The deadline as the plan's document last wrote it, before any extension the office granted or correction it made
    /// (null in snapshots stored before it was kept: then the deadline in force stands for it). A revised document is
    /// compared with this, so a re-import that leaves the deadline as written keeps what the office decided since.
    /// </summary>
    public PlannedDeadline? DeadlineAsPlanned { get; init; }

    /// <summary>The deadline as the plan writes it (<see cref="DeadlineAsPlanned"/>, or the one in force when not kept).</summary>
    public PlannedDeadline Planned => DeadlineAsPlanned ?? new PlannedDeadline(Deadline, DeadlineWords, DeadlineTerms);

    public ReportingCycle ReportingCycle { get; init; }
    public DateTimeOffset AssignedAt { get; init; }
    public TaskStatus Status { get; init; }
    public IReadOnlyList<Acknowledgement> Acknowledgements { get; init; } = [];

    /// <summary>The report in force for each unit and period reported (see <see cref="PeriodReport"/>).</summary>
    public IReadOnlyList<PeriodReport> Reports { get; init; } = [];

    /// <summary>How many progress reports the task received, corrections included.</summary>
    public int ReportCount { get; init; }

    public PendingCompletion? PendingCompletion { get; init; }
    public int CompletionRejections { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public IReadOnlyList<PendingExtension> PendingExtensions { get; init; } = [];
    public RatingCounts Ratings { get; init; } = new();
    public SupervisionFinding? LatestFinding { get; init; }

    /// <summary>Each unit an admonishment (效能告诫) named, and how many did.</summary>
    public IReadOnlyList<UnitCount> Admonished { get; init; } = [];

    /// <summary>Each unit an escalation to accountability (问责) named, and how many did.</summary>
    public IReadOnlyList<UnitCount> Escalated { get; init; } = [];

    /// <summary>The lapses recorded, one per obligation (<see cref="Lapse.IsFor"/>).</summary>
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

    /// <summary>The reports in force: each unit's latest per period that no correction has superseded.</summary>
    public IReadOnlyList<PeriodReport> CurrentReports => Reports.Where(r => !r.Superseded).ToArray();

    public int AdmonishmentsOf(string unit) => Admonished.FirstOrDefault(a => a.Unit == unit)?.Count ?? 0;

    public bool HasLapse(LapseKind kind, string? unit, DateOnly dueOn, DateOnly? periodStart, DateOnly? periodEnd) =>
        Lapses.Any(l => l.IsFor(kind, unit, dueOn, periodStart, periodEnd));

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
        DeadlineTerms = e.DeadlineTerms,
        DeadlineAsPlanned = new PlannedDeadline(e.Deadline, e.DeadlineWords, e.DeadlineTerms),
        ReportingCycle = e.ReportingCycle,
        AssignedAt = e.AssignedAt,
        Cooperation = Cooperation.Assigned(e),
    }.WithStatus();

    public SupervisedTask When(TaskAcknowledgedByLeadUnit e) =>
        (this with { Acknowledgements = [.. Acknowledgements, new Acknowledgement(e.Unit, e.AcknowledgedBy, e.AcknowledgedAt)] }).WithStatus();

    public SupervisedTask When(ProgressReported e)
    {
        // A correction filed for another period leaves the period it corrects reported, with no report in force there.
        var reports = Reports
            .Select(r => r.ReportId == e.Supersedes && !r.IsFor(e.Unit, e.PeriodStart, e.PeriodEnd) ? r with { Superseded = true } : r)
            .ToList();
        var index = reports.FindIndex(r => r.IsFor(e.Unit, e.PeriodStart, e.PeriodEnd));
        var replaced = index < 0 ? null : reports[index];
        var current = new PeriodReport(e.ReportId, e.Unit, e.PeriodStart, e.PeriodEnd, e.Status, e.PercentDone, e.ReportedAt,
            replaced is null || e.ReportedAt < replaced.FirstReportedAt ? e.ReportedAt : replaced.FirstReportedAt, false, replaced?.ReportId);
        if (replaced is null) reports.Add(current);
        else reports[index] = current;
        return (this with { Reports = reports, ReportCount = ReportCount + 1 }).WithStatus();
    }

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
        this with { Ratings = Ratings.Add(e.Rating), LatestFinding = new SupervisionFinding(e.Rating, e.Notes, e.RecordedAt) };

    public SupervisedTask When(AdmonishmentIssued e) => this with { Admonished = Counted(Admonished, e.Units) };

    public SupervisedTask When(AccountabilityEscalated e) => this with { Escalated = Counted(Escalated, e.Units) };

    private static IReadOnlyList<UnitCount> Counted(IReadOnlyList<UnitCount> counts, IEnumerable<string> units)
    {
        var list = counts.ToList();
        foreach (var unit in units.Distinct())
        {
            var index = list.FindIndex(c => c.Unit == unit);
            if (index < 0) list.Add(new UnitCount(unit, 1));
            else list[index] = list[index] with { Count = list[index].Count + 1 };
        }
        return list;
    }

    public SupervisedTask When(TaskRevised e)
    {
        // A revision stored before terms were read, changing the deadline, leaves terms that no longer hold.
        var planned = new PlannedDeadline(e.Deadline, e.DeadlineWords, e.DeadlineTerms ?? (e.Deadline == Planned.Deadline ? Planned.Terms : null));
        // Only a revision of the deadline as written replaces the one in force: an extension granted or a correction
        // the office made since assignment outlives a re-issued document that leaves the deadline as it was.
        // (A document that writes the date in force, in whatever words, is followed in its words.)
        var deadlineRevised = e.Changes.Contains("deadline") || e.Deadline == Deadline;
        return (this with
        {
            Text = e.Text,
            LeadUnits = e.LeadUnits,
            CooperatingUnits = e.CooperatingUnits,
            Mode = e.Mode,
            Deadline = deadlineRevised ? planned.Deadline : Deadline,
            DeadlineWords = deadlineRevised ? planned.Words : DeadlineWords,
            DeadlineTerms = deadlineRevised ? planned.Terms : DeadlineTerms,
            DeadlineAsPlanned = planned,
            ReportingCycle = e.ReportingCycle ?? ReportingCycle,
            Cooperation = Cooperation.When(e),
        }).WithStatus();
    }

    public SupervisedTask When(DeadlineCorrected e) => this with
    {
        DeadlineTerms = e.NewTerms,
        Deadline = e.NewTerms.FinalDue,
        DeadlineWords = e.NewTerms.Words.Length == 0 ? null : e.NewTerms.Words,
    };

    public SupervisedTask When(TaskWithdrawn e) => this with { WithdrawnAt = e.WithdrawnAt };

    public SupervisedTask When(AcknowledgementOverdue e) => WithLapse(new Lapse(LapseKind.AcknowledgementOverdue, e.Unit, e.DueOn, null, null, e.DetectedAt));

    public SupervisedTask When(ReportMissed e) => WithLapse(new Lapse(LapseKind.ReportMissed, e.Unit, e.DueOn, e.PeriodStart, e.PeriodEnd, e.DetectedAt));

    public SupervisedTask When(DeadlineMissed e) => WithLapse(new Lapse(LapseKind.DeadlineMissed, null, e.Deadline, null, null, e.DetectedAt));

    // A set keyed by obligation (LapseCheck records each once; the fold keeps it so whatever the history holds).
    private SupervisedTask WithLapse(Lapse lapse) =>
        HasLapse(lapse.Kind, lapse.Unit, lapse.DueOn, lapse.PeriodStart, lapse.PeriodEnd) ? this : this with { Lapses = [.. Lapses, lapse] };

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
        (_, DeadlineCorrected e) => task.When(e),
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
        DeadlineCorrected e => e.CorrectedAt,
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
