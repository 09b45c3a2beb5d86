namespace YiyangTasks.Domain.Tasks;

// A plan is sometimes re-issued in a revised version. Its tasks' streams are never deleted: a revision is
// recorded on each task it touches.

/// <summary>A revised version of the plan (or of its 分工表, or a merge of a unit into another) changed this task's text,
/// units, mode, deadline or reporting cycle (null: the cycle stays; the deadline terms, null in events stored before them, as written anew).</summary>
public sealed record TaskRevised(
    string Text,
    IReadOnlyList<string> LeadUnits,
    IReadOnlyList<string> CooperatingUnits,
    ResponsibilityMode Mode,
    DateOnly? Deadline,
    string? DeadlineWords,
    IReadOnlyList<string> Changes,
    Actor RevisedBy,
    DateTimeOffset RevisedAt,
    ReportingCycle? ReportingCycle = null,
    DeadlineTerms? DeadlineTerms = null);

/// <summary>A revised version of the plan no longer lists this task: it is withdrawn, its history kept.</summary>
public sealed record TaskWithdrawn(string Reason, Actor WithdrawnBy, DateTimeOffset WithdrawnAt);
