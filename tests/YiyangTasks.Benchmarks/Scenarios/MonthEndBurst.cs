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
/// (the task state is inline), and, for every report, until the daemon's progress for the report figures reaches the
/// event the answer's X-Event-Sequence names: the number a timeliness report answers as X-Projection-Sequence. One watcher
/// reads that progress every <see cref="WatchEvery"/> (a single-row read), so measuring adds no load; an earlier version
/// had four workers poll the report through the API every 10 ms, some 150 reads a second, more than the burst's writes.
/// A sample still reads the unit's row of the report through the API, as a client would, to check the two agree.
/// </summary>
public static class MonthEndBurst
{
    private const int Concurrency = 32;

    /// <summary>How often the watcher reads the daemon's progress: the resolution of the lag measured.</summary>
    private static readonly TimeSpan WatchEvery = TimeSpan.FromMilliseconds(10);

    /// <summary>Every <see cref="SampleEvery"/>th report of the first worker is also read back through the API.</summary>
    private const int SampleEvery = 25;

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
        var sampleLag = new Latencies();
        var committedAt = new ConcurrentBag<(TimeSpan At, long Sequence)>();
        long errors = 0, sampled = 0;
        var clock = Stopwatch.StartNew();

        // The watcher: when the report figures' progress reached each sequence (it only grows).
        var progress = new List<(TimeSpan At, long Sequence)>();
        using var writing = new CancellationTokenSource();
        var lastSequence = 0L;
        var watcher = Task.Run(async () =>
        {
            await using var database = NpgsqlDataSource.Create(bench.Connection.ConnectionString);
            await using var read = database.CreateCommand(
                $"select last_seq_id from {EventStore.Schema}.mt_event_progression where name = 'ReportFigures:All'");
            var seen = -1L;
            var deadline = TimeSpan.MaxValue;
            while (true)
            {
                var sequence = (long)(await read.ExecuteScalarAsync())!;
                if (sequence != seen) progress.Add((clock.Elapsed, seen = sequence));
                if (writing.IsCancellationRequested)
                {
                    if (deadline == TimeSpan.MaxValue) deadline = clock.Elapsed + TimeSpan.FromSeconds(60);
                    if (sequence >= Interlocked.Read(ref lastSequence) || clock.Elapsed > deadline) return;
                }
                await Task.Delay(WatchEvery);
            }
        });

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
                var sequence = long.Parse(posted.Headers.GetValues("X-Event-Sequence").First());
                committedAt.Add((committed, sequence));
                InterlockedMax(ref lastSequence, sequence);

                while (true)
                {
                    using var read = await liaison.GetAsync(Bench.TaskPath(item.PlanId, item.Number));
                    if (read.Headers.ETag?.Tag.Trim('"') is { } tag && long.Parse(tag) >= version) break;
                    if (clock.Elapsed - committed > TimeSpan.FromSeconds(30)) { Interlocked.Increment(ref errors); break; }
                }
                taskLag.Add(clock.Elapsed - committed);

                // The sample: the unit's row of the plan's timeliness report, re-read until its X-Projection-Sequence reaches this report.
                if (worker == 0 && Interlocked.Increment(ref sampled) % SampleEvery == 0)
                {
                    while (true)
                    {
                        using var report = await office.GetAsync($"/api/reports/timeliness?plan={item.PlanId}&unit={Uri.EscapeDataString(item.Unit)}");
                        if (report.IsSuccessStatusCode && report.Headers.TryGetValues("X-Projection-Sequence", out var values)
                            && long.Parse(values.First()) >= sequence) break;
                        if (clock.Elapsed - committed > TimeSpan.FromSeconds(60)) { Interlocked.Increment(ref errors); break; }
                        await Task.Delay(50);
                    }
                    sampleLag.Add(clock.Elapsed - committed);
                }
            }
        }));
        var elapsed = clock.Elapsed;
        writing.Cancel();
        await watcher;
        foreach (var client in clients.Values) client.Dispose();

        // Each report's lag: from its answer to the first time the watcher saw the progress at or past its event (0 if before).
        var reportLag = new Latencies();
        foreach (var (at, sequence) in committedAt)
        {
            var seen = progress.FindIndex(p => p.Sequence >= sequence);
            if (seen < 0) { Interlocked.Increment(ref errors); continue; }
            reportLag.Add(progress[seen].At > at ? progress[seen].At - at : TimeSpan.Zero);
        }

        var rate = count / elapsed.TotalSeconds;
        bench.Results.Write("burst",
            $"{count:N0} reports by {bench.Workload.Units.Count} units in {elapsed.TotalSeconds:F1} s ({rate:N0}/s, {Concurrency} at once); " +
            $"commit p50 {commit.Percentile(50)} ms p99 {commit.Percentile(99)} ms; commit→visible in GET task p50 {taskLag.Percentile(50)} ms " +
            $"p99 {taskLag.Percentile(99)} ms; in the projected timeliness report p50 {reportLag.Percentile(50)} ms p99 {reportLag.Percentile(99)} ms " +
            $"(every report; read through the API: p50 {sampleLag.Percentile(50)} ms p99 {sampleLag.Percentile(99)} ms, {sampleLag.Count} samples); " +
            $"errors {errors}; target report p99 < 1,000 ms",
            new
            {
                Reports = count, Seconds = Math.Round(elapsed.TotalSeconds, 2), RatePerSecond = Math.Round(rate, 1), Concurrency, Errors = errors,
                CommitMs = new { P50 = commit.Percentile(50), P95 = commit.Percentile(95), P99 = commit.Percentile(99) },
                VisibleInTaskMs = new { P50 = taskLag.Percentile(50), P95 = taskLag.Percentile(95), P99 = taskLag.Percentile(99) },
                VisibleInReportMs = new { Reports = reportLag.Count, P50 = reportLag.Percentile(50), P95 = reportLag.Percentile(95), P99 = reportLag.Percentile(99) },
                VisibleInReportReadThroughApiMs = new { Samples = sampleLag.Count, P50 = sampleLag.Percentile(50), P95 = sampleLag.Percentile(95), P99 = sampleLag.Percentile(99) },
                Projection = "task: inline (commits with the event); report: the daemon's task summaries. Every report: the daemon's progress " +
                    $"(what X-Projection-Sequence answers) read every {WatchEvery.TotalMilliseconds} ms until it reaches the answer's X-Event-Sequence; " +
                    $"a sample read through the API every 50 ms",
                Target = reportLag.Percentile(99) < 1000,
            });
    }

    private static void InterlockedMax(ref long target, long value)
    {
        for (var current = Interlocked.Read(ref target); value > current; current = Interlocked.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, current) == current) return;
    }
}
