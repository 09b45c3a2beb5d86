namespace YiyangTasks.Domain.Timeliness;

/// <summary>What makes a light yellow or red.</summary>
public enum LightCause { Overdue, DueSoon, AtRisk, Blocked }

/// <summary>
/// One reason for a task's light, as facts (what, whose, by when, for which period); the host words it in the reader's
/// language (市民政局签收逾期（应于2026年4月9日签收）).
/// </summary>
/// <param name="Kind">The obligation overdue or due soon; null when a unit's report says at risk or blocked.</param>
public sealed record LightReason(LightCause Cause, ObligationKind? Kind, string? Unit, DateOnly? DueOn = null,
    DateOnly? PeriodStart = null, DateOnly? PeriodEnd = null)
{
    internal static LightReason Of(LightCause cause, Obligation o) => new(cause, o.Kind, o.Unit, o.DueOn, o.PeriodStart, o.PeriodEnd);
}
