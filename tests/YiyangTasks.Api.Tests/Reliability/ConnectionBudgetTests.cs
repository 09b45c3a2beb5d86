using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Storage;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Api.Tests.Tasks;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Reliability;

/// <summary>
/// One API process stays within its connection budget under a burst and gives its connections back when it stops;
/// when its pool stays full, a command waits, then gets a 503 problem, and is served again once a connection is free.
/// </summary>
public class ConnectionBudgetTests
{
    [Fact]
    public async Task Under_sixty_concurrent_writers_a_process_holds_at_most_its_budget_and_none_after_it_stops()
    {
        var database = await TestPostgres.CreateDatabaseAsync(nameof(ConnectionBudgetTests));
        var api = ApiFactory.OnDatabase(database, ApiFactory.Start);
        try
        {
            var planId = await api.RegisterTwoTaskPlanAsync();
            using var health = api.As(Roles.Liaison, HealthCommission);

            using var sampling = new CancellationTokenSource();
            var sampler = PeakConnectionsAsync(database, sampling.Token);
            var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
                health.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"), TaskLifecycleTests.Report(i, $"写入{i}"))));
            await sampling.CancelAsync();
            var peak = await sampler;

            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            Assert.InRange(peak, 2, ConnectionBudget.MaxPoolSize);
        }
        finally
        {
            await api.DisposeAsync();
        }
        await Eventually.True(async () => await ConnectionsAsync(database) == 0, TimeSpan.FromSeconds(10),
            "the stopped host's connections to be closed");
    }

    [Fact]
    public async Task While_every_pooled_connection_is_taken_a_command_waits_then_gets_a_503_and_afterwards_it_is_served()
    {
        var database = new NpgsqlConnectionStringBuilder(await TestPostgres.CreateDatabaseAsync("ConnectionBudgetFull")) { MaxPoolSize = 4, Timeout = 3 };
        await using var api = ApiFactory.OnDatabase(database.ConnectionString, ApiFactory.Start);
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var health = api.As(Roles.Liaison, HealthCommission);

        // Take what the host's pool has left (its durability agent may hold one); the pool then refuses after its timeout.
        var pool = api.Services.GetRequiredService<NpgsqlDataSource>();
        var taken = new List<NpgsqlConnection>();
        try
        {
            while (true)
            {
                try { taken.Add(await pool.OpenConnectionAsync()); }
                catch (NpgsqlException) { break; }
            }
            Assert.InRange(taken.Count, 1, 4);

            var clock = Stopwatch.StartNew();
            var refused = await health.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(database.Timeout - 0.5), TimeSpan.FromSeconds(database.Timeout + 5)); // it waited for a slot
            Assert.Equal("/problems/database-unavailable", (await refused.JsonAsync()).GetProperty("type").GetString());
        }
        finally
        {
            foreach (var connection in taken) await connection.DisposeAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await health.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);
        Assert.Equal(2, await api.VersionAsync(planId, 1)); // assigned, then acknowledged once: the refused command left nothing
    }

    [Theory]
    [InlineData("Host=db;Database=x", ConnectionBudget.MaxPoolSize, ConnectionBudget.Timeout, ConnectionBudget.AutoPrepared)]
    [InlineData("Host=db;Database=x;Maximum Pool Size=50;Timeout=10", 50, 10, ConnectionBudget.AutoPrepared)]
    [InlineData("Host=db;Database=x;Max Auto Prepare=0", ConnectionBudget.MaxPoolSize, ConnectionBudget.Timeout, 0)]
    [InlineData("Host=db;Database=x;max auto prepare=20", ConnectionBudget.MaxPoolSize, ConnectionBudget.Timeout, 20)]
    public void The_budget_applies_where_the_connection_string_leaves_the_defaults(string connectionString, int pool, int timeout, int prepared)
    {
        var applied = ConnectionBudget.Apply(connectionString);
        Assert.Equal(pool, applied.MaxPoolSize);
        Assert.Equal(timeout, applied.Timeout);
        Assert.Equal(prepared, applied.MaxAutoPrepare);
        Assert.Equal(ConnectionBudget.ApplicationName, applied.ApplicationName);
    }

    /// <summary>The most connections the API held to this database while sampling ran.</summary>
    private static async Task<int> PeakConnectionsAsync(string database, CancellationToken stop)
    {
        var peak = 0;
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, await ConnectionsAsync(database));
            try { await Task.Delay(10, stop); } catch (OperationCanceledException) { }
        }
        return peak;
    }

    private static async Task<int> ConnectionsAsync(string database)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(database) { Pooling = false, ApplicationName = "budget-probe" };
        await using var connection = new NpgsqlConnection(unpooled.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "select count(*) from pg_stat_activity where datname = current_database() and application_name = @name", connection);
        count.Parameters.AddWithValue("name", ConnectionBudget.ApplicationName);
        return Convert.ToInt32(await count.ExecuteScalarAsync());
    }
}
