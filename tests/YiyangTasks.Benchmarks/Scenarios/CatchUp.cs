using System.Diagnostics;
using Marten;
using Npgsql;
using YiyangTasks.Api.Storage;
using YiyangTasks.Benchmarks.Harness;

namespace YiyangTasks.Benchmarks.Scenarios;

/// <summary>
/// The generated store is written by bulk COPY, past the daemon: the API's async projections (the reports' summaries)
/// start from nothing and catch up on their own. The figures wait for that, and the time it took is a figure too
/// (the daemon in the API process, reading every event once per async projection).
/// </summary>
public static class CatchUp
{
    public static async Task RunAsync(Bench bench, TimeSpan timeout)
    {
        long latest;
        await using (var db = new NpgsqlConnection(bench.Connection.ConnectionString))
        {
            await db.OpenAsync();
            await using var max = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {EventStore.Schema}.mt_events", db);
            latest = (long)(await max.ExecuteScalarAsync())!;
        }
        var clock = Stopwatch.StartNew();
        IReadOnlyDictionary<string, long> progress = new Dictionary<string, long>();
        var caughtUp = false;
        while (clock.Elapsed < timeout)
        {
            progress = (await bench.Store.Advanced.AllProjectionProgress())
                .Where(p => p.ShardName != "HighWaterMark").ToDictionary(p => p.ShardName, p => p.Sequence);
            if (progress.Count > 0 && progress.Values.All(s => s >= latest)) { caughtUp = true; break; }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        var seconds = clock.Elapsed.TotalSeconds;
        bench.Results.Write("catch-up",
            $"the API's daemon read {latest:N0} events into {string.Join(", ", progress.Keys)} in {seconds:F0} s " +
            $"({latest / seconds:N0} events/s per projection){(caughtUp ? "" : $"; NOT caught up after {timeout.TotalMinutes:F0} min: " + string.Join(", ", progress.Select(p => $"{p.Key} {p.Value:N0}")))}",
            new { Events = latest, Seconds = Math.Round(seconds, 1), EventsPerSecond = Math.Round(latest / seconds), CaughtUp = caughtUp, Progress = progress,
                  LoadAverage = Run.LoadAverage() });
    }
}
