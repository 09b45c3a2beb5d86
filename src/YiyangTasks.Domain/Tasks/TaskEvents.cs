namespace YiyangTasks.Domain.Tasks;

/// <summary>How often units on a task report progress (default monthly).</summary>
public enum ReportingCycle { Monthly, Quarterly, HalfYearly, Yearly }

/// <summary>How a progress report says the work stands.</summary>
public enum ProgressStatus { OnTrack, AtRisk, Blocked }

/// <summary>The supervision group's rating of a task's work: 良好 good, 一般 fair, 较差 poor.</summary>
public enum SupervisionRating { Good, Fair, Poor }

/// <summary>A numbered task of a plan was assigned to its lead (牵头) and cooperating (配合) units. <paramref name="DeadlineTerms"/>
/// is the deadline as written (its kind and implied dates); events stored before it existed have none.</summary>
/// <param name="CooperationDuties">What the plan names each cooperating unit to do (配合事项); empty (or null, before
/// they were kept) when it names none.</param>
public sealed record TaskAssigned(
    string PlanId,
    int Number,
    string Text,
    IReadOnlyList<string> LeadUnits,
    IReadOnlyList<string> CooperatingUnits,
    ResponsibilityMode Mode,
    DateOnly? Deadline,
    string? DeadlineWords,
    ReportingCycle ReportingCycle,
    Actor AssignedBy,
    DateTimeOffset AssignedAt,
    DeadlineTerms? DeadlineTerms = null,
    IReadOnlyList<CooperationDuty>? CooperationDuties = null);

/// <summary>A lead unit acknowledged (签收) the task: one event per lead unit.</summary>
public sealed record TaskAcknowledgedByLeadUnit(string Unit, Actor AcknowledgedBy, DateTimeOffset AcknowledgedAt);

/// <summary>A unit on the task reported progress for a period; a correction supersedes an earlier report, never edits it.</summary>
public sealed record ProgressReported(
    Guid ReportId,
    string Unit,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    ProgressStatus Status,
    int PercentDone,
    string Narrative,
    IReadOnlyList<string> Attachments,
    Guid? Supersedes,
    Actor ReportedBy,
    DateTimeOffset ReportedAt);

/// <summary>A lead unit reported the task complete (办结申请), for the office to review.</summary>
public sealed record CompletionReported(string Unit, string Summary, Actor ReportedBy, DateTimeOffset ReportedAt);

/// <summary>The joint-conference office accepted the reported completion: the task is done.</summary>
public sealed record CompletionAccepted(string? Comment, Actor AcceptedBy, DateTimeOffset AcceptedAt);

/// <summary>The office rejected the reported completion, with the reason; the task is open again.</summary>
public sealed record CompletionRejected(string Reason, Actor RejectedBy, DateTimeOffset RejectedAt);

/// <summary>A lead unit asked for a later deadline (延期申请), with a reason.</summary>
public sealed record DeadlineExtensionRequested(
    Guid RequestId, string Unit, DateOnly RequestedDeadline, string Reason, Actor RequestedBy, DateTimeOffset RequestedAt);

/// <summary>The office granted an extension: the task's deadline is now the new date.</summary>
public sealed record DeadlineExtensionGranted(
    Guid RequestId, DateOnly NewDeadline, string? Comment, Actor DecidedBy, DateTimeOffset DecidedAt);

/// <summary>The office refused an extension, with the reason; the deadline stands.</summary>
public sealed record DeadlineExtensionRefused(Guid RequestId, string Reason, Actor DecidedBy, DateTimeOffset DecidedAt);

/// <summary>The supervision group (督查组) recorded a finding on the task's work.</summary>
public sealed record SupervisionFindingRecorded(SupervisionRating Rating, string Notes, Actor RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The supervision group admonished units on the task (效能告诫).</summary>
public sealed record AdmonishmentIssued(IReadOnlyList<string> Units, string Reason, Actor IssuedBy, DateTimeOffset IssuedAt);

/// <summary>Admonishment did not work: the supervision group escalated to accountability (问责).</summary>
public sealed record AccountabilityEscalated(IReadOnlyList<string> Units, string Reason, Actor EscalatedBy, DateTimeOffset EscalatedAt);
