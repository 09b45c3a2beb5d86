using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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

/// <summary>Several API processes on one database share the projection daemon through Wolverine: one runs the report figures at a time.</summary>
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
                // A node silent for this long is taken for dead, and its agents are given to the living.
                options.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(5);
            }));
        }
    }

    [Fact]
    public async Task Two_processes_run_the_report_figures_on_one_node_at_a_time_and_the_other_takes_over_when_that_one_stops()
    {
        var database = await TestPostgres.CreateDatabaseAsync("projectiondistribution");
        var a = new Node(database);
        var b = new Node(database);
        try
        {
            var nodes = new[] { a.Id, b.Id };
            var owner = await Eventually.Get(async () => await OwnersAsync(database) is [var one] ? (object)one : null,
                TimeSpan.FromSeconds(60), "one node to run the report figures");
            Assert.Contains((Guid)owner, nodes);

            // Writes through both processes; the figures count each once, whichever process wrote.
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
                TimeSpan.FromSeconds(60), "the other node to take the report figures over");

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

    [Fact]
    public async Task When_the_process_running_the_report_figures_is_killed_mid_burst_another_takes_over_and_counts_every_event_once()
    {
        var database = await TestPostgres.CreateDatabaseAsync("projectionkill");
        string planId;
        await using (var seed = new Node(database))
        {
            planId = await seed.RegisterTwoTaskPlanAsync();
            using var health = seed.As(Roles.Liaison, HealthCommission);
            Assert.Equal(HttpStatusCode.OK, (await health.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);
        }

        // The API as production runs it, in its own process: alone on the database, it takes the report figures.
        var output = new List<string>();
        using var killed = ApiProgram.Start([], new Dictionary<string, string?>(ApiProgram.Production(database))
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{LocalPostgres.FreeLoopbackPort()}",
        });
        killed.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        killed.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        killed.BeginOutputReadLine();
        killed.BeginErrorReadLine();
        Node? survivor = null;
        try
        {
            var first = (Guid)await Eventually.Get(async () =>
            {
                Assert.False(killed.HasExited, $"The API process exited:\n{Lines(output)}");
                return await OwnersAsync(database) is [var one] ? (object)one : null;
            }, TimeSpan.FromSeconds(120), "the API process to run the report figures");

            survivor = new Node(database);
            Assert.NotEqual(first, survivor.Id);
            using var health = survivor.As(Roles.Liaison, HealthCommission);
            for (var i = 1; i <= 40; i++)
            {
                if (i == 15)
                {
                    // Mid-burst: the daemon's process dies without a goodbye (SIGKILL), its batch in flight.
                    killed.Kill(entireProcessTree: true);
                    await killed.WaitForExitAsync();
                }
                var report = await health.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"),
                    Tasks.TaskLifecycleTests.Report(Math.Min(100, i * 2), $"第{i}次进展报告。"));
                Assert.Equal(HttpStatusCode.OK, report.StatusCode);
            }

            var takenOver = (Guid)await Eventually.Get(async () => await OwnersAsync(database) is [var one] && one != first ? (object)one : null,
                TimeSpan.FromSeconds(90), "the surviving process to take the report figures over");
            Assert.Equal(survivor.Id, takenOver);
            await survivor.ProjectionsCaughtUpAsync();

            // Every event once: each task's figures hold what a fold of its whole stream gives, no event lost or applied twice.
            await using var session = survivor.Services.GetRequiredService<IDocumentStore>().QuerySession();
            foreach (var number in new[] { 1, 2 })
            {
                var key = SupervisedTask.StreamKey(planId, number);
                var fold = await session.Events.AggregateStreamAsync<SupervisedTask>(key);
                var figures = await session.LoadAsync<TaskFigures>(key);
                Assert.NotNull(fold);
                Assert.NotNull(figures);
                Assert.Equal(JsonSerializer.Serialize(TaskFigures.Compact(fold)), JsonSerializer.Serialize(figures.Task));
            }
        }
        finally
        {
            if (!killed.HasExited) killed.Kill(entireProcessTree: true);
            if (survivor is not null) await survivor.DisposeAsync();
        }
    }

    private static string Lines(List<string> output)
    {
        lock (output) return string.Join('\n', output.TakeLast(60));
    }

    /// <summary>The Wolverine nodes the report figures' agent is assigned to, by Wolverine's own ledger.</summary>
    private static async Task<Guid[]> OwnersAsync(string database, string projection = ReportFiguresProjection.Name)
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
        var figures = await session.LoadAsync<TaskFigures>(SupervisedTask.StreamKey(planId, 1));
        return figures!.Task.Acknowledgements.Count;
    }
}
