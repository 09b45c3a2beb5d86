using System.Diagnostics;
using System.Text;
using YiyangTasks.Benchmarks.Data;
using YiyangTasks.Benchmarks.Harness;

namespace YiyangTasks.Benchmarks.Scenarios;

/// <summary>
/// Commands through the real HTTP API with real tokens, from wrk at 2, 8 and 32 connections: progress reports spread
/// over every open task and its units, and acknowledgements of a freshly registered plan (each once). At each
/// concurrency pgbench's single-row-insert rate on the same server is the reference. Then the latency at half the peak
/// rate (an open-loop paced load), and the API's peak working set over all of it.
/// </summary>
public static class Commands
{
    private static readonly int[] Concurrencies = [2, 8, 32];

    /// <param name="ApiCpuMsPerRequest">CPU the API process spent per request; PostgresCpuMsPerRequest likewise for the server.</param>
    public sealed record Level(int Connections, WrkResult Api, PgBenchResult PgBench, double Ratio, double ApiCpuMsPerRequest = 0,
        double PostgresCpuMsPerRequest = 0);

    public sealed record Paced(double TargetRate, double AchievedRate, double P50Ms, double P95Ms, double P99Ms, long Requests, long Errors);

    public static async Task RunAsync(Bench bench, bool withMemory)
    {
        if (Wrk.Path is null)
        {
            Console.WriteLine($"[commands] SKIPPED: wrk is not on PATH; install it with `{Wrk.InstallHint}`");
            bench.Results.Write("commands", "skipped: wrk not installed", new { Skipped = true, Install = Wrk.InstallHint });
            return;
        }
        bench.Api.ResetPeakMemory();
        var tokens = bench.Workload.Units.ToDictionary(u => u, u => bench.Api.Token("liaison", u));
        var now = DateTimeOffset.UtcNow;
        var random = new Random(7);
        var reports = bench.Workload.Reporters.OrderBy(_ => random.Next()).Take(4_000)
            .Select(r => ("POST", Bench.TaskPath(r.PlanId, r.Number, "/progress-reports"), tokens[r.Unit], (string?)Bench.ProgressBody(now, 30 + random.Next(60))))
            .ToArray();
        var reportScript = bench.Wrk.WriteScript("progress-report", reports, once: false);

        var levels = new List<Level>();
        foreach (var connections in Concurrencies)
        {
            var reference = await bench.PgBench.RunAsync(connections, bench.Scale.CommandLoad);
            var before = bench.Cpu.Read();
            var api = await bench.Wrk.RunAsync(bench.Api.Url, reportScript, connections, bench.Scale.CommandLoad);
            var after = bench.Cpu.Read();
            var level = new Level(connections, api, reference, Math.Round(api.RequestsPerSecond / reference.Tps, 3),
                Math.Round((after.Api - before.Api) * 1000 / api.Requests, 2), Math.Round((after.Postgres - before.Postgres) * 1000 / api.Requests, 2));
            levels.Add(level);
            Console.WriteLine($"  progress-report c={connections}: {api.RequestsPerSecond:N0} req/s, p50 {api.P50Ms} ms, p95 {api.P95Ms} ms, " +
                              $"p99 {api.P99Ms} ms, errors {api.Errors + api.Non2xx}; pgbench {reference.Tps:N0} tps; ratio {level.Ratio:F2}; " +
                              $"CPU per request: API {level.ApiCpuMsPerRequest} ms, PostgreSQL {level.PostgresCpuMsPerRequest} ms");
        }

        // Acknowledgements succeed once per unit and task: each wrk thread walks its own slice of the new plan's pairs.
        var acknowledgements = bench.Workload.Acknowledgers
            .Select(a => ("POST", Bench.TaskPath(a.PlanId, a.Number, "/acknowledgements"), tokens[a.Unit], (string?)null)).ToArray();
        var ackScript = bench.Wrk.WriteScript("acknowledge", acknowledgements, once: true);
        var ackDuration = TimeSpan.FromSeconds(Math.Max(2, bench.Scale.CommandLoad.TotalSeconds / 2));
        var ackReference = await bench.PgBench.RunAsync(8, ackDuration);
        var ack = await bench.Wrk.RunAsync(bench.Api.Url, ackScript, 8, ackDuration);
        var ackLevel = new Level(8, ack, ackReference, Math.Round(ack.RequestsPerSecond / ackReference.Tps, 3));
        Console.WriteLine($"  acknowledge c=8: {ack.RequestsPerSecond:N0} req/s, p50 {ack.P50Ms} ms, p99 {ack.P99Ms} ms, errors {ack.Errors + ack.Non2xx} " +
                          $"(of {acknowledgements.Length} owed); pgbench {ackReference.Tps:N0} tps; ratio {ackLevel.Ratio:F2}");

        var peak = levels.MaxBy(l => l.Api.RequestsPerSecond)!;
        // The latency at half the peak is the steady state's: the acknowledgements just written (26,000 at full scale) leave
        // the daemon a backlog and autovacuum their dead rows, which a paced run started at once would measure instead.
        await Settle.WaitAsync(bench, TimeSpan.FromMinutes(2));
        var paced = await PacedAsync(bench, reports, peak.Api.RequestsPerSecond / 2, bench.Scale.CommandLoad);
        Console.WriteLine($"  progress-report paced at half the peak ({paced.TargetRate:N0}/s): p50 {paced.P50Ms} ms, p95 {paced.P95Ms} ms, p99 {paced.P99Ms} ms");

        var best = levels.MaxBy(l => l.Ratio)!;
        bench.Results.Write("commands",
            $"progress-report {string.Join(" | ", levels.Select(l => $"c={l.Connections} {l.Api.RequestsPerSecond:N0}/s p99 {l.Api.P99Ms} ms ratio {l.Ratio:F2}"))}; " +
            $"acknowledge c=8 {ack.RequestsPerSecond:N0}/s ratio {ackLevel.Ratio:F2}; half-peak p99 {paced.P99Ms} ms",
            new { ProgressReport = levels, Acknowledge = ackLevel, HalfPeak = paced, BestRatio = best.Ratio,
                  Targets = new { RatioAtLeast0_3 = levels.All(l => l.Ratio >= 0.3), HalfPeakP99Under25Ms = paced.P99Ms < 25 } });

        if (withMemory)
        {
            var (peakMb, nowMb) = bench.Api.Memory();
            bench.Results.Write("memory", $"API peak working set during the command load {peakMb:N0} MB (now {nowMb:N0} MB); target < 500 MB",
                new { PeakWorkingSetMb = peakMb, WorkingSetMb = nowMb, Source = "/proc/<pid>/status VmHWM, reset via clear_refs before the load", Target = peakMb < 500 });
        }
    }

