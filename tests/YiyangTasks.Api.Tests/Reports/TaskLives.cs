using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Tests.Reports;

/// <summary>
/// Seeded random lives of tasks, lived through the domain's own commands (refused ones leave no event): acknowledgements,
/// reports and corrections, completions accepted or rejected, extensions, findings, admonishments, revisions, and the
/// lapses time brings, recorded as the sweep records them.
/// </summary>
internal static class TaskLives
{
    public static readonly string[] Units = ["市民政局", "市卫健委", "市医保局", "市财政局"];
    private static readonly Actor Office = new("office", "联席会议办公室", "office", null);
    private static readonly Actor Supervision = new("supervision", "督查组", "supervision", null);

    /// <summary>A task's events from its assignment at or after <paramref name="start"/>, and the instant its life reached.</summary>
    public static (IReadOnlyList<object> Events, DateTimeOffset End) Live(Random random, string planId, int number, DateTimeOffset start,
        WorkingDayCalendar calendar, TimelinessRules rules)
    {
        var now = start.AddHours(random.Next(0, 24 * 20));
        var leads = Units.OrderBy(_ => random.Next()).Take(1 + random.Next(2)).ToArray();
        var cooperating = Units.Except(leads).Take(random.Next(2)).ToArray();
        DateOnly? deadline = random.Next(4) == 0 ? null : ChinaTime.DateOf(now).AddDays(20 + random.Next(200));
        var cycle = random.Next(4) == 0 ? ReportingCycle.Quarterly : ReportingCycle.Monthly;
        var events = new List<object>();
        var task = Apply(null, new AssignTask(planId, number, "推进医养结合服务", leads, cooperating, ResponsibilityMode.LeadAndCooperate,
            deadline, null, cycle).Decide(Office, now), events)!;

        for (var step = random.Next(3, 50); step > 0; step--)
        {
            now = now.AddHours(random.Next(1, 24 * 9));
            var unit = Pick(random, task.LeadUnits.Concat(task.CooperatingUnits).ToArray());
            var liaison = new Actor($"liaison:{unit}", "联络员", "liaison", unit);
            var decision = random.Next(20) switch
            {
                < 4 => new AcknowledgeTask(unit).Decide(task, liaison, now),
                < 11 => Report(random, task, unit, now).Decide(task, liaison, now),
                11 => new ReportCompletion(unit, "已办结").Decide(task, liaison, now),
                12 => new AcceptCompletion(null).Decide(task, Office, now),
                13 => new RejectCompletion("材料不全").Decide(task, Office, now),
                14 when task.Deadline is { } due => new RequestDeadlineExtension(Guid.NewGuid(), unit, due.AddDays(30), "客观原因").Decide(task, liaison, now),
                15 when task.PendingExtensions.Count > 0 => new DecideDeadlineExtension(task.PendingExtensions[0].RequestId, random.Next(2) == 0, null, "研究决定")
                    .Decide(task, Office, now),
                16 => new RecordSupervisionFinding((SupervisionRating)random.Next(3), "督查").Decide(task, Supervision, now),
                17 => new IssueAdmonishment([unit], "推进不力").Decide(task, Supervision, now),
                18 => new ReviseTask("推进医养结合服务（修订）", Units.OrderBy(_ => random.Next()).Take(1 + random.Next(2)).ToArray(), [],
                    ResponsibilityMode.LeadAndCooperate, task.Deadline, null).Decide(task, Office, now),
                _ => null,
            };
            if (decision is not null) task = Apply(task, decision, events)!;
            // The sweep (and each task's scheduled check) records what fell due by now; sometimes it has not run yet.
            if (random.Next(3) > 0) task = Apply(task, Decision.Accept([.. LapseCheck.Due(task, rules, calendar, now)]), events)!;
        }
        return (events, now);
    }

    /// <summary>A fold of the events, as the inline projection keeps the task for commands.</summary>
    public static SupervisedTask Fold(IEnumerable<object> events) => events.Aggregate((SupervisedTask?)null, SupervisedTask.Evolve)!;

    private static ReportProgress Report(Random random, SupervisedTask task, string unit, DateTimeOffset now)
    {
        var month = ChinaTime.DateOf(now).AddMonths(-random.Next(3));
        var start = new DateOnly(month.Year, month.Month, 1);
        var end = task.ReportingCycle == ReportingCycle.Quarterly && random.Next(2) == 0 ? start.AddMonths(3).AddDays(-1) : start.AddMonths(1).AddDays(-1);
        var earlier = task.Reports.Where(r => r.Unit == unit && !r.Superseded).ToArray();
        Guid? supersedes = earlier.Length > 0 && random.Next(3) == 0 ? Pick(random, earlier).ReportId : null;
        return new ReportProgress(Guid.NewGuid(), unit, start, end, (ProgressStatus)random.Next(3), random.Next(101), "进展", [], supersedes);
    }

    private static SupervisedTask? Apply(SupervisedTask? task, Decision decision, List<object> events)
    {
        foreach (var e in decision.Events)
        {
            events.Add(e);
            task = SupervisedTask.Evolve(task, e);
        }
        return task;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
