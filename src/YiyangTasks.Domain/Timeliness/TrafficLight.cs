using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Domain.Timeliness;

/// <summary>The supervision traffic light (红黄绿灯).</summary>
public enum Light { Green, Yellow, Red }

/// <summary>A task's traffic light now, with the reasons for its colour (none when green), as facts the host words.</summary>
public sealed record TrafficLight(Light Light, IReadOnlyList<LightReason> Reasons)
{
    /// <summary>
    /// Red when something is overdue now: an acknowledgement past due, a deadline passed without completion reported,
    /// or a missed report that no later report of the same unit has followed. Yellow when something unmet falls due
    /// within <see cref="TimelinessRules.YellowWithinWorkingDays"/> working days of today, or a unit's latest current
    /// report says at risk or blocked. Green otherwise, and always once the task is completed.
    /// </summary>
    public static TrafficLight Of(SupervisedTask task, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        if (LapseCheck.IsClosed(task)) return new TrafficLight(Light.Green, []);
        var obligations = Obligations.WithRunningPeriod(task, rules, calendar, now);

        var red = obligations.Where(o => o.IsOverdue && !IsMadeUp(task, o)).Select(Overdue).ToArray();
        if (red.Length > 0) return new TrafficLight(Light.Red, red);

        var today = ChinaTime.DateOf(now);
        var yellow = obligations
            .Where(o => !o.IsMet && o.DueAt > now && calendar.WorkingDaysBetween(today, o.DueOn) <= rules.YellowWithinWorkingDays)
            .Select(DueSoon)
            .Concat(task.CurrentReports
                .GroupBy(r => r.Unit)
                .Select(g => g.MaxBy(r => r.ReportedAt)!)
                .Where(r => r.Status is ProgressStatus.AtRisk or ProgressStatus.Blocked)
                .Select(AtRisk))
            .ToArray();
        return yellow.Length > 0 ? new TrafficLight(Light.Yellow, yellow) : new TrafficLight(Light.Green, []);
    }

    // A missed period cannot be reported on time any more; once the unit reports again, it is back in the rhythm
    // and the miss stays only in the figures.
    internal static bool IsMadeUp(SupervisedTask task, Obligation o) =>
        o.Kind == ObligationKind.Report && task.Reports.Any(r => r.Unit == o.Unit && r.ReportedAt >= o.DueAt);

    private static LightReason Overdue(Obligation o) => LightReason.Of(LightCause.Overdue, o);

    private static LightReason DueSoon(Obligation o) => LightReason.Of(LightCause.DueSoon, o);

    private static LightReason AtRisk(PeriodReport r) =>
        new(r.Status == ProgressStatus.Blocked ? LightCause.Blocked : LightCause.AtRisk, null, r.Unit);
}
