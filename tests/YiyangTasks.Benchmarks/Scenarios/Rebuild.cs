using System.Diagnostics;
using Marten;
using Npgsql;
using YiyangTasks.Api.Storage;
using YiyangTasks.Benchmarks.Harness;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Benchmarks.Scenarios;

/// <summary>
/// Every projection rebuilt from the full event store with Marten's projection daemon
/// (<c>RebuildProjectionAsync</c>, which works for our inline projections too): the task states, then the plans.
/// Events per second over all events of the store; afterwards a sample of rebuilt task states is checked against a
/// fold of their streams with <see cref="SupervisedTask.Evolve"/>.
/// </summary>
public static class Rebuild
{
    public static async Task RunAsync(Bench bench)
    {
        long events;
        await using (var db = new NpgsqlConnection(bench.Connection.ConnectionString))
        {
            await db.OpenAsync();
            await using var count = new NpgsqlCommand($"select count(*) from {EventStore.Schema}.mt_events", db);
            events = (long)(await count.ExecuteScalarAsync())!;
        }

        var clock = Stopwatch.StartNew();
        using (var daemon = await bench.Store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync<SupervisedTaskProjection>(TimeSpan.FromMinutes(30), CancellationToken.None);
            await daemon.RebuildProjectionAsync<PlanProjection>(TimeSpan.FromMinutes(30), CancellationToken.None);
        }
        var elapsed = clock.Elapsed;

        // The reports' async projection alone, as `projections --rebuild` runs it for the operator.
        clock.Restart();
        using (var daemon = await bench.Store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync<Api.Reports.Projections.TaskSummaryProjection>(TimeSpan.FromMinutes(30), CancellationToken.None);
        var summaries = clock.Elapsed;

        // The same work by hand, for comparison: stream every event in order, fold with the domain's Evolve, and write
        // the states back with Marten's COPY-based bulk insert (overwriting).
        clock.Restart();
        var states = new Dictionary<string, SupervisedTask?>();
        await using (var session = bench.Store.QuerySession())
        {
            await foreach (var e in session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToAsyncEnumerable())
                if (e.StreamKey is { } key && key.Contains('/'))
                    states[key] = SupervisedTask.Evolve(states.GetValueOrDefault(key), e.Data);
        }
        await bench.Store.BulkInsertAsync(states.Values.OfType<SupervisedTask>().ToList(), Weasel.Core.BulkInsertMode.OverwriteExisting);
        var byHand = clock.Elapsed;

        var mismatches = 0;
        await using (var session = bench.Store.QuerySession())
        {
            foreach (var (planId, number, _) in bench.Workload.Reporters.Where((_, i) => i % 97 == 0).Take(50))
            {
                var id = SupervisedTask.StreamKey(planId, number);
                var stored = await session.LoadAsync<SupervisedTask>(id);
                var folded = (await session.Events.FetchStreamAsync(id)).Aggregate((SupervisedTask?)null, (t, e) => SupervisedTask.Evolve(t, e.Data));
                if (stored is null || folded is null || stored.Reports.Count != folded.Reports.Count || stored.Lapses.Count != folded.Lapses.Count
                    || stored.Status != folded.Status) mismatches++;
            }
            if (await session.LoadAsync<Plan>(bench.Workload.Reporters[0].PlanId) is null) mismatches++;
        }

        var rate = events / elapsed.TotalSeconds;
        var foldRate = events / byHand.TotalSeconds;
        bench.Results.Write("rebuild",
            $"{events:N0} events rebuilt into task and plan states in {elapsed.TotalSeconds:F1} s: {rate:N0} events/s " +
            $"(Marten RebuildProjectionAsync; sample check {(mismatches == 0 ? "ok" : $"{mismatches} mismatches")}); " +
            $"the reports' task summaries (async) {events / summaries.TotalSeconds:N0} events/s; by hand (stream, fold with Evolve, bulk COPY) " +
            $"{foldRate:N0} events/s; target > 20,000 events/s",
            new { Events = events, Seconds = Math.Round(elapsed.TotalSeconds, 2), EventsPerSecond = Math.Round(rate), Method = "Marten projection daemon RebuildProjectionAsync (SupervisedTaskProjection, PlanProjection)",
                  SampleMismatches = mismatches, Target = rate > 20_000,
                  Summaries = new { Seconds = Math.Round(summaries.TotalSeconds, 2), EventsPerSecond = Math.Round(events / summaries.TotalSeconds), Method = "RebuildProjectionAsync<TaskSummaryProjection>" },
                  ByHand = new { Seconds = Math.Round(byHand.TotalSeconds, 2), EventsPerSecond = Math.Round(foldRate), Method = "QueryAllRawEvents in sequence order, SupervisedTask.Evolve, BulkInsertAsync(OverwriteExisting)" } });
    }
}
