using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using YiyangTasks.Api.Storage;
using YiyangTasks.Benchmarks.Harness;

namespace YiyangTasks.Benchmarks.Scenarios;

/// <summary>
/// Month end: every liaison reports on every open task of their unit within minutes (32 at once). For each report the
/// lag from its commit (the 200 answer) to the report being visible: GET the task until its version is the answered one
/// (the task state is inline), and, for a sample, the unit's row of the timeliness report, which reads the daemon's
/// task summaries, until the answer's X-Projection-Sequence reaches the report's event.
/// </summary>
public static class MonthEndBurst
{
    private const int Concurrency = 32;

    /// <summary>The global sequence of the event a command appended (the answer gives the stream version).</summary>
    private static async Task<long> SequenceOfAsync(NpgsqlDataSource events, string planId, int number, long version)
    {
        await using var command = events.CreateCommand($"select seq_id from {EventStore.Schema}.mt_events where stream_id = $1 and version = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = Domain.Tasks.SupervisedTask.StreamKey(planId, number) });
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task RunAsync(Bench bench)
    {
        var now = DateTimeOffset.UtcNow;
        var random = new Random(11);
        var work = new ConcurrentQueue<(string PlanId, int Number, string Unit)>(
            bench.Workload.Reporters.OrderBy(_ => random.Next()).Take(bench.Scale.BurstRequests));
        var count = work.Count;
        var clients = bench.Workload.Units.ToDictionary(u => u, u => bench.Api.Client("liaison", u));
        using var office = bench.Api.Client("office", name: "王主任");
        var commit = new Latencies();
        var taskLag = new Latencies();
        var reportLag = new Latencies();
        long errors = 0, sampled = 0;
        await using var events = NpgsqlDataSource.Create(bench.Connection.ConnectionString);
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async worker =>
        {
            while (work.TryDequeue(out var item))
            {
                var liaison = clients[item.Unit];
                var started = clock.Elapsed;
                using var body = new StringContent(Bench.ProgressBody(now, 50), Encoding.UTF8, "application/json");
                using var posted = await liaison.PostAsync(Bench.TaskPath(item.PlanId, item.Number, "/progress-reports"), body);
                var committed = clock.Elapsed;
                commit.Add(committed - started);
                if (!posted.IsSuccessStatusCode) { Interlocked.Increment(ref errors); continue; }
                var version = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();

                while (true)
                {
                    using var read = await liaison.GetAsync(Bench.TaskPath(item.PlanId, item.Number));
                    if (read.Headers.ETag?.Tag.Trim('"') is { } tag && long.Parse(tag) >= version) break;
                    if (clock.Elapsed - committed > TimeSpan.FromSeconds(30)) { Interlocked.Increment(ref errors); break; }
                }
                taskLag.Add(clock.Elapsed - committed);

                // A sample (every fifth report of four workers): the unit's row of the plan's timeliness report, read from the
                // daemon's projection, re-read until its X-Projection-Sequence reaches this report's event.
                if (worker < 4 && Interlocked.Increment(ref sampled) % 5 == 0)
                {
                    var sequence = await SequenceOfAsync(events, item.PlanId, item.Number, version);
                    while (true)
                    {
                        using var report = await office.GetAsync($"/api/reports/timeliness?plan={item.PlanId}&unit={Uri.EscapeDataString(item.Unit)}");
                        if (report.IsSuccessStatusCode && report.Headers.TryGetValues("X-Projection-Sequence", out var values)
                            && long.Parse(values.First()) >= sequence) break;
                        if (clock.Elapsed - committed > TimeSpan.FromSeconds(60)) { Interlocked.Increment(ref errors); break; }
                        await Task.Delay(10);
                    }
                    reportLag.Add(clock.Elapsed - committed);
                }
            }
        }));
        var elapsed = clock.Elapsed;
        foreach (var client in clients.Values) client.Dispose();

        var rate = count / elapsed.TotalSeconds;
        bench.Results.Write("burst",
            $"{count:N0} reports by {bench.Workload.Units.Count} units in {elapsed.TotalSeconds:F1} s ({rate:N0}/s, {Concurrency} at once); " +
            $"commit p50 {commit.Percentile(50)} ms p99 {commit.Percentile(99)} ms; commit→visible in GET task p50 {taskLag.Percentile(50)} ms " +
            $"p99 {taskLag.Percentile(99)} ms; in the projected timeliness report p50 {reportLag.Percentile(50)} ms p99 {reportLag.Percentile(99)} ms ({reportLag.Count} samples); errors {errors}; target report p99 < 1,000 ms",
            new
            {
                Reports = count, Seconds = Math.Round(elapsed.TotalSeconds, 2), RatePerSecond = Math.Round(rate, 1), Concurrency, Errors = errors,
                CommitMs = new { P50 = commit.Percentile(50), P95 = commit.Percentile(95), P99 = commit.Percentile(99) },
                VisibleInTaskMs = new { P50 = taskLag.Percentile(50), P95 = taskLag.Percentile(95), P99 = taskLag.Percentile(99) },
                VisibleInReportMs = new { Samples = reportLag.Count, P50 = reportLag.Percentile(50), P95 = reportLag.Percentile(95), P99 = reportLag.Percentile(99) },
                Projection = "task: inline (commits with the event); report: the daemon's task summaries, re-read until X-Projection-Sequence reaches the report's event",
                Target = reportLag.Percentile(99) < 1000,
            });
    }
}
