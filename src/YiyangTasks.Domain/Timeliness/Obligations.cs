using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Domain.Timeliness;

/// <summary>Every obligation a task has had (签收, 报送, 办结), met or not, judged on the working-day calendar.</summary>
public static class Obligations
{
    /// <summary>
    /// In order: each lead unit's acknowledgement (due <see cref="TimelinessRules.AcknowledgementWorkingDays"/> working days
    /// after the assignment's China date); each lead unit's report for every period that has ended by <paramref name="now"/>
    /// while the task was open, from the period containing the assignment; each recurrence of a recurring task and each year's
    /// review of a standing task (<see cref="DeadlineTerms"/>) that has ended; the completion, if the task has a deadline.
    /// </summary>
    public static IReadOnlyList<Obligation> Of(SupervisedTask task, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now) =>
        Enumerate(task, rules, calendar, now, includeRunningPeriod: false);

    /// <summary>As <see cref="Of"/>, plus the reports of the period still running: what the next check must look ahead to.</summary>
    internal static IReadOnlyList<Obligation> WithRunningPeriod(SupervisedTask task, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now) =>
        Enumerate(task, rules, calendar, now, includeRunningPeriod: true);

    private static List<Obligation> Enumerate(
        SupervisedTask task, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now, bool includeRunningPeriod)
    {
        var obligations = new List<Obligation>();
        var assigned = ChinaTime.DateOf(task.AssignedAt);

        var acknowledgementDue = calendar.AddWorkingDays(assigned, rules.AcknowledgementWorkingDays);
        foreach (var unit in task.LeadUnits)
        {
            var at = task.Acknowledgements.Where(a => a.Unit == unit).Min(a => (DateTimeOffset?)a.At);
            obligations.Add(Judge(ObligationKind.Acknowledgement, unit, null, null, acknowledgementDue, at));
        }

        foreach (var period in ReportingPeriod.From(assigned, task.ReportingCycle))
        {
            var ended = period.EndsAt <= now;
            if (!ended && !includeRunningPeriod) break;
            // Periods ending after the office accepted the completion (or a revision withdrew the task) are not owed.
            if ((task.CompletedAt ?? task.WithdrawnAt) is { } closed && period.EndsAt > closed) break;
            var due = period.DueOn(calendar, rules.ReportDueWorkingDay);
            foreach (var unit in task.LeadUnits)
            {
                // A correction supersedes a report but the period counts as reported from the first one.
                var at = FirstReported(task.Reports, unit, period);
                // Accepted before the report fell due and not reported: ReportProgress refuses reports on a completed
                // task, so owing it would be a lapse no one could cure.
                if (at is null && (task.CompletedAt ?? task.WithdrawnAt) is { } done && ChinaTime.EndOf(due) > done) continue;
                obligations.Add(Judge(ObligationKind.Report, unit, period.Start, period.End, due, at));
            }
            if (!ended) break;
        }

        obligations.AddRange(OfTerms(task, now, includeRunningPeriod, Judge));

        if (task.Deadline is { } deadline && !task.IsWithdrawn)
        {
            // A rejected completion meets nothing: the task reopened, so only a pending or accepted one counts.
            var reported = task.IsCompleted ? task.CompletionReportedAt ?? task.CompletedAt : task.PendingCompletion?.ReportedAt;
            obligations.Add(Judge(ObligationKind.Completion, null, null, null, deadline, reported));
        }
        return obligations;

        Obligation Judge(ObligationKind kind, string? unit, DateOnly? start, DateOnly? end, DateOnly dueOn, DateTimeOffset? metAt) =>
            Obligations.Judge(kind, unit, start, end, dueOn, metAt, calendar, now);
    }

    // The unit's first report on the period (a loop: this runs for every unit and period of every task judged).
    private static DateTimeOffset? FirstReported(IReadOnlyList<PeriodReport> reports, string unit, ReportingPeriod period)
    {
        DateTimeOffset? first = null;
        for (var i = 0; i < reports.Count; i++)
        {
            var r = reports[i];
            if (r.Unit == unit && period.Overlaps(r.PeriodStart, r.PeriodEnd) && !(first <= r.FirstReportedAt)) first = r.FirstReportedAt;
        }
        return first;
    }

