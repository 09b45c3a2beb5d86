using System.Net;
using YiyangTasks.Api.Identity;
using Microsoft.Extensions.DependencyInjection;
using YiyangTasks.Api.Reports;
using YiyangTasks.Api.Reports.Projections;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Reports;

/// <summary>Reports read the daemon's projection: a command shows once the daemon read it, and each answer says how far that is.</summary>
public class ReportFreshnessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_command_shows_in_the_report_once_the_daemon_read_it_and_the_answer_says_which_events_it_reflects()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var office = api.As(Roles.Office);
        async Task<(int OnTime, long Sequence)> AcknowledgedOnTime()
        {
            var answer = await office.GetAsync($"/api/reports/timeliness?plan={planId}");
            var onTime = (await answer.JsonAsync()).EnumerateArray().Single(r => r.GetProperty("unit").GetString() == HealthCommission)
                .GetProperty("acknowledgementsOnTime").GetInt32();
            return (onTime, long.Parse(answer.Headers.GetValues(ReportProjections.SequenceHeader).Single()));
        }
        async Task<int> Acknowledged() => (await (await office.GetAsync($"/api/reports/plans/{planId}/overview")).JsonAsync())
            .GetProperty("tasksByStatus").TryGetProperty("assigned", out var assigned) ? 2 - assigned.GetInt32() : 2;

        await api.ProjectionsCaughtUpAsync();
        var (before, seen) = await AcknowledgedOnTime();
        Assert.Equal(0, before);
        Assert.Equal(0, await Acknowledged());

        using (var health = api.As(Roles.Liaison, HealthCommission))
            Assert.Equal(HttpStatusCode.OK, (await health.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);
        using (var civil = api.As(Roles.Liaison, CivilAffairs))
            Assert.Equal(HttpStatusCode.OK, (await civil.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);
        var written = await api.Services.GetRequiredService<ReportProjections>().LatestEventAsync(default);

        await api.ProjectionsCaughtUpAsync();
        var (after, reflected) = await AcknowledgedOnTime();
        Assert.Equal(1, after);
        Assert.Equal(1, await Acknowledged());
        Assert.True(reflected >= written && written > seen, $"seen {seen}, written {written}, reflected {reflected}");
    }

    [Fact]
    public async Task Ready_health_shows_each_projections_sequence_against_the_high_water_mark()
    {
        await api.RegisterTwoTaskPlanAsync();
        await api.ProjectionsCaughtUpAsync();
        var written = await api.Services.GetRequiredService<ReportProjections>().LatestEventAsync(default);
        using var anonymous = api.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        request.Headers.Accept.ParseAdd("application/json");

        var ready = await (await anonymous.SendAsync(request)).JsonAsync();

        var data = ready.GetProperty("checks").GetProperty("projections").GetProperty("data");
        Assert.Equal(written, data.GetProperty("latestEvent").GetInt64());
        Assert.True(data.GetProperty($"{ReportFiguresProjection.Name}:All").GetInt64() >= written, data.ToString());
        Assert.True(data.GetProperty("HighWaterMark").GetInt64() >= written, data.ToString());
        Assert.Equal(0, data.GetProperty("lag").GetInt64());
        Assert.Equal("Healthy", await anonymous.GetStringAsync("/health/ready"));
    }
}
