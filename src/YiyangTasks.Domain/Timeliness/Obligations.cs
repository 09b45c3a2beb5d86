using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Domain.Timeliness;

/// <summary>What a task's units owe: their acknowledgement, each period's report, completion by the deadline.</summary>
public enum ObligationKind { Acknowledgement, Report, Completion }

/// <summary>One obligation of a task: who owes it, the day it is due, when it was met, and whether its lapse was recorded.</summary>
public sealed record Obligation(ObligationKind Kind, string? Unit, DateOnly? PeriodStart, DateOnly? PeriodEnd, DateOnly DueOn,
    DateTimeOffset? MetAt, bool Lapsed, int? WorkingDaysLate)
{
    public DateTimeOffset DueAt => ChinaTime.EndOf(DueOn);

    public bool IsMet => MetAt is not null;

    public bool IsLate => MetAt is { } met && met >= DueAt;

    public bool IsOverdue(DateTimeOffset now) => MetAt is null && DueAt <= now;
}

/// <summary>Works out a task's obligations from its state, its plan's rules and the working-day calendar.</summary>
public static class Obligations
{
    /// <summary>
    /// Every obligation the task has had by <paramref name="now"/>, met or not: each lead unit's acknowledgement;
    /// each lead unit's report for every reporting period that ended while the task was open; completion by the
    /// (extended) deadline. A completed or withdrawn task owes nothing for periods after it closed.
    /// </summary>
    public static IReadOnlyList<Obligation> Of(SupervisedTask task, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        var obligations = new List<Obligation>();
        var assignedOn = ChinaTime.DateOf(task.AssignedAt);
        var closedAt = task.CompletedAt ?? task.WithdrawnAt;
        var cutoff = closedAt is { } closed && closed < now ? closed : now;

        var ackDue = calendar.AddWorkingDays(assignedOn, rules.AcknowledgementWorkingDays);
        foreach (var unit in task.LeadUnits)
        {
            var met = task.Acknowledgements.FirstOrDefault(a => a.Unit == unit)?.At;
            if (met is null && task.WithdrawnAt is not null) continue;
            obligations.Add(Make(ObligationKind.Acknowledgement, unit, null, null, ackDue, met,
                task.Lapses.Any(l => l.Kind == LapseKind.AcknowledgementOverdue && l.Unit == unit), calendar));
        }

        foreach (var (start, end) in ReportingPeriods.Ended(task.ReportingCycle, assignedOn, ChinaTime.DateOf(cutoff)))
        {
            var due = ReportingPeriods.DueOn(end, rules, calendar);
            foreach (var unit in task.LeadUnits)
            {
                var met = task.Reports.Where(r => r.Unit == unit && r.PeriodStart <= end && r.PeriodEnd >= start)
                    .Select(r => (DateTimeOffset?)r.ReportedAt).Min();
                obligations.Add(Make(ObligationKind.Report, unit, start, end, due, met,
                    task.Lapses.Any(l => l.Kind == LapseKind.ReportMissed && l.Unit == unit && l.PeriodStart == start), calendar));
            }
        }

        if (task.Deadline is { } deadline && task.WithdrawnAt is null)
        {
            var met = task.CompletionReportedAt ?? task.PendingCompletion?.ReportedAt;
            obligations.Add(Make(ObligationKind.Completion, null, null, null, deadline, met,
                task.Lapses.Any(l => l.Kind == LapseKind.DeadlineMissed && l.DueOn == deadline), calendar));
        }
        return obligations;
    }

    private static Obligation Make(ObligationKind kind, string? unit, DateOnly? start, DateOnly? end, DateOnly due, DateTimeOffset? met,
        bool lapsed, WorkingDayCalendar calendar)
    {
        int? late = met is { } m && m >= ChinaTime.EndOf(due) ? calendar.WorkingDaysBetween(due, ChinaTime.DateOf(m)) : null;
        return new Obligation(kind, unit, start, end, due, met, lapsed, late);
    }
}

/// <summary>Reporting periods: calendar months (or quarters, half years, years), from the one the task was assigned in.</summary>
public static class ReportingPeriods
{
    /// <summary>The periods from the assignment's to the last one that ended before <paramref name="today"/>.</summary>
    public static IEnumerable<(DateOnly Start, DateOnly End)> Ended(ReportingCycle cycle, DateOnly assignedOn, DateOnly today)
    {
        var (start, end) = Containing(cycle, assignedOn);
        while (end < today)
        {
            yield return (start, end);
            (start, end) = Containing(cycle, end.AddDays(1));
        }
    }

    public static (DateOnly Start, DateOnly End) Containing(ReportingCycle cycle, DateOnly day)
    {
        var months = cycle switch { ReportingCycle.Quarterly => 3, ReportingCycle.HalfYearly => 6, ReportingCycle.Yearly => 12, _ => 1 };
        var first = (day.Month - 1) / months * months + 1;
        var start = new DateOnly(day.Year, first, 1);
        return (start, start.AddMonths(months).AddDays(-1));
    }

    /// <summary>A period's report is due on the rules' working day of the month after it ends (default the 5th).</summary>
    public static DateOnly DueOn(DateOnly periodEnd, TimelinessRules rules, WorkingDayCalendar calendar)
    {
        var next = periodEnd.AddDays(1);
        return calendar.NthWorkingDayOfMonth(next.Year, next.Month, rules.ReportDueWorkingDay);
    }
}
