using System.Net;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;
using Wolverine.Runtime;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Reports.Projections;
using YiyangTasks.Api.Storage;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Domain.Tasks;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Reports;

/// <summary>Several API processes on one database share the projection daemon through Wolverine: one runs the summaries at a time.</summary>
public class ProjectionDistributionTests
{
    /// <summary>An API process whose Wolverine checks its nodes' health every second (production: the defaults).</summary>
    private sealed class Node : ApiFactory
    {
        public Node(string connectionString) => ConnectionString = connectionString;

        public Guid Id => Services.GetRequiredService<IWolverineRuntime>().Options.UniqueNodeId;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureWolverine(options =>
            {
                options.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(1);
                options.Durability.CheckAssignmentPeriod = TimeSpan.FromSeconds(1);
            }));
        }
    }

    [Fact]
    public async Task Two_processes_run_the_summaries_on_one_node_at_a_time_and_the_other_takes_over_when_that_one_stops()
    {
        var database = await TestPostgres.CreateDatabaseAsync("projectiondistribution");
        var a = new Node(database);
        var b = new Node(database);
        try
        {
            var nodes = new[] { a.Id, b.Id };
            var owner = await Eventually.Get(async () => await OwnersAsync(database) is [var one] ? (object)one : null,
                TimeSpan.FromSeconds(60), "one node to run the task summaries");
            Assert.Contains((Guid)owner, nodes);

            // Writes through both processes; the summaries count each once, whichever process wrote.
            var planId = await a.RegisterTwoTaskPlanAsync();
            using (var health = b.As(Roles.Liaison, HealthCommission))
                Assert.Equal(HttpStatusCode.OK, (await health.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);
            await b.ProjectionsCaughtUpAsync();
            Assert.Equal([(Guid)owner], await OwnersAsync(database));
            Assert.Single(await OwnersAsync(database, ReportFiguresProjection.Name));
            Assert.Equal(1, await AcknowledgementsAsync(b, planId));

            var (running, other) = (Guid)owner == a.Id ? (a, b) : (b, a);
            var otherId = other.Id;
            await running.DisposeAsync();
            await Eventually.Get(async () => await OwnersAsync(database) is [var one] && one == otherId ? (object)one : null,
                TimeSpan.FromSeconds(60), "the other node to take the task summaries over");

            using (var civil = other.As(Roles.Liaison, CivilAffairs))
                Assert.Equal(HttpStatusCode.OK, (await civil.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);
            await other.ProjectionsCaughtUpAsync();
            Assert.Equal(2, await AcknowledgementsAsync(other, planId));
            using var office = other.As(Roles.Office);
            var row = (await (await office.GetAsync($"/api/reports/timeliness?plan={planId}")).JsonAsync()).EnumerateArray()
                .Single(r => r.GetProperty("unit").GetString() == CivilAffairs);
            Assert.Equal(1, row.GetProperty("acknowledgementsOnTime").GetInt32());
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
        }
    }

    /// <summary>The Wolverine nodes the task summaries' agent is assigned to, by Wolverine's own ledger.</summary>
    private static async Task<Guid[]> OwnersAsync(string database, string projection = nameof(TaskSummary))
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select node_id from {EventStore.MessagingSchema}.wolverine_node_assignments where id ilike '%{projection}%'", connection);
        var owners = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) owners.Add(reader.GetGuid(0));
        return [.. owners];
    }

    private static async Task<int> AcknowledgementsAsync(ApiFactory api, string planId)
    {
        await using var session = api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var summary = await session.LoadAsync<TaskSummary>(SupervisedTask.StreamKey(planId, 1));
        return summary!.Task.Acknowledgements.Count;
    }
}
