namespace YiyangTasks.Domain.Tasks;

// A plan is sometimes re-issued in a revised version. Its tasks' streams are never deleted: a revision is
// recorded on each task it touches.

/// <summary>A revised version of the plan changed this task's text, units, mode or deadline.</summary>
public sealed record TaskRevised(
    string Text,
    IReadOnlyList<string> LeadUnits,
    IReadOnlyList<string> CooperatingUnits,
    ResponsibilityMode Mode,
    DateOnly? Deadline,
    string? DeadlineWords,
    IReadOnlyList<string> Changes,
    Actor RevisedBy,
    DateTimeOffset RevisedAt);

/// <summary>A revised version of the plan no longer lists this task: it is withdrawn, its history kept.</summary>
public sealed record TaskWithdrawn(string Reason, Actor WithdrawnBy, DateTimeOffset WithdrawnAt);
