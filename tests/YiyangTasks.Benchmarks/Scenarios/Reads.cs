using System.Diagnostics;
using YiyangTasks.Benchmarks.Harness;

namespace YiyangTasks.Benchmarks.Scenarios;

/// <summary>
/// Reads at scale under concurrent readers: a plan's timeliness report, a plan overview, a task by number, its history,
/// an audit page. Each reader takes the next kind in turn on a random plan and task; p50/p95 per kind.
/// </summary>
public static class Reads
{
    public static async Task RunAsync(Bench bench)
    {
        using var office = bench.Api.Client("office", name: "王主任");
        using var supervision = bench.Api.Client("supervision", name: "陈组长");
        var plans = bench.Workload.Reporters.Select(r => r.PlanId).Distinct().ToArray();
        var tasksPerPlan = bench.Scale.TasksPerPlan;
        var kinds = new (string Name, HttpClient Client, Func<Random, string> Url)[]
        {
            ("timeliness-report", office, r => $"/api/reports/timeliness?plan={plans[r.Next(plans.Length)]}"),
            ("plan-overview", office, r => $"/api/reports/plans/{plans[r.Next(plans.Length)]}/overview"),
            ("task", office, r => Bench.TaskPath(plans[r.Next(plans.Length)], 1 + r.Next(tasksPerPlan))),
            ("task-history", office, r => Bench.TaskPath(plans[r.Next(plans.Length)], 1 + r.Next(tasksPerPlan), "/history")),
            ("audit-page", supervision, r => $"/api/audit/events?plan={plans[r.Next(plans.Length)]}&pageSize=50&page={1 + r.Next(5)}"),
        };
        var latencies = kinds.ToDictionary(k => k.Name, _ => new Latencies());
        long errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, bench.Scale.ReadConcurrency).Select(async reader =>
        {
            var random = new Random(reader);
            for (var i = reader; clock.Elapsed < bench.Scale.ReadLoad; i++)
            {
                var (name, client, url) = kinds[i % kinds.Length];
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url(random), HttpCompletionOption.ResponseContentRead);
                latencies[name].Add(Stopwatch.GetElapsedTime(started));
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
            }
        }));
        var figures = kinds.Select(k => new
        {
            Kind = k.Name, Requests = latencies[k.Name].Count, P50Ms = latencies[k.Name].Percentile(50),
            P95Ms = latencies[k.Name].Percentile(95), P99Ms = latencies[k.Name].Percentile(99),
        }).ToArray();
        var reportsP95 = Math.Max(latencies["timeliness-report"].Percentile(95), latencies["plan-overview"].Percentile(95));
        bench.Results.Write("reads",
            $"{bench.Scale.ReadConcurrency} readers: " + string.Join("; ", figures.Select(f => $"{f.Kind} p50 {f.P50Ms} p95 {f.P95Ms} ms")) + $"; errors {errors}",
            new { Readers = bench.Scale.ReadConcurrency, Seconds = Math.Round(clock.Elapsed.TotalSeconds, 1), Kinds = figures, Errors = errors,
                  TasksPerPlan = tasksPerPlan, Target = reportsP95 < 50 });
    }
}
