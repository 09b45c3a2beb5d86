using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Api.Tests.Tasks;
using YiyangTasks.Domain.Tasks;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Reliability;

/// <summary>A host that works on one write at a time and lets none wait.</summary>
public sealed class OneWriteHost : ApiFactory
{
    public OneWriteHost() =>
        Settings = new Dictionary<string, string> { [WriteAdmission.ConfigurationKey] = "1", [WriteAdmission.QueueConfigurationKey] = "0" };
}

/// <summary>
/// Writes are admitted a few at a time (WriteAdmission): reads are never held back, and a write that finds every permit
/// taken and no room to wait is refused with a 503 problem and a Retry-After, nothing stored, then taken once a permit frees.
/// </summary>
public class WriteAdmissionTests(OneWriteHost api) : IClassFixture<OneWriteHost>
{
    [Fact]
    public async Task A_write_beyond_the_permits_and_the_queue_is_refused_with_503_and_nothing_is_stored_reads_still_answer()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var liaison = api.As(Roles.Liaison, HealthCommission);
        var before = (await api.EventsAsync(planId, 1)).Count;

        // The one permit, held as a write in progress would hold it: the limiter is the one the pipeline uses.
        var limiter = api.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;
        using (var held = limiter.AttemptAcquire(new DefaultHttpContext { Request = { Method = HttpMethods.Post } }))
        {
            Assert.True(held.IsAcquired);

            using var refused = await liaison.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"), TaskLifecycleTests.Report(1, "排队已满"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.JsonAsync();
            Assert.EndsWith("too-many-writes", problem.GetProperty("type").GetString());
            Assert.Equal("当前提交过多，本次操作未保存任何内容，请稍后重试。", problem.GetProperty("detail").GetString());
            Assert.Equal(before, (await api.EventsAsync(planId, 1)).Count);

            // Reads are not writes: they answer while the permit is held.
            using var read = await liaison.GetAsync(TaskUrl(planId, 1));
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using var taken = await liaison.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"), TaskLifecycleTests.Report(1, "许可已释放"));
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var after = await api.EventsAsync(planId, 1);
        Assert.Equal(before + 1, after.Count);
        Assert.IsType<ProgressReported>(after[^1]);
    }
}
