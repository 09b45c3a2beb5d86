namespace YiyangTasks.Domain.Tasks;

// The lapses that time brings. Recorded by the system when an obligation falls due unmet; the late
// action is still accepted afterwards and recorded as late.

/// <summary>A lead unit had not acknowledged (签收) the task by the day it was due.</summary>
public sealed record AcknowledgementOverdue(string Unit, DateOnly DueOn, DateTimeOffset DetectedAt);

/// <summary>A lead unit's progress report for a reporting period was not in by the day it was due.</summary>
public sealed record ReportMissed(string Unit, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueOn, DateTimeOffset DetectedAt);

/// <summary>The task was not reported complete by its deadline (or granted extension).</summary>
public sealed record DeadlineMissed(DateOnly Deadline, DateTimeOffset DetectedAt);
