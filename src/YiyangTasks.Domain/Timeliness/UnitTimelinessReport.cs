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
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        Tally For(string unit) => tallies.TryGetValue(unit, out var t) ? t : tallies[unit] = new Tally(unit);

        foreach (var (task, rules) in tasks)
        {
            foreach (var unit in task.LeadUnits) For(unit).TasksLed++;
            foreach (var unit in task.CooperatingUnits) For(unit).TasksCooperated++;
            var assigned = ChinaTime.DateOf(task.AssignedAt);
            foreach (var o in Obligations.Of(task, rules, calendar, now))
            {
                foreach (var unit in o.Unit is { } owner ? [owner] : task.LeadUnits)
                {
                    var tally = For(unit);
                    tally.Count(o, task.IsCompleted);
                    if (o is { Kind: ObligationKind.Acknowledgement, MetAt: { } at })
                        tally.AcknowledgementDays.Add(calendar.WorkingDaysBetween(assigned, ChinaTime.DateOf(at)));
                }
            }
            // A cooperating unit's own part: tallied apart, so its lapses never touch a lead's figures.
            foreach (var o in CooperationObligations.Of(task, rules, calendar, now))
                For(o.Unit!).Cooperated.Count(o, task.IsCompleted);
            foreach (var unit in task.LeadUnits)
                foreach (var rating in Enum.GetValues<SupervisionRating>()) For(unit).Ratings[rating] += task.Ratings.Of(rating);
            foreach (var admonished in task.Admonished) For(admonished.Unit).Admonishments += admonished.Count;
        }

        return tallies.Values.Select(t => t.ToRow())
            .OrderByDescending(r => r.OnTimeRate ?? -1)
            .ThenBy(r => r.Unit, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>A unit's running counts while the tasks are read.</summary>
    private sealed class Tally(string unit)
    {
        public int TasksLed, TasksCooperated, AcknowledgementsOnTime, AcknowledgementsLate, AcknowledgementsOutstanding;
        public int ReportsOnTime, ReportsLate, ReportsMissed, TasksOverdueNow, CompletedOnTime, CompletedLate, Admonishments;
        public int OnTime, Judged;
        public List<int> AcknowledgementDays { get; } = [];
        public Dictionary<SupervisionRating, int> Ratings { get; } = Enum.GetValues<SupervisionRating>().ToDictionary(r => r, _ => 0);

        /// <summary>Its acknowledgements and reports as a cooperating unit, counted by the same rules.</summary>
        public Tally Cooperated => _cooperated ??= new Tally(unit);
        private Tally? _cooperated;

        public void Count(Obligation o, bool taskCompleted)
        {
            switch (o.Kind)
            {
                case ObligationKind.Acknowledgement when o.IsMet:
                    Settle(o.IsLate, ref AcknowledgementsOnTime, ref AcknowledgementsLate);
                    break;
                case ObligationKind.Acknowledgement:
                    AcknowledgementsOutstanding++;
                    if (o.Lapsed) Judged++;
                    break;
                // A recurrence or a standing task's yearly review is reported like a period.
                case ObligationKind.Report or ObligationKind.Recurrence or ObligationKind.Review when o.IsMet:
                    Settle(o.IsLate, ref ReportsOnTime, ref ReportsLate);
                    break;
                case ObligationKind.Report or ObligationKind.Recurrence or ObligationKind.Review when o.Lapsed:
                    ReportsMissed++;
                    Judged++;
                    break;
                case ObligationKind.Completion when taskCompleted:
                    Settle(o.IsLate, ref CompletedOnTime, ref CompletedLate);
                    break;
                case ObligationKind.Completion when o.Lapsed:
                    // Reported late and awaiting review is late whatever the office decides.
                    if (!o.IsMet) TasksOverdueNow++;
                    Judged++;
                    break;
            }
        }

        private void Settle(bool late, ref int onTime, ref int lateCount)
        {
            if (late) lateCount++;
            else
            {
                onTime++;
                OnTime++;
            }
            Judged++;
        }

        public UnitTimeliness ToRow() => new(
            unit, TasksLed, TasksCooperated, AcknowledgementsOnTime, AcknowledgementsLate, AcknowledgementsOutstanding,
            AcknowledgementDays.Count == 0 ? null : AcknowledgementDays.Average(),
            ReportsOnTime, ReportsLate, ReportsMissed, TasksOverdueNow, CompletedOnTime, CompletedLate,
            Ratings, Admonishments, Judged == 0 ? null : (double)OnTime / Judged)
        {
            Cooperated = _cooperated is not { } c ? CooperatedWork.None : new CooperatedWork(c.AcknowledgementsOnTime, c.AcknowledgementsLate,
                c.AcknowledgementsOutstanding, c.ReportsOnTime, c.ReportsLate, c.ReportsMissed, c.Judged == 0 ? null : (double)c.OnTime / c.Judged),
        };
    }
}
