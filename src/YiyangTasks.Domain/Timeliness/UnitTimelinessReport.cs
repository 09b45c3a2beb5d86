using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Domain.Timeliness;

/// <summary>The units' timeliness figures over a set of tasks, best on-time rate first: the ranking the reports publish.</summary>
public static class UnitTimelinessReport
{
    /// <summary>One row per unit on any task, by on-time rate descending (none due last), then unit name.</summary>
    public static IReadOnlyList<UnitTimeliness> Of(
        IEnumerable<SupervisedTask> tasks, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now) =>
        Of(tasks.Select(t => (t, rules)), calendar, now);

    /// <summary>As the other overload, each task judged by its own plan's rules.</summary>
    public static IReadOnlyList<UnitTimeliness> Of(
        IEnumerable<(SupervisedTask Task, TimelinessRules Rules)> tasks, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        var totals = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (task, rules) in tasks)
            foreach (var (unit, figures) in FiguresOf(task, rules, calendar, now)) UnitFigures.AddTo(totals, unit, figures);
        return UnitFigures.Ranking(totals);
    }

    /// <summary>
    /// One task's counts per unit (<see cref="UnitFigures"/>) as judged at <paramref name="now"/>: what it adds to each unit's row.
    /// The projections keep these per unit and plan; a report sums them.
    /// </summary>
    public static Dictionary<string, int[]> FiguresOf(SupervisedTask task, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now) =>
        FiguresOf(task, calendar, Obligations.Of(task, rules, calendar, now), CooperationObligations.Of(task, rules, calendar, now));

    /// <summary>
    /// As <see cref="FiguresOf(SupervisedTask, TimelinessRules, WorkingDayCalendar, DateTimeOffset)"/>, from the obligations owed by
    /// a later instant (<paramref name="owedLater"/>, with the period running then: <see cref="Obligations.WithRunningPeriod"/>) judged
    /// again at <paramref name="now"/> (<see cref="Obligations.AsOf"/>): one enumeration of a task's obligations for many instants.
    /// </summary>
    internal static Dictionary<string, int[]> FiguresOf(SupervisedTask task, WorkingDayCalendar calendar, DateTimeOffset now,
        (IReadOnlyList<Obligation> Lead, IReadOnlyList<Obligation> Cooperating) owedLater) =>
        FiguresOf(task, calendar, Obligations.AsOf(owedLater.Lead, calendar, now), Obligations.AsOf(owedLater.Cooperating, calendar, now));

    private static Dictionary<string, int[]> FiguresOf(SupervisedTask task, WorkingDayCalendar calendar,
        IEnumerable<Obligation> lead, IEnumerable<Obligation> cooperating)
    {
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        Tally For(string unit) => tallies.TryGetValue(unit, out var t) ? t : tallies[unit] = new Tally();

        foreach (var unit in task.LeadUnits) For(unit).Add(Figure.TasksLed);
        foreach (var unit in task.CooperatingUnits) For(unit).Add(Figure.TasksCooperated);
        var assigned = ChinaTime.DateOf(task.AssignedAt);
        foreach (var o in lead)
        {
            foreach (var unit in o.Unit is { } owner ? [owner] : task.LeadUnits)
            {
                var tally = For(unit);
                tally.Count(o, task.IsCompleted, cooperating: false);
                if (o is { Kind: ObligationKind.Acknowledgement, MetAt: { } at })
                {
                    tally.Add(Figure.AcknowledgementDaysTotal, calendar.WorkingDaysBetween(assigned, ChinaTime.DateOf(at)));
                    tally.Add(Figure.AcknowledgementDaysCount);
                }
            }
        }
        // A cooperating unit's own part: tallied apart, so its lapses never touch a lead's figures.
        foreach (var o in cooperating)
            For(o.Unit!).Count(o, task.IsCompleted, cooperating: true);
        foreach (var unit in task.LeadUnits)
        {
            For(unit).Add(Figure.RatedGood, task.Ratings.Good);
            For(unit).Add(Figure.RatedFair, task.Ratings.Fair);
            For(unit).Add(Figure.RatedPoor, task.Ratings.Poor);
        }
        foreach (var admonished in task.Admonished) For(admonished.Unit).Add(Figure.Admonishments, admonished.Count);
        foreach (var escalated in task.Escalated) For(escalated.Unit).Add(Figure.Escalations, escalated.Count);

        return tallies.ToDictionary(t => t.Key, t => t.Value.Figures, StringComparer.Ordinal);
    }

    /// <summary>A unit's running counts while a task is read.</summary>
    private sealed class Tally
    {
        public int[] Figures { get; } = Counted();

        private static int[] Counted()
        {
            var figures = UnitFigures.Empty();
            figures[(int)Figure.Tasks] = 1;
            return figures;
        }

        public void Add(Figure figure, int count = 1) => Figures[(int)figure] += count;

        public void Count(Obligation o, bool taskCompleted, bool cooperating)
        {
            switch (o.Kind)
            {
                case ObligationKind.Acknowledgement when o.IsMet:
                    Settle(o.IsLate, cooperating ? Figure.CooperatedAcknowledgementsOnTime : Figure.AcknowledgementsOnTime,
                        cooperating ? Figure.CooperatedAcknowledgementsLate : Figure.AcknowledgementsLate, cooperating);
                    break;
                case ObligationKind.Acknowledgement:
                    Add(cooperating ? Figure.CooperatedAcknowledgementsOutstanding : Figure.AcknowledgementsOutstanding);
                    if (o.Lapsed) Add(Judged(cooperating));
                    break;
                // A recurrence or a standing task's yearly review is reported like a period.
                case ObligationKind.Report or ObligationKind.Recurrence or ObligationKind.Review when o.IsMet:
                    Settle(o.IsLate, cooperating ? Figure.CooperatedReportsOnTime : Figure.ReportsOnTime,
                        cooperating ? Figure.CooperatedReportsLate : Figure.ReportsLate, cooperating);
                    break;
                case ObligationKind.Report or ObligationKind.Recurrence or ObligationKind.Review when o.Lapsed:
                    Add(cooperating ? Figure.CooperatedReportsMissed : Figure.ReportsMissed);
                    Add(Judged(cooperating));
                    break;
                case ObligationKind.Completion when taskCompleted:
                    Settle(o.IsLate, Figure.CompletedOnTime, Figure.CompletedLate, cooperating);
                    break;
                case ObligationKind.Completion when o.Lapsed:
                    // Reported late and awaiting review is late whatever the office decides.
                    if (!o.IsMet) Add(Figure.TasksOverdueNow);
                    Add(Judged(cooperating));
                    break;
            }
        }

        private static Figure Judged(bool cooperating) => cooperating ? Figure.CooperatedJudged : Figure.Judged;

        private void Settle(bool late, Figure onTime, Figure lateCount, bool cooperating)
        {
            if (late) Add(lateCount);
            else
            {
                Add(onTime);
                Add(cooperating ? Figure.CooperatedOnTime : Figure.OnTime);
            }
            Add(Judged(cooperating));
        }
    }
}
