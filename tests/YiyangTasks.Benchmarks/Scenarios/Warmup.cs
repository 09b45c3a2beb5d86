using System.Text;
using YiyangTasks.Benchmarks.Harness;

namespace YiyangTasks.Benchmarks.Scenarios;

/// <summary>
/// A few of every request before measuring: the API compiles Wolverine's generated handlers at first use and the JIT
/// warms up; none of that belongs in the figures.
/// </summary>
public static class Warmup
{
    public static async Task RunAsync(Bench bench)
    {
        var now = DateTimeOffset.UtcNow;
        using var office = bench.Api.Client("office", name: "王主任");
        using var supervision = bench.Api.Client("supervision", name: "陈组长");
        var planId = bench.Workload.Reporters[0].PlanId;
        foreach (var (plan, number, unit) in bench.Workload.Reporters.Take(40))
        {
            using var liaison = bench.Api.Client("liaison", unit);
            using var body = new StringContent(Bench.ProgressBody(now, 20), Encoding.UTF8, "application/json");
            (await liaison.PostAsync(Bench.TaskPath(plan, number, "/progress-reports"), body)).EnsureSuccessStatusCode();
            (await liaison.GetAsync(Bench.TaskPath(plan, number))).EnsureSuccessStatusCode();
        }
        for (var i = 0; i < 3; i++)
        {
            (await office.GetAsync($"/api/reports/timeliness?plan={planId}")).EnsureSuccessStatusCode();
            (await office.GetAsync($"/api/reports/plans/{planId}/overview")).EnsureSuccessStatusCode();
            (await office.GetAsync(Bench.TaskPath(planId, 1, "/history"))).EnsureSuccessStatusCode();
            (await supervision.GetAsync($"/api/audit/events?plan={planId}&pageSize=50")).EnsureSuccessStatusCode();
        }
    }
}
