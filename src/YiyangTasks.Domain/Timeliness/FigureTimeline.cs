using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Domain.Timeliness;

/// <summary>At <paramref name="At"/> the clock alone changes a unit's counts by <paramref name="Change"/> (an obligation falls due, a period ends).</summary>
public sealed record FigureStep(DateTimeOffset At, string Unit, int[] Change);

/// <summary>
/// One task's counts per unit as the clock moves on without another event (任务计数时间线): the counts at
/// <see cref="JudgedAt"/>, and each later instant at which an obligation falling due or a period ending changes them.
/// Exact for any instant from <see cref="JudgedAt"/> up to (not including) <see cref="ValidUntil"/>; null: for ever.
/// </summary>
public sealed record FigureTimeline(DateTimeOffset JudgedAt, Dictionary<string, int[]> Figures, IReadOnlyList<FigureStep> Steps, DateTimeOffset? ValidUntil)
{
    /// <summary>How far ahead an open task's steps are looked for when nothing falls due sooner.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(400);

    /// <summary>
    /// The task judged at <paramref name="at"/> and the steps after it. The counts change only when an obligation's due instant
    /// or a period's end passes (<see cref="Obligations.Judge"/>), so those instants are the only ones judged. An open task's steps
    /// stop after its next lapse check (<see cref="LapseCheck.NextCheckAt"/>): by then the check records a lapse, an event, and the
    /// task is judged again. A closed task owes a finite list, so its steps run to the end.
    /// </summary>
    public static FigureTimeline Of(SupervisedTask task, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset at)
    {
        var closed = LapseCheck.IsClosed(task);
        var far = at + (closed ? 2 * Horizon : Horizon);
        var nextCheck = closed ? null : LapseCheck.NextCheckAt(task, rules, calendar, at);
        // The instants up to the first one past the check are those of the obligations owed by the check, with the period
        // running then: a later period's instants all come after that period's end, itself an instant past the check. The
        // same obligations, judged again, give the counts at every instant judged (enumerated once, not once per instant).
        var owedBy = nextCheck is { } next && next < far ? next : far;
        var owed = (Lead: Obligations.WithRunningPeriod(task, rules, calendar, owedBy),
            Cooperating: CooperationObligations.WithRunningPeriod(task, rules, calendar, owedBy));
        var figures = UnitTimelinessReport.FiguresOf(task, calendar, at, owed);
        var instants = owed.Lead.Concat(owed.Cooperating)
            .SelectMany(o => o.PeriodEnd is { } end ? new[] { o.DueAt, ChinaTime.EndOf(end) } : [o.DueAt])
            .Where(t => t > at && t <= far)
            .Distinct()
            .Order();

        var steps = new List<FigureStep>();
        var before = figures;
        DateTimeOffset? validUntil = closed ? null : far;
        foreach (var instant in instants)
        {
            // Past the check, which records a lapse (an event, and the task judged again): the steps end here, unjudged.
            if (nextCheck is { } check && instant > check)
            {
                validUntil = instant;
                break;
            }
            var after = UnitTimelinessReport.FiguresOf(task, calendar, instant, owed);
            var change = UnitFigures.Change(before, after);
            if (change.Count == 0) continue;
            steps.AddRange(change.Select(c => new FigureStep(instant, c.Key, c.Value)));
            before = after;
        }
        return new FigureTimeline(at, figures, steps, validUntil);
    }

    /// <summary>Whether the timeline answers for <paramref name="now"/> (else the task is judged afresh).</summary>
    public bool Covers(DateTimeOffset now) => now >= JudgedAt && (ValidUntil is not { } until || now < until);

    /// <summary>The counts at <paramref name="now"/>, which <see cref="Covers"/>.</summary>
    public Dictionary<string, int[]> At(DateTimeOffset now)
    {
        var totals = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (unit, f) in Figures) UnitFigures.AddTo(totals, unit, f);
        foreach (var step in Steps.Where(s => s.At <= now)) UnitFigures.AddTo(totals, step.Unit, step.Change);
        return totals;
    }
}
