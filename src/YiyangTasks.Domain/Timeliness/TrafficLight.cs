using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Domain.Timeliness;

/// <summary>The lights the offices already use (红黄绿灯).</summary>
public enum Light { Green, Yellow, Red }

/// <summary>A task's light at an instant, and why.</summary>
public sealed record TrafficLight(Light Light, IReadOnlyList<string> Reasons)
{
    /// <summary>
    /// Red while anything is overdue (an acknowledgement, a period's report the unit has not made up with a later
    /// one, completion past the deadline); yellow when something falls due within the rules' working days or the
    /// latest report says at risk or blocked; green otherwise, and for a completed or withdrawn task.
    /// </summary>
    public static TrafficLight Of(SupervisedTask task, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        if (task.IsCompleted) return new TrafficLight(Light.Green, ["Completed (已办结)."]);
        if (task.IsWithdrawn) return new TrafficLight(Light.Green, ["Withdrawn by a revision of the plan (已撤销)."]);
        var today = ChinaTime.DateOf(now);
        var obligations = Obligations.Of(task, rules, calendar, now);

        var red = obligations.Where(o => o.IsOverdue(now) && !MadeUp(task, o)).Select(o => Describe(o, "overdue since", calendar, today)).ToList();
        if (red.Count > 0) return new TrafficLight(Light.Red, red);

        var yellow = obligations.Where(o => !o.IsMet && o.DueAt > now && calendar.WorkingDaysBetween(today, o.DueOn) <= rules.YellowWithinWorkingDays)
            .Select(o => Describe(o, "due", calendar, today)).ToList();
        // The period under way: its report falls due early next period (ended periods are obligations already).
        var (start, end) = ReportingPeriods.Containing(task.ReportingCycle, today);
        var due = ReportingPeriods.DueOn(end, rules, calendar);
        if (calendar.WorkingDaysBetween(today, due) <= rules.YellowWithinWorkingDays)
            foreach (var unit in task.LeadUnits.Where(u => !task.Reports.Any(r => r.Unit == u && r.PeriodStart <= end && r.PeriodEnd >= start)))
                yellow.Add($"{unit}: report for {start:yyyy-MM-dd}–{end:yyyy-MM-dd} due {due:yyyy-MM-dd} (进展报告即将到期).");
        foreach (var report in task.CurrentReports.GroupBy(r => r.Unit).Select(g => g.MaxBy(r => r.ReportedAt)!))
            if (report.Status is ProgressStatus.AtRisk or ProgressStatus.Blocked)
                yellow.Add($"{report.Unit}'s latest report says {(report.Status == ProgressStatus.AtRisk ? "at risk (有风险)" : "blocked (受阻)")}.");
        return yellow.Count > 0 ? new TrafficLight(Light.Yellow, yellow) : new TrafficLight(Light.Green, ["On schedule (正常推进)."]);
    }

    /// <summary>A missed report stops counting against the light once the unit has reported since it fell due.</summary>
    private static bool MadeUp(SupervisedTask task, Obligation o) =>
        o.Kind == ObligationKind.Report && task.Reports.Any(r => r.Unit == o.Unit && r.ReportedAt >= o.DueAt);

    private static string Describe(Obligation o, string state, WorkingDayCalendar calendar, DateOnly today)
    {
        var what = o.Kind switch
        {
            ObligationKind.Acknowledgement => $"{o.Unit}: acknowledgement (签收)",
            ObligationKind.Report => $"{o.Unit}: report for {o.PeriodStart:yyyy-MM-dd}–{o.PeriodEnd:yyyy-MM-dd} (进展报告)",
            _ => "Completion by the deadline (办结)",
        };
        return state == "due"
            ? $"{what} due {o.DueOn:yyyy-MM-dd}."
            : $"{what} overdue since {o.DueOn:yyyy-MM-dd}, {Math.Max(0, calendar.WorkingDaysBetween(o.DueOn, today))} working days.";
    }
}
