using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Domain.Timeliness;

/// <summary>One unit's timeliness across a set of tasks: the row of the supervision group's 通报 table.</summary>
public sealed record UnitTimeliness(
    string Unit,
    int TasksLed,
    int TasksCooperated,
    int AcknowledgementsOnTime,
    int AcknowledgementsLate,
    int AcknowledgementsOutstanding,
    double? AverageAcknowledgementWorkingDays,
    int ReportsOnTime,
    int ReportsLate,
    int ReportsMissed,
    int TasksOverdueNow,
    int CompletedOnTime,
    int CompletedLate,
    IReadOnlyDictionary<SupervisionRating, int> Ratings,
    int Admonishments,
    double? OnTimeRate);

/// <summary>Adds up each unit's obligations over a set of tasks, each judged by its own plan's rules.</summary>
public static class UnitTimelinessReport
{
    public static IReadOnlyList<UnitTimeliness> Of(IEnumerable<SupervisedTask> tasks, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now) =>
        Of(tasks.Select(t => (t, rules)), calendar, now);

    public static IReadOnlyList<UnitTimeliness> Of(IEnumerable<(SupervisedTask Task, TimelinessRules Rules)> tasks, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        var tally = new Dictionary<string, Tally>(StringComparer.Ordinal);
        Tally For(string unit) => tally.TryGetValue(unit, out var t) ? t : tally[unit] = new Tally();

        foreach (var (task, rules) in tasks)
        {
            foreach (var unit in task.LeadUnits) For(unit).Led++;
            foreach (var unit in task.CooperatingUnits) For(unit).Cooperated++;
            var obligations = Obligations.Of(task, rules, calendar, now);
            var assignedOn = ChinaTime.DateOf(task.AssignedAt);
            foreach (var o in obligations)
            {
                switch (o.Kind)
                {
                    case ObligationKind.Acknowledgement:
                        var ack = For(o.Unit!);
                        if (o.MetAt is { } at)
                        {
                            if (o.IsLate) ack.AckLate++; else ack.AckOnTime++;
                            ack.AckDays.Add(calendar.WorkingDaysBetween(assignedOn, ChinaTime.DateOf(at)));
                        }
                        else
                        {
                            ack.AckOutstanding++;
                            if (o.IsOverdue(now)) ack.AckOverdue++;
                        }
                        break;
                    case ObligationKind.Report:
                        var report = For(o.Unit!);
                        if (!o.IsMet) report.ReportsMissed += o.IsOverdue(now) ? 1 : 0;
                        else if (o.IsLate) report.ReportsLate++;
                        else report.ReportsOnTime++;
                        break;
                    case ObligationKind.Completion:
                        foreach (var unit in task.LeadUnits)
                        {
                            var completion = For(unit);
                            if (task.IsCompleted) { if (o.IsLate) completion.CompletedLate++; else completion.CompletedOnTime++; }
                            else if (o.IsOverdue(now)) completion.CompletionOverdue++;
                        }
                        break;
                }
            }
            if (task.IsCompleted && task.Deadline is null)
                foreach (var unit in task.LeadUnits) For(unit).CompletedOnTime++;
            if (!task.IsCompleted && obligations.Any(o => o.IsOverdue(now)))
                foreach (var unit in task.LeadUnits) For(unit).OverdueNow++;
            foreach (var finding in task.Findings)
                foreach (var unit in task.LeadUnits)
                    For(unit).Ratings[finding.Rating] = For(unit).Ratings.GetValueOrDefault(finding.Rating) + 1;
            foreach (var admonishment in task.Admonishments)
                foreach (var unit in admonishment.Units) For(unit).Admonished++;
        }

        return tally.Select(t => t.Value.Row(t.Key))
            .OrderByDescending(r => r.OnTimeRate ?? -1).ThenBy(r => r.Unit, StringComparer.Ordinal)
            .ToArray();
    }

    private sealed class Tally
    {
        public int Led, Cooperated, AckOnTime, AckLate, AckOutstanding, AckOverdue, ReportsOnTime, ReportsLate, ReportsMissed;
        public int OverdueNow, CompletedOnTime, CompletedLate, CompletionOverdue, Admonished;
        public readonly List<int> AckDays = [];
        public readonly Dictionary<SupervisionRating, int> Ratings = [];

        public UnitTimeliness Row(string unit)
        {
            var onTime = AckOnTime + ReportsOnTime + CompletedOnTime;
            var due = AckOnTime + AckLate + AckOverdue + ReportsOnTime + ReportsLate + ReportsMissed + CompletedOnTime + CompletedLate + CompletionOverdue;
            return new UnitTimeliness(unit, Led, Cooperated, AckOnTime, AckLate, AckOutstanding,
                AckDays.Count == 0 ? null : Math.Round(AckDays.Average(), 2), ReportsOnTime, ReportsLate, ReportsMissed, OverdueNow,
                CompletedOnTime, CompletedLate, Ratings, Admonished, due == 0 ? null : Math.Round((double)onTime / due, 4));
        }
    }
}
