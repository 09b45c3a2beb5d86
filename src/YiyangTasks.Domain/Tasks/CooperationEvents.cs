namespace YiyangTasks.Domain.Tasks;

// A cooperating unit's (配合单位) own part of a task: it acknowledges what it owes (配合事项) and reports on it, and its
// lapses are its own, never the lead unit's.

/// <summary>What a plan names a cooperating unit to do on a task (配合事项), e.g. 县医保局: 做好医保支付政策衔接.</summary>
public sealed record CooperationDuty(string Unit, string Duty);

/// <summary>A cooperating unit acknowledged (签收) its part of the task, saying what it owes (配合事项).</summary>
public sealed record CooperationAcknowledged(string Unit, string Duty, Actor AcknowledgedBy, DateTimeOffset AcknowledgedAt);

/// <summary>A cooperating unit reported what it contributed for a reporting period, to the lead unit and the office.</summary>
public sealed record CooperationReported(
    Guid ReportId, string Unit, DateOnly PeriodStart, DateOnly PeriodEnd, string Narrative, Actor ReportedBy, DateTimeOffset ReportedAt);

/// <summary>A cooperating unit had not acknowledged its part by the day it was due (its own lapse, not the lead's).</summary>
public sealed record CooperationAcknowledgementOverdue(string Unit, DateOnly DueOn, DateTimeOffset DetectedAt);

/// <summary>A cooperating unit's report on its part for a period was not in by the day it was due (its own lapse).</summary>
public sealed record CooperationReportMissed(string Unit, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueOn, DateTimeOffset DetectedAt);
