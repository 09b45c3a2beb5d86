using System.Net;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Reports;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Reports;

/// <summary>Reports are kept briefly between reads, and a command on the plan shows in the next read at once.</summary>
public class ReportFreshnessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_command_shows_in_the_next_report_read_even_though_reports_are_kept_between_reads()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var office = api.As(Roles.Office);
        async Task<int> AcknowledgedOnTime() => (await (await office.GetAsync($"/api/reports/timeliness?plan={planId}")).JsonAsync())
            .EnumerateArray().Single(r => r.GetProperty("unit").GetString() == HealthCommission).GetProperty("acknowledgementsOnTime").GetInt32();
        async Task<int> Acknowledged() => (await (await office.GetAsync($"/api/reports/plans/{planId}/overview")).JsonAsync())
            .GetProperty("tasksByStatus").TryGetProperty("assigned", out var assigned) ? 2 - assigned.GetInt32() : 2;

        Assert.Equal(0, await AcknowledgedOnTime());
        Assert.Equal(0, await Acknowledged());
        Assert.Equal(0, await AcknowledgedOnTime()); // a second read within the minute is served from the cache

        using (var health = api.As(Roles.Liaison, HealthCommission))
            Assert.Equal(HttpStatusCode.OK, (await health.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);
        using (var civil = api.As(Roles.Liaison, CivilAffairs))
            Assert.Equal(HttpStatusCode.OK, (await civil.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);

        Assert.Equal(1, await AcknowledgedOnTime());
        Assert.Equal(1, await Acknowledged());
    }

    [Fact]
    public async Task The_cache_drops_a_plans_reports_when_the_plan_is_touched_and_keeps_other_plans()
    {
        var cache = new ReportCache(api.Clock);
        var computed = 0;
        Task<string> Compute() => Task.FromResult($"report {++computed}");

        Assert.Equal("report 1", await cache.GetOrComputeAsync("a", "overview", Compute));
        Assert.Equal("report 1", await cache.GetOrComputeAsync("a", "overview", Compute));
        Assert.Equal("report 2", await cache.GetOrComputeAsync("b", "overview", Compute));
        cache.Touch("a");
        Assert.Equal("report 3", await cache.GetOrComputeAsync("a", "overview", Compute));
        Assert.Equal("report 2", await cache.GetOrComputeAsync("b", "overview", Compute));
        api.Clock.Advance(ReportCache.MaxAge + TimeSpan.FromSeconds(1)); // another process's writes show within MaxAge
        Assert.Equal("report 4", await cache.GetOrComputeAsync("b", "overview", Compute));
        api.Clock.Set(ApiFactory.Start);
    }
}
