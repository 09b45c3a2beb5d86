using System.Net;
using System.Net.Http.Json;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Tasks;

/// <summary>Concurrent writers never lose each other's work; retries with an Idempotency-Key apply once.</summary>
public class ConcurrencyAndRetryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Two_concurrent_acknowledgements_by_the_same_unit_one_succeeds_the_other_is_409()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var first = api.As(Roles.Liaison, HealthCommission);
        using var second = api.As(Roles.Liaison, HealthCommission);

        var answers = await Task.WhenAll(
            first.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null),
            second.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Equal(2, await api.VersionAsync(planId, 1));
        Assert.Single((await api.EventsAsync(planId, 1)).OfType<Domain.Tasks.TaskAcknowledgedByLeadUnit>());
    }

    [Fact]
    public async Task Two_concurrent_progress_reports_are_both_stored_one_version_apart()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var health = api.As(Roles.Liaison, HealthCommission);
        using var insurance = api.As(Roles.Liaison, MedicalInsurance);

        var answers = await Task.WhenAll(
            health.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"), TaskLifecycleTests.Report(20, "卫健委进展")),
            insurance.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"), TaskLifecycleTests.Report(30, "医保局进展")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var versions = await Task.WhenAll(answers.Select(async a => (await a.JsonAsync()).GetProperty("version").GetInt64()));
        Assert.Equal([2L, 3L], versions.Order());
        Assert.Equal(2, (await api.EventsAsync(planId, 1)).OfType<Domain.Tasks.ProgressReported>().Count());
    }

    [Fact]
    public async Task A_stale_If_Match_is_409_with_the_current_version_and_stores_nothing()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var health = api.As(Roles.Liaison, HealthCommission);
        Assert.Equal(HttpStatusCode.OK, (await health.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"), TaskLifecycleTests.Report(10, "a"))).StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Post, TaskUrl(planId, 1, "/acknowledgements"));
        stale.Headers.IfMatch.Add(new("\"1\""));
        var answer = await health.SendAsync(stale);

        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        var problem = await answer.JsonAsync();
        Assert.Equal("/problems/version-conflict", problem.GetProperty("type").GetString());
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt64());
        Assert.Equal(2, await api.VersionAsync(planId, 1));

        var fresh = new HttpRequestMessage(HttpMethod.Post, TaskUrl(planId, 1, "/acknowledgements"));
        fresh.Headers.IfMatch.Add(new("\"2\""));
        Assert.Equal(HttpStatusCode.OK, (await health.SendAsync(fresh)).StatusCode);
    }

    [Fact]
    public async Task A_retry_with_the_same_Idempotency_Key_is_applied_once_and_answered_as_the_first_time()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var health = api.As(Roles.Liaison, HealthCommission, "李卫");

        async Task<HttpResponseMessage> Send(int percent)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, TaskUrl(planId, 1, "/progress-reports"))
            {
                Content = JsonContent.Create(TaskLifecycleTests.Report(percent, "进展")),
            };
            request.Headers.Add("Idempotency-Key", "report-2026-03-health");
            return await health.SendAsync(request);
        }

        var first = await Send(50);
        var retry = await Send(50);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal((await first.JsonAsync()).ToString(), (await retry.JsonAsync()).ToString());
        Assert.Equal(2, await api.VersionAsync(planId, 1));

        var different = await Send(60);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        Assert.Equal("/problems/idempotency-key-reused", (await different.JsonAsync()).GetProperty("type").GetString());
        Assert.Equal(2, await api.VersionAsync(planId, 1));
    }

    [Fact]
    public async Task Concurrent_retries_with_one_Idempotency_Key_store_one_event()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var health = api.As(Roles.Liaison, HealthCommission);
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, TaskUrl(planId, 1, "/progress-reports"))
            {
                Content = JsonContent.Create(TaskLifecycleTests.Report(70, "同一请求")),
            };
            request.Headers.Add("Idempotency-Key", "same-key");
            return health.SendAsync(request);
        }));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Single((await api.EventsAsync(planId, 1)).OfType<Domain.Tasks.ProgressReported>());
    }
}
