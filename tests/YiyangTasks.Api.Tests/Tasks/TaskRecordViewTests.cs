using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Domain.Tasks;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Tasks;

/// <summary>
/// The stored task keeps the report in force per unit and period and counts; the task's view still shows its whole
/// record — every report (superseded ones flagged), finding, admonishment — read from its events, now and as of an instant.
/// </summary>
public class TaskRecordViewTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static object March(int percent, Guid? supersedes = null) => new
    {
        periodStart = "2026-03-01", periodEnd = "2026-03-31", status = "onTrack", percentDone = percent, narrative = "本月进展", supersedes,
    };

    [Fact]
    public async Task A_task_reported_on_again_and_again_shows_every_report_while_it_stores_the_one_in_force()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var health = api.As(Roles.Liaison, HealthCommission);
        using var supervision = api.As(Roles.Supervision, name: "陈组长");

        var first = await health.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"), March(10));
        var firstId = Guid.Parse((await first.JsonAsync()).GetProperty("recordId").GetString()!);
        for (var percent = 20; percent <= 50; percent += 10)
            Assert.Equal(HttpStatusCode.OK, (await health.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"), March(percent))).StatusCode);
        var corrected = await health.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"), March(55, supersedes: firstId));
        Assert.Equal(HttpStatusCode.Conflict, corrected.StatusCode); // the first was replaced by later reports of its period
        Assert.Equal(HttpStatusCode.OK, (await supervision.PostAsJsonAsync(TaskUrl(planId, 1, "/supervision"),
            new { rating = "fair", notes = "材料不全。" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervision.PostAsJsonAsync(TaskUrl(planId, 1, "/admonishments"),
            new { units = new[] { CivilAffairs }, reason = "未报送。" })).StatusCode);

        var view = (await (await supervision.GetAsync(TaskUrl(planId, 1))).JsonAsync()).GetProperty("task");
        Assert.Equal([10, 20, 30, 40, 50], view.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("percentDone").GetInt32()));
        Assert.Equal(5, view.GetProperty("currentReports").GetArrayLength());
        Assert.Equal("fair", view.GetProperty("findings")[0].GetProperty("rating").GetString());
        Assert.Equal(CivilAffairs, view.GetProperty("admonishments")[0].GetProperty("units")[0].GetString());
        Assert.Equal("inProgress", view.GetProperty("status").GetString());

        var listed = (await (await supervision.GetAsync($"/api/plans/{planId}/tasks")).JsonAsync()).GetProperty("tasks")[0];
        Assert.Equal(5, listed.GetProperty("reports").GetArrayLength());
        Assert.Equal(1, listed.GetProperty("findings").GetArrayLength());

        var asOf = (await (await supervision.GetAsync(TaskUrl(planId, 1) + "?asOf=" + Uri.EscapeDataString(api.Clock.GetUtcNow().ToString("O"))))
            .JsonAsync()).GetProperty("task");
        Assert.Equal(5, asOf.GetProperty("reports").GetArrayLength());

        await using var session = api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var stored = (await session.LoadAsync<SupervisedTask>(SupervisedTask.StreamKey(planId, 1)))!;
        Assert.Equal(50, Assert.Single(stored.Reports).PercentDone);
        Assert.Equal(5, stored.ReportCount);
        Assert.Equal(new RatingCounts(Fair: 1), stored.Ratings);
    }
}
