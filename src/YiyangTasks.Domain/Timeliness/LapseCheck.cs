using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Domain.Timeliness;

/// <summary>What time has brought a task: the lapses (逾期) to record now, and when to look again.</summary>
/// <remarks>
/// A check only sees instants strictly after now, so the host also runs <see cref="Due"/> after commands that can
/// unmeet an obligation already past due (a completion rejected after the deadline).
/// </remarks>
public static class LapseCheck
{
    /// <summary>
    /// The lapse events to record now, ordered by due day: one for every obligation (the lead units' and the cooperating
    /// units' own) that fell due unmet and is not yet recorded. Nothing for a completed task: it takes no more commands, and its
    /// figures come from <see cref="Obligations.Of"/>.
    /// </summary>
    public static IReadOnlyList<object> Due(SupervisedTask task, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        if (IsClosed(task)) return [];
        return Obligations.Of(task, rules, calendar, now)
            .Concat(CooperationObligations.Of(task, rules, calendar, now))
            .Where(o => o.Lapsed && !IsRecorded(task, o))
            .OrderBy(o => o.DueOn)
            .Select(o => ToEvent(o, now))
            .ToArray();
    }

    /// <summary>When the next unmet obligation falls due, strictly after now; null for a completed task or nothing pending.</summary>
    public static DateTimeOffset? NextCheckAt(SupervisedTask task, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now) =>
        IsClosed(task)
            ? null
            : Obligations.WithRunningPeriod(task, rules, calendar, now)
                .Concat(CooperationObligations.WithRunningPeriod(task, rules, calendar, now))
                .Where(o => !o.IsMet && o.DueAt > now)
                .Min(o => (DateTimeOffset?)o.DueAt);

    /// <summary>A task that owes nothing more.</summary>
    internal static bool IsClosed(SupervisedTask task) => task.IsCompleted || task.IsWithdrawn;

    private static object ToEvent(Obligation o, DateTimeOffset now) => o.Cooperating ? CooperationObligations.Lapse(o, now) : o.Kind switch
    {
        ObligationKind.Acknowledgement => new AcknowledgementOverdue(o.Unit!, o.DueOn, now),
        ObligationKind.Report => new ReportMissed(o.Unit!, o.PeriodStart!.Value, o.PeriodEnd!.Value, o.DueOn, now),
        _ => new DeadlineMissed(o.DueOn, now),
    };

    // An acknowledgement lapses once per unit, a report once per unit and period, a deadline once per date (Lapse.IsFor);
    // a cooperating unit's lapses are its own.
    private static bool IsRecorded(SupervisedTask task, Obligation o) => o.Cooperating
        ? CooperationObligations.IsRecorded(task, o)
        : task.HasLapse(o.Kind switch
    {
        ObligationKind.Acknowledgement => LapseKind.AcknowledgementOverdue,
        ObligationKind.Report => LapseKind.ReportMissed,
        _ => LapseKind.DeadlineMissed,
    }, o.Unit, o.DueOn, o.PeriodStart, o.PeriodEnd);
}
