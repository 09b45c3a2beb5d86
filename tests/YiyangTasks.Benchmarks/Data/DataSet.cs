using System.Diagnostics;
using JasperFx.Events;
using Marten;
using Weasel.Core;
using YiyangTasks.Api.Timeliness;
using YiyangTasks.Api.Units;
using YiyangTasks.Benchmarks.Harness;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Benchmarks.Data;

/// <summary>A liaison's (task, unit) pair the load can report progress on, and the acknowledgements still owed.</summary>
public sealed record Workload(IReadOnlyList<string> Units, IReadOnlyList<(string PlanId, int Number, string Unit)> Reporters,
    IReadOnlyList<(string PlanId, int Number, string Unit)> Acknowledgers, long Events, long Streams, TimeSpan Took);

/// <summary>
/// Writes a realistic data set into a fresh database: plans registered, tasks lived through their lifecycles
/// (<see cref="Lifecycle"/>), appended with Marten's COPY-based bulk event insert, and the inline read models
/// (task and plan states, the unit directory, the timeliness check schedule) bulk-inserted alongside, as the
/// inline projections would have left them.
/// </summary>
public static class DataSet
{
    public const string AcknowledgementPlan = "bench-new";
    private const int Chunk = 2_000;

    public static async Task<Workload> GenerateAsync(IDocumentStore store, Scale scale, DateTimeOffset now, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var units = Units.Directory(scale.Units);
        await store.BulkInsertAsync(units.Select(u => new UnitRecord
        {
            Id = u, Jurisdictions = ["信阳市"], Liaisons = [new LiaisonContact($"{u}联络员", "科员", null)],
        }).ToList(), BulkInsertMode.InsertsOnly);

        var reporters = new List<(string, int, string)>();
        var acknowledgers = new List<(string, int, string)>();
        long events = 0, streams = 0;
        var office = new Actor("office:王主任", "王主任", "office", null);

        for (var p = 0; p < scale.Plans + 1; p++)
        {
            var fresh = p == scale.Plans;
            var planId = fresh ? AcknowledgementPlan : $"bench-{p + 1:D3}";
            var taskCount = fresh ? scale.AcknowledgementPool : scale.TasksPerPlan;
            // Older plans first: the oldest was assigned in January, the youngest a few weeks ago.
            var assignedAt = fresh ? now.AddHours(-1) : now.AddDays(-320 + p * (280 / Math.Max(1, scale.Plans)));
            var registered = new PlanRegistered(planId, $"医养结合重点任务分工方案（基准{p + 1}）", "信阳市", $"信卫〔2026〕{p + 1}号",
                "信阳市医养结合工作联席会议", DateOnly.FromDateTime(assignedAt.DateTime), Enumerable.Range(1, taskCount).ToArray(),
                office, assignedAt);
            await InsertAsync(store, [(planId, [new TimedEvent(registered, office, assignedAt)])]);
            await store.BulkInsertAsync([Plan.FromRegistration(registered)], BulkInsertMode.InsertsOnly);
            events++;
            streams++;

            for (var first = 1; first <= taskCount; first += Chunk)
            {
                var numbers = Enumerable.Range(first, Math.Min(Chunk, taskCount - first + 1)).ToArray();
                var lives = new (IReadOnlyList<TimedEvent> Events, SupervisedTask Task)[numbers.Length];
                Parallel.For(0, numbers.Length, i =>
                {
                    var seed = p * 1_000_003 + numbers[i];
                    var assignment = Assignment(planId, numbers[i], units, new Random(seed), assignedAt);
                    lives[i] = fresh
                        ? Lifecycle.Assigned(assignment, assignedAt)
                        : Lifecycle.Live(assignment, assignedAt.AddMinutes(numbers[i] % 600), now, seed);
                });
                await InsertAsync(store, lives.Select(l => (l.Task.Id, l.Events)).ToArray());
                await store.BulkInsertAsync(lives.Select(l => l.Task).ToList(), BulkInsertMode.InsertsOnly);
                var checks = lives
                    .Select(l => (l.Task, Next: LapseCheck.NextCheckAt(l.Task, TimelinessRules.Default, WorkingDayCalendarOf.China, now)))
                    .Where(x => x.Next is not null)
                    .Select(x => new TaskCheckSchedule(x.Task.Id, planId, x.Next!.Value)).ToList();
                if (checks.Count > 0) await store.BulkInsertAsync(checks, BulkInsertMode.InsertsOnly);

                foreach (var (_, task) in lives)
                {
                    if (fresh) acknowledgers.AddRange(task.LeadUnits.Select(u => (planId, task.Number, u)));
                    else if (!task.IsCompleted) reporters.AddRange(task.LeadUnits.Concat(task.CooperatingUnits).Select(u => (planId, task.Number, u)));
                }
                events += lives.Sum(l => l.Events.Count);
                streams += lives.Length;
            }
            log.WriteLine($"  plan {planId}: {taskCount} tasks, {events:N0} events so far ({clock.Elapsed.TotalSeconds:F1} s)");
        }
        await using (var session = store.LightweightSession())
        {
            // The bulk path bypasses the daemon's bookkeeping: leave statistics fresh for the planner.
            session.QueueSqlCommand("analyze");
            await session.SaveChangesAsync();
        }
        return new Workload(units, reporters, acknowledgers, events, streams, clock.Elapsed);
    }

    private static AssignTask Assignment(string planId, int number, IReadOnlyList<string> units, Random random, DateTimeOffset assignedAt)
    {
        var leads = random.NextDouble() < 0.3 ? 2 : 1;
        var cooperating = random.Next(0, 4);
        var picked = units.OrderBy(_ => random.Next()).Take(leads + cooperating).ToArray();
        DateOnly? deadline = random.NextDouble() < 0.7
            ? DateOnly.FromDateTime(assignedAt.DateTime).AddMonths(3 + random.Next(18)) is var d ? new DateOnly(d.Year, d.Month, 1).AddMonths(1).AddDays(-1) : null
            : null;
        return new AssignTask(planId, number, $"第{number}项：推进医疗卫生与养老服务融合发展，建立健全医养结合服务网络。",
            picked[..leads], picked[leads..], ResponsibilityMode.LeadAndCooperate, deadline,
            deadline is { } x ? $"{x.Year}年{x.Month}月底前" : "长期坚持");
    }

    private static async Task InsertAsync(IDocumentStore store, IReadOnlyList<(string Key, IReadOnlyList<TimedEvent> Events)> streams)
    {
        var graph = (IEventRegistry)((DocumentStore)store).Options.Events;
        var actions = streams.Select(s =>
        {
            var action = StreamAction.Start(graph, s.Key, s.Events.Select(e => e.Data).ToArray());
            for (var i = 0; i < s.Events.Count; i++)
            {
                var e = action.Events[i];
                e.Timestamp = s.Events[i].At.ToUniversalTime();
                e.SetHeader("actor", s.Events[i].Actor);
                e.CorrelationId = "bench-generate";
            }
            return action;
        }).ToList();
        await store.BulkInsertEventsAsync(actions, 10_000);
    }
}

/// <summary>The calendar the API judges by.</summary>
internal static class WorkingDayCalendarOf
{
    public static readonly Domain.Calendar.WorkingDayCalendar China = Domain.Calendar.WorkingDayCalendar.ChinaMainland;
}
