using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Domain.Timeliness;

/// <summary>
/// What a task asks of its cooperating units (配合单位) for their own part: acknowledging it (签收配合事项) and reporting
/// on it each period (报送配合情况). Never completion, which the lead units owe.
/// </summary>
/// <remarks>
/// The same clock as the lead units', counted from when the unit was put on the task: acknowledgement due
/// <see cref="TimelinessRules.AcknowledgementWorkingDays"/> working days after, and a report for each period of the task's
/// own reporting cycle, due the same working day of the next month as the lead's report (the lead reports on the whole
/// task; a cooperating unit's part is reported alongside, not a separate cycle of its own).
/// </remarks>
public static class CooperationObligations
{
    /// <summary>Each cooperating unit's acknowledgement, then its report of every period ended by <paramref name="now"/> while the task was open.</summary>
    public static IReadOnlyList<Obligation> Of(SupervisedTask task, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now) =>
        Enumerate(task, rules, calendar, now, includeRunningPeriod: false);

    /// <summary>As <see cref="Of"/>, plus the reports of the period still running.</summary>
    internal static IReadOnlyList<Obligation> WithRunningPeriod(SupervisedTask task, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now) =>
        Enumerate(task, rules, calendar, now, includeRunningPeriod: true);

    private static List<Obligation> Enumerate(
        SupervisedTask task, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now, bool includeRunningPeriod)
    {
        var obligations = new List<Obligation>();
        var closed = task.CompletedAt ?? task.WithdrawnAt;
        foreach (var unit in task.CooperatingUnits)
        {
            var part = task.Cooperation.PartOf(unit, task.AssignedAt);
            var since = ChinaTime.DateOf(part.Since);

            var acknowledgementDue = calendar.AddWorkingDays(since, rules.AcknowledgementWorkingDays);
            var acknowledgedAt = part.Acknowledgement?.At;
            // Closed before it fell due and never acknowledged: the unit can no longer acknowledge, so it owes nothing.
            if (!(acknowledgedAt is null && closed is { } c && ChinaTime.EndOf(acknowledgementDue) > c))
                obligations.Add(Judge(ObligationKind.Acknowledgement, unit, null, null, acknowledgementDue, acknowledgedAt));

            foreach (var period in ReportingPeriod.From(since, task.ReportingCycle))
            {
                var ended = period.EndsAt <= now;
                if (!ended && !includeRunningPeriod) break;
                if (closed is { } done && period.EndsAt > done) break;
                var due = period.DueOn(calendar, rules.ReportDueWorkingDay);
                var reportedAt = part.FirstReportedFor(period.Start, period.End);
                if (reportedAt is null && closed is { } shut && ChinaTime.EndOf(due) > shut) continue;
                obligations.Add(Judge(ObligationKind.Report, unit, period.Start, period.End, due, reportedAt));
                if (!ended) break;
            }
        }
        return obligations;

        Obligation Judge(ObligationKind kind, string unit, DateOnly? start, DateOnly? end, DateOnly dueOn, DateTimeOffset? metAt) =>
            Obligations.Judge(kind, unit, start, end, dueOn, metAt, calendar, now, cooperating: true);
    }

    /// <summary>The lapse event of a cooperating unit's obligation that fell due unmet.</summary>
    internal static object Lapse(Obligation o, DateTimeOffset now) => o.Kind == ObligationKind.Acknowledgement
        ? new CooperationAcknowledgementOverdue(o.Unit!, o.DueOn, now)
        : new CooperationReportMissed(o.Unit!, o.PeriodStart!.Value, o.PeriodEnd!.Value, o.DueOn, now);

    /// <summary>Its lapse is recorded already: once per unit for the acknowledgement, once per unit and period for reports.</summary>
    internal static bool IsRecorded(SupervisedTask task, Obligation o)
    {
        var part = task.Cooperation.PartOf(o.Unit!, task.AssignedAt);
        return o.Kind == ObligationKind.Acknowledgement
            ? part.AcknowledgementOverdueOn is not null
            : part.ReportsMissedThrough is { } through && o.PeriodEnd <= through;
    }
}