    /// <summary>
    /// The obligations of <see cref="Of"/> at <paramref name="now"/>, taken from those owed by a later instant (with the period
    /// running then, <see cref="WithRunningPeriod"/>): a period's report (a recurrence, a review) is owed once the period has
    /// ended, and which obligations exist depends on nothing else that changes with the clock; each is judged again at
    /// <paramref name="now"/>.
    /// </summary>
    internal static IEnumerable<Obligation> AsOf(IEnumerable<Obligation> owedLater, WorkingDayCalendar calendar, DateTimeOffset now) =>
        from o in owedLater
        where o.PeriodEnd is not { } end || ChinaTime.EndOf(end) <= now
        select JudgeAgain(o, calendar, now);

    /// <summary>An obligation due on <paramref name="dueOn"/> and met at <paramref name="metAt"/> (or not), as judged at <paramref name="now"/>.</summary>
    internal static Obligation Judge(ObligationKind kind, string? unit, DateOnly? start, DateOnly? end, DateOnly dueOn, DateTimeOffset? metAt,
        WorkingDayCalendar calendar, DateTimeOffset now, bool cooperating = false)
    {
        var (lapsed, late) = Judged(dueOn, metAt, calendar, now);
        return new Obligation(kind, unit, start, end, dueOn, metAt, lapsed) { WorkingDaysLate = late, Cooperating = cooperating };
    }

    // The same obligation judged at another instant; itself when the judgement is the same (most are: met before they fell due,
    // or not yet due either way), so that a timeline judging a task at many instants does not copy every obligation each time.
    private static Obligation JudgeAgain(Obligation o, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        var (lapsed, late) = Judged(o.DueOn, o.MetAt, calendar, now);
        return lapsed == o.Lapsed && late == o.WorkingDaysLate ? o : o with { Lapsed = lapsed, WorkingDaysLate = late };
    }

    private static (bool Lapsed, int? WorkingDaysLate) Judged(DateOnly dueOn, DateTimeOffset? metAt, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        var dueAt = ChinaTime.EndOf(dueOn);
        var lapsed = dueAt <= now && !(metAt < dueAt);
        return (lapsed, !lapsed ? null : calendar.WorkingDaysBetween(dueOn, ChinaTime.DateOf(metAt ?? now)));
    }

    private delegate Obligation Judgement(ObligationKind kind, string? unit, DateOnly? start, DateOnly? end, DateOnly dueOn, DateTimeOffset? metAt);

    // A recurring task (每年、每季度、每半年、每月) owes each recurrence by its end; a standing task (长期坚持、持续推进) has no
    // completion deadline but is reviewed each year-end. The lead units owe them together, and a progress report of any lead
    // unit on a period overlapping the recurrence meets it.
    private static IEnumerable<Obligation> OfTerms(SupervisedTask task, DateTimeOffset now, bool includeRunningPeriod, Judgement judge)
    {
        if (task.DeadlineTerms is not { } terms) yield break;
        var (kind, every) = terms switch
        {
            { Kind: DeadlineKind.Recurring, Every: { } cycle } => (ObligationKind.Recurrence, cycle),
            { Kind: DeadlineKind.Standing } => (ObligationKind.Review, ReportingCycle.Yearly),
            _ => (ObligationKind.Completion, ReportingCycle.Yearly),
        };
        if (kind == ObligationKind.Completion) yield break;
        foreach (var (start, end) in terms.Recurrences(ChinaTime.DateOf(task.AssignedAt), every))
        {
            var ended = ChinaTime.EndOf(end) <= now;
            if (!ended && !includeRunningPeriod) yield break;
            if ((task.CompletedAt ?? task.WithdrawnAt) is { } closed && ChinaTime.EndOf(end) > closed) yield break;
            var met = task.Reports.Where(r => task.IsLeadUnit(r.Unit) && r.PeriodStart <= end && r.PeriodEnd >= start).Min(r => (DateTimeOffset?)r.ReportedAt);
            yield return judge(kind, null, start, end, end, met);
            if (!ended) yield break;
        }
    }
}
