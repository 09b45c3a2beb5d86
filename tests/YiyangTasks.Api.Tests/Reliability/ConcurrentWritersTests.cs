using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Api.Tests.Tasks;
using YiyangTasks.Domain.Tasks;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Reliability;

/// <summary>
/// Nothing acknowledged is lost and nothing refused is kept: many writers on one task and on many tasks,
/// then the store is checked answer by answer, versions for gaps, and the projection against a rebuild.
/// </summary>
public class ConcurrentWritersTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Fifty_concurrent_writers_on_one_task_every_2xx_is_stored_once_and_versions_have_no_gaps()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        var units = new[] { HealthCommission, CivilAffairs, MedicalInsurance };
        var clients = units.ToDictionary(u => u, u => api.As(Roles.Liaison, u));

        // 50 writers: progress reports from all three units, plus acknowledgements that the rules allow once per lead unit.
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            var unit = units[i % units.Length];
            var response = i % 10 == 0
                ? await clients[unit].PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)
                : await clients[unit].PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"), TaskLifecycleTests.Report(i, $"写入{i}"));
            return (i, response.StatusCode, Body: response.IsSuccessStatusCode ? await response.JsonAsync() : default);
        }));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.Forbidden,
            $"writer {a.i} got {a.StatusCode}"));
        var events = await api.EventsAsync(planId, 1);
        var reports = events.OfType<ProgressReported>().ToArray();
        var okReports = answers.Where(a => a.i % 10 != 0 && a.StatusCode == HttpStatusCode.OK).ToArray();
        Assert.Equal(45, okReports.Length); // every report is allowed, so every one must have been taken
        Assert.Equal(okReports.Length, reports.Length);
        Assert.Equal(reports.Length, reports.Select(r => r.ReportId).Distinct().Count());
        foreach (var answer in okReports)
            Assert.Contains(reports, r => r.ReportId == answer.Body.GetProperty("recordId").GetGuid());

        var acknowledgements = events.OfType<TaskAcknowledgedByLeadUnit>().ToArray();
        var okAcks = answers.Count(a => a.i % 10 == 0 && a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(okAcks, acknowledgements.Length);
        Assert.Equal(acknowledgements.Length, acknowledgements.Select(a => a.Unit).Distinct().Count());

        await AssertNoGapsAndProjectionMatchesRebuildAsync(SupervisedTask.StreamKey(planId, 1));
        foreach (var client in clients.Values) client.Dispose();
    }

    [Fact]
    public async Task A_thousand_tasks_written_concurrently_are_all_stored_once()
    {
        using var office = api.As(Roles.Office);
        const int count = 1000;
        var planId = $"bulk-{Guid.NewGuid():N}"[..16];
        var registered = await office.PostAsJsonAsync("/api/plans", new
        {
            planId, title = "并发测试方案", jurisdiction = "信阳市",
            tasks = Enumerable.Range(1, count).Select(n => new
            {
                number = n, text = $"任务{n}", leadUnits = new[] { n % 2 == 0 ? HealthCommission : CivilAffairs },
                cooperatingUnits = Array.Empty<string>(),
            }),
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        using var health = api.As(Roles.Liaison, HealthCommission);
        using var civil = api.As(Roles.Liaison, CivilAffairs);
        using var gate = new SemaphoreSlim(32);
        var answers = await Task.WhenAll(Enumerable.Range(1, count).Select(async n =>
        {
            await gate.WaitAsync();
            try
            {
                var response = await (n % 2 == 0 ? health : civil).PostAsync(TaskUrl(planId, n, "/acknowledgements"), null);
                return (n, response.StatusCode);
            }
            finally
            {
                gate.Release();
            }
        }));

        // A 503 is the API saying "nothing was stored, retry" (the database refused a connection while every test class
        // of this run shares one default PostgreSQL). Retried once the burst is over, each must then succeed: a 503
        // whose write had been stored would come back 409 (already acknowledged), and fail here.
        var retried = new List<(int n, HttpStatusCode StatusCode)>();
        foreach (var (n, _) in answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable))
            retried.Add((n, (await (n % 2 == 0 ? health : civil).PostAsync(TaskUrl(planId, n, "/acknowledgements"), null)).StatusCode));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.ServiceUnavailable).Concat(retried),
            a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var store = api.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var acknowledged = await session.Query<SupervisedTask>().Where(t => t.PlanId == planId && t.Status == Domain.Tasks.TaskStatus.Acknowledged).CountAsync();
        Assert.Equal(count, acknowledged);
        foreach (var n in new[] { 1, 2, 500, 999, 1000 })
        {
            Assert.Single((await api.EventsAsync(planId, n)).OfType<TaskAcknowledgedByLeadUnit>());
            await AssertNoGapsAndProjectionMatchesRebuildAsync(SupervisedTask.StreamKey(planId, n));
        }
    }

    private async Task AssertNoGapsAndProjectionMatchesRebuildAsync(string key)
    {
        var store = api.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(key);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(v => (long)v), events.Select(e => e.Version));
        var rebuilt = events.Aggregate((SupervisedTask?)null, (state, e) => SupervisedTask.Evolve(state, e.Data));
        var projected = await session.LoadAsync<SupervisedTask>(key);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(rebuilt), System.Text.Json.JsonSerializer.Serialize(projected));
    }
}
