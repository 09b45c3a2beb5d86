using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Domain.Timeliness;

/// <summary>Decides which lapses time has brought to a task, and when to look again.</summary>
public static class LapseCheck
{
    /// <summary>
    /// The lapse events to record now: one for each obligation that fell due unmet and whose lapse is not yet
    /// recorded. Deterministic, and empty once they are folded in: a lapse is recorded exactly once.
    /// </summary>
    public static IReadOnlyList<object> Due(SupervisedTask task, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        if (task.IsCompleted || task.IsWithdrawn) return [];
        return Obligations.Of(task, rules, calendar, now)
            .Where(o => o.IsOverdue(now) && !o.Lapsed)
            .Select(o => o.Kind switch
            {
                ObligationKind.Acknowledgement => (object)new AcknowledgementOverdue(o.Unit!, o.DueOn, now),
                ObligationKind.Report => new ReportMissed(o.Unit!, o.PeriodStart!.Value, o.PeriodEnd!.Value, o.DueOn, now),
                _ => new DeadlineMissed(o.DueOn, now),
            })
            .ToArray();
    }

    /// <summary>When the task's next unmet obligation falls due (strictly after now): its acknowledgements, the current period's report, its deadline.</summary>
    public static DateTimeOffset? NextCheckAt(SupervisedTask task, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        if (task.IsCompleted || task.IsWithdrawn) return null;
        var candidates = Obligations.Of(task, rules, calendar, now)
            .Where(o => !o.IsMet && !o.Lapsed && o.DueAt > now)
            .Select(o => o.DueAt)
            .ToList();
        if (task.LeadUnits.Count > 0)
        {
            var (_, end) = ReportingPeriods.Containing(task.ReportingCycle, ChinaTime.DateOf(now));
            candidates.Add(ChinaTime.EndOf(ReportingPeriods.DueOn(end, rules, calendar)));
        }
        // Overdue obligations whose lapse is not recorded yet are due now.
        if (Due(task, rules, calendar, now).Count > 0) candidates.Add(now);
        return candidates.Count == 0 ? null : candidates.Min();
    }
}
