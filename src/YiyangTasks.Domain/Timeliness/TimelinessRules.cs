namespace YiyangTasks.Domain.Timeliness;

/// <summary>
/// A plan's time limits: acknowledge (签收) within N working days of assignment, report each period by the
/// Nth working day of the month after it, and show yellow N working days before something falls due.
/// </summary>
public sealed record TimelinessRules(int AcknowledgementWorkingDays = 3, int ReportDueWorkingDay = 5, int YellowWithinWorkingDays = 3)
{
    public static TimelinessRules Default { get; } = new();
}
