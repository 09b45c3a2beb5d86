namespace YiyangTasks.Domain.Timeliness;

/// <summary>What a task asks of its lead units by a day: acknowledging it (签收), reporting a period (报送), completing it (办结);
/// for a recurring task each recurrence (每年、每季度…), for a standing task (长期坚持) each year's review.</summary>
public enum ObligationKind { Acknowledgement, Report, Completion, Recurrence, Review }

/// <summary>One thing owed to a task by a due day: whether and when it was met, and whether it lapsed.</summary>
/// <param name="Unit">The lead unit that owes it; null for completion, which the task's lead units owe together.</param>
/// <param name="PeriodStart">The reporting period, for a report.</param>
/// <param name="DueOn">The China date it is due on; it lapses when that day ends (<see cref="DueAt"/>).</param>
/// <param name="MetAt">When it was met (acknowledged, first reported, completion reported), or null.</param>
/// <param name="Lapsed">It fell due unmet: the due instant has passed and it was not met before it, whether met late since or not at all.</param>
public sealed record Obligation(
    ObligationKind Kind, string? Unit, DateOnly? PeriodStart, DateOnly? PeriodEnd, DateOnly DueOn, DateTimeOffset? MetAt, bool Lapsed)
{
    public DateTimeOffset DueAt => ChinaTime.EndOf(DueOn);

    /// <summary>Owed by a cooperating unit (配合单位) for its own part: its lapses are its own, never the lead unit's.</summary>
    public bool Cooperating { get; init; }

    public bool IsMet => MetAt is not null;

    /// <summary>Met, but at or after the due instant.</summary>
    public bool IsLate => MetAt >= DueAt;

    /// <summary>Past due and still unmet now.</summary>
    public bool IsOverdue => Lapsed && !IsMet;

    /// <summary>
    /// Working days after the due day up to and including the day it was met (or today, while still unmet);
    /// null when not late. Met on the rest day right after the due day counts as late by 0 working days.
    /// </summary>
    public int? WorkingDaysLate { get; init; }
}
