using System.Diagnostics;
using System.Text;
using YiyangTasks.Benchmarks.Harness;

namespace YiyangTasks.Benchmarks.Scenarios;

/// <summary>
/// Reads at scale under concurrent readers (no cache anywhere: each answer is read from the projections): a plan's
/// timeliness report, a plan overview, one unit across every plan, a task by number, its history, an audit page. Each
/// reader takes the next kind in turn on a random plan and task; p50/p95 per kind. Then each kind alone (one reader, 20 requests),
/// to tell a read's own cost from its wait behind the others. Then the same readers each write a
/// progress report to a task of a plan and at once read that plan's report and overview (the case a cache of answers
/// would not help).
/// </summary>
public static class Reads
{
    public static async Task RunAsync(Bench bench)
    {
        using var office = bench.Api.Client("office", name: "王主任");
        using var supervision = bench.Api.Client("supervision", name: "陈组长");
        var plans = bench.Workload.Reporters.Select(r => r.PlanId).Distinct().ToArray();
        var units = bench.Workload.Units.ToArray();
        var tasksPerPlan = bench.Scale.TasksPerPlan;
        var kinds = new (string Name, HttpClient Client, Func<Random, string> Url)[]
        {
            ("timeliness-report", office, r => $"/api/reports/timeliness?plan={plans[r.Next(plans.Length)]}"),
            ("plan-overview", office, r => $"/api/reports/plans/{plans[r.Next(plans.Length)]}/overview"),
            ("unit-across-plans", office, r => $"/api/reports/timeliness?unit={Uri.EscapeDataString(units[r.Next(units.Length)])}"),
            ("task", office, r => Bench.TaskPath(plans[r.Next(plans.Length)], 1 + r.Next(tasksPerPlan))),
            ("task-history", office, r => Bench.TaskPath(plans[r.Next(plans.Length)], 1 + r.Next(tasksPerPlan), "/history")),
            ("audit-page", supervision, r => $"/api/audit/events?plan={plans[r.Next(plans.Length)]}&pageSize=50&page={1 + r.Next(5)}"),
        };
        var latencies = kinds.Select(k => k.Name).Concat(["timeliness-report-after-write", "plan-overview-after-write"])
            .ToDictionary(k => k, _ => new Latencies());
        long errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, bench.Scale.ReadConcurrency).Select(async reader =>
        {
            var random = new Random(reader);
            for (var i = reader; clock.Elapsed < bench.Scale.ReadLoad; i++)
            {
                var (name, client, url) = kinds[i % kinds.Length];
                if (!await TimedGetAsync(client, url(random), latencies[name])) Interlocked.Increment(ref errors);
            }
        }));
        var readSeconds = clock.Elapsed.TotalSeconds;

        // Each kind alone, one request at a time: what the read costs by itself, apart from the queueing behind the others.
        var solo = kinds.ToDictionary(k => k.Name, _ => new Latencies());
        var soloRandom = new Random(50);
        foreach (var (name, client, url) in kinds)
            for (var i = 0; i < SoloRequests; i++)
                if (!await TimedGetAsync(client, url(soloRandom), solo[name])) Interlocked.Increment(ref errors);

        // Right after a write to the same plan: a liaison reports on a task, then the office reads that plan.
        var now = DateTimeOffset.UtcNow;
        var byPlan = bench.Workload.Reporters.GroupBy(r => r.PlanId).ToDictionary(g => g.Key, g => g.ToArray());
        var liaisons = units.ToDictionary(u => u, u => bench.Api.Client("liaison", u));
        long writes = 0;
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, bench.Scale.ReadConcurrency).Select(async reader =>
        {
            var random = new Random(100 + reader);
            while (clock.Elapsed < bench.Scale.ReadLoad)
            {
                var plan = plans[random.Next(plans.Length)];
                var (_, number, unit) = byPlan[plan][random.Next(byPlan[plan].Length)];
                using (var body = new StringContent(Bench.ProgressBody(now, 60), Encoding.UTF8, "application/json"))
                using (var posted = await liaisons[unit].PostAsync(Bench.TaskPath(plan, number, "/progress-reports"), body))
                    if (!posted.IsSuccessStatusCode) Interlocked.Increment(ref errors); else Interlocked.Increment(ref writes);
                if (!await TimedGetAsync(office, $"/api/reports/timeliness?plan={plan}", latencies["timeliness-report-after-write"])) Interlocked.Increment(ref errors);
                if (!await TimedGetAsync(office, $"/api/reports/plans/{plan}/overview", latencies["plan-overview-after-write"])) Interlocked.Increment(ref errors);
            }
        }));
        foreach (var client in liaisons.Values) client.Dispose();

        var figures = latencies.Select(k => new
        {
            Kind = k.Key, Requests = k.Value.Count, P50Ms = k.Value.Percentile(50), P95Ms = k.Value.Percentile(95), P99Ms = k.Value.Percentile(99),
        }).ToArray();
        var alone = solo.Select(k => new { Kind = k.Key, Requests = k.Value.Count, P50Ms = k.Value.Percentile(50), P95Ms = k.Value.Percentile(95) }).ToArray();
        var worstP95 = figures.Max(f => f.P95Ms);
        bench.Results.Write("reads",
            $"{bench.Scale.ReadConcurrency} readers, no cache: " + string.Join("; ", figures.Select(f => $"{f.Kind} p50 {f.P50Ms} p95 {f.P95Ms} ms")) +
            $"; {writes:N0} writes in the after-write phase; errors {errors}; target p95 < 50 ms" +
            "; alone (1 reader): " + string.Join("; ", alone.Select(f => $"{f.Kind} p50 {f.P50Ms} p95 {f.P95Ms} ms")),
            new { Readers = bench.Scale.ReadConcurrency, Seconds = Math.Round(readSeconds, 1), AfterWriteSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
                  Kinds = figures, Alone = alone, Writes = writes, Errors = errors, TasksPerPlan = tasksPerPlan, Cache = "none", Target = worstP95 < 50 });
    }

    /// <summary>Requests of each kind in the one-reader phase.</summary>
    private const int SoloRequests = 20;

    private static async Task<bool> TimedGetAsync(HttpClient client, string url, Latencies latencies)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        latencies.Add(Stopwatch.GetElapsedTime(started));
        return response.IsSuccessStatusCode;
    }
}
