using System.Net;
using System.Net.Http.Json;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Tasks;

/// <summary>A progress report covers a period already begun, not past the task's running reporting period and not over before the task was assigned; else 409 naming the rule.</summary>
public class ReportPeriodTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static object Period(string from, string to) =>
        new { periodStart = from, periodEnd = to, status = "onTrack", percentDone = 10, narrative = "本期进展" };

    [Theory]
    [InlineData("2030-01-01", "2030-01-31", "report-period-in-future")]
    [InlineData("2026-03-03", "2026-03-31", "report-period-in-future")]
    [InlineData("2026-02-01", "2026-02-28", "report-period-before-assignment")]
    [InlineData("2026-03-01", "2026-12-31", "report-period-past-running-period")] // a monthly task: not April to December in advance
    public async Task A_period_not_yet_begun_reaching_past_the_running_one_or_over_before_assignment_is_409_with_the_rule_and_nothing_stored(
        string from, string to, string rule)
    {
        // The plan is assigned at the factory's start: Monday 2 March 2026, 09:00 in Beijing.
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var health = api.As(Roles.Liaison, HealthCommission);

        var answer = await health.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"), Period(from, to));

        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = await answer.JsonAsync();
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
        Assert.Equal("/problems/rule-violation", problem.GetProperty("type").GetString());
        Assert.Contains("报告期", problem.GetProperty("detail").GetString());
        Assert.Equal(1, await api.VersionAsync(planId, 1));
    }

    [Fact]
    public async Task A_period_begun_today_or_reaching_the_day_of_assignment_is_accepted()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var health = api.As(Roles.Liaison, HealthCommission);

        Assert.Equal(HttpStatusCode.OK, (await health.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"),
            Period("2026-03-02", "2026-03-31"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await health.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"),
            Period("2026-02-01", "2026-03-02"))).StatusCode);
        Assert.Equal(3, await api.VersionAsync(planId, 1));
    }
}