    /// <summary>An open-loop load at a fixed rate: latency counts from each request's planned start (no coordinated omission).</summary>
    private static async Task<Paced> PacedAsync(Bench bench, IReadOnlyList<(string Method, string Path, string Token, string? Body)> requests,
        double rate, TimeSpan duration)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(bench.Api.Url) };
        var latencies = new Latencies();
        long errors = 0;
        var clock = Stopwatch.StartNew();
        var total = (int)(rate * duration.TotalSeconds);
        var inflight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var planned = TimeSpan.FromSeconds(i / rate);
            var wait = planned - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var (method, path, token, body) = requests[i % requests.Count];
            inflight.Add(Task.Run(async () =>
            {
                using var message = new HttpRequestMessage(new HttpMethod(method), path);
                message.Headers.Authorization = new("Bearer", token);
                if (body is not null) message.Content = new StringContent(body, Encoding.UTF8, "application/json");
                try
                {
                    using var response = await http.SendAsync(message);
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException) { Interlocked.Increment(ref errors); }
                latencies.Add(clock.Elapsed - planned);
            }));
        }
        await Task.WhenAll(inflight);
        return new Paced(Math.Round(rate, 1), Math.Round(total / clock.Elapsed.TotalSeconds, 1), latencies.Percentile(50), latencies.Percentile(95),
            latencies.Percentile(99), total, errors);
    }
}
