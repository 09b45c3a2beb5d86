using System.Diagnostics;
using System.Net;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Storage;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Reliability;

/// <summary>While PostgreSQL is down the API answers 503 quickly and is not ready; when it is back, it serves again by itself.</summary>
public class DatabaseOutageTests
{
    [Fact]
    public async Task While_the_database_is_down_commands_get_a_quick_503_and_afterwards_the_API_recovers_by_itself()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"yiyang-outage-{Guid.NewGuid():N}", "data");
        var server = await LocalPostgres.StartAsync(folder, durable: false);
        try
        {
            await server.CreateDatabaseAsync("outage");
            await using var api = ApiFactory.OnDatabase(server.ConnectionString("outage"), ApiFactory.Start);
            await api.InitializeAsync();
            var planId = await api.RegisterTwoTaskPlanAsync();
            using var health = api.As(Roles.Liaison, HealthCommission);
            using var anonymous = api.CreateClient();

            await server.StopAsync();
            var clock = Stopwatch.StartNew();
            var refused = await health.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null);
            var elapsed = clock.Elapsed;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.True(elapsed < TimeSpan.FromSeconds(8), $"the refusal took {elapsed}");
            var problem = await refused.JsonAsync();
            Assert.Equal("/problems/database-unavailable", problem.GetProperty("type").GetString());
            Assert.DoesNotContain("   at ", problem.ToString());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync("/health/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);

            server = await LocalPostgres.StartAsync(folder, durable: false);
            clock.Restart();
            await Eventually.True(async () => (await anonymous.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(30), "the API to be ready again");
            Assert.Equal(HttpStatusCode.OK, (await health.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);
            Assert.Equal(2, await api.VersionAsync(planId, 1)); // the refused command left nothing
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
        }
        finally
        {
            await server.StopAsync();
            try { Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true); } catch (IOException) { }
        }
    }
}
