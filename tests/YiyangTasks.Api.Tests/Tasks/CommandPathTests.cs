using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using YiyangTasks.Api.Audit;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Reports.Projections;
using YiyangTasks.Api.Tasks;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Tasks;

/// <summary>
/// The command path (README, "Command path"): every answer names the event sequence its write reached, so a client can
/// wait for the reports to show it; and the stream head a command chains its events to is known without reading it again.
/// </summary>
public class CommandPathTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static long SequenceOf(HttpResponseMessage answer) =>
        long.Parse(answer.Headers.GetValues(TaskWrites.SequenceHeader).Single());

    [Fact]
    public async Task A_client_that_just_wrote_reads_the_report_until_its_sequence_reaches_the_write()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var health = api.As(Roles.Liaison, HealthCommission);

        var acknowledged = await health.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null);

        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var written = SequenceOf(acknowledged);
        Assert.Equal(await api.Services.GetRequiredService<ReportProjections>().LatestEventAsync(default), written);

        // What a client does: read again until the report reflects its write, then the write is in it.
        using var office = api.As(Roles.Office);
        var reads = 0;
        HttpResponseMessage report;
        do
        {
            if (reads++ > 0) await Task.Delay(20);
            report = await office.GetAsync($"/api/reports/timeliness?plan={planId}");
            Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        } while (long.Parse(report.Headers.GetValues(ReportProjections.SequenceHeader).Single()) < written && reads < 1_500);

        Assert.True(long.Parse(report.Headers.GetValues(ReportProjections.SequenceHeader).Single()) >= written, $"after {reads} reads");
        var row = (await report.JsonAsync()).EnumerateArray().Single(r => r.GetProperty("unit").GetString() == HealthCommission);
        Assert.Equal(1, row.GetProperty("acknowledgementsOnTime").GetInt32());
    }

    [Fact]
    public async Task Each_write_reaches_a_later_sequence_and_a_replayed_answer_names_the_same_one()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var civil = api.As(Roles.Liaison, CivilAffairs);
        var first = await civil.PostAsync(TaskUrl(planId, 2, "/acknowledgements"), null);

        var request = () => new HttpRequestMessage(HttpMethod.Post, TaskUrl(planId, 2, "/progress-reports"))
        {
            Headers = { { "Idempotency-Key", "report-march-1" } },
            Content = JsonContent.Create(TaskLifecycleTests.Report(30, "评价制度草案已完成。")),
        };
        var reported = await civil.SendAsync(request());
        var replayed = await civil.SendAsync(request());

        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        Assert.True(SequenceOf(reported) > SequenceOf(first), $"{SequenceOf(first)} then {SequenceOf(reported)}");
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replay").Single());
        Assert.Equal(SequenceOf(reported), SequenceOf(replayed));
        Assert.Equal(3, await api.VersionAsync(planId, 2)); // assigned, acknowledged, reported once
    }

    [Fact]
    public async Task A_command_chains_to_the_head_it_committed_without_reading_it_again_and_reads_a_head_another_process_wrote()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        var chain = (HashChain)((StoreOptions)api.Services.GetRequiredService<IDocumentStore>().Options).Listeners.Single(l => l is HashChain);
        using var health = api.As(Roles.Liaison, HealthCommission);
        using var civil = api.As(Roles.Liaison, CivilAffairs);

        var readsBefore = Interlocked.Read(ref chain.HeadReads);
        Assert.Equal(HttpStatusCode.OK, (await health.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await civil.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await health.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"),
            TaskLifecycleTests.Report(20, "卫健委进展"))).StatusCode);
        Assert.Equal(readsBefore, Interlocked.Read(ref chain.HeadReads));

        // Another process appends to the same task: this one's memory of the head is now behind, so it reads the head.
        await using (var other = ApiFactory.OnDatabase(api.ConnectionString, api.Clock.GetUtcNow()))
        {
            await other.InitializeAsync();
            using var otherCivil = other.As(Roles.Liaison, CivilAffairs);
            Assert.Equal(HttpStatusCode.OK, (await otherCivil.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"),
                TaskLifecycleTests.Report(25, "民政局进展"))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await health.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"),
            TaskLifecycleTests.Report(30, "卫健委进展更新"))).StatusCode);
        Assert.Equal(readsBefore + 1, Interlocked.Read(ref chain.HeadReads));

        using var supervision = api.As(Roles.Supervision);
        var verified = await (await supervision.GetAsync($"/api/audit/verify?plan={planId}")).JsonAsync();
        Assert.True(verified.GetProperty("holds").GetBoolean(), verified.ToString());
        Assert.Equal(8, verified.GetProperty("eventsHashed").GetInt32()); // the plan's, two tasks', two acknowledgements, three reports
    }
}
