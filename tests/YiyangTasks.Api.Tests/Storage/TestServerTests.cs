using Npgsql;
using YiyangTasks.Api.Tests.Infrastructure;

namespace YiyangTasks.Api.Tests.Storage;

/// <summary>
/// The tests' PostgreSQL has the defaults a production server has, whichever way it came (Testcontainers or the
/// throwaway cluster); and the throwaway cluster still works where Docker answers and the suite does not use it.
/// </summary>
public class TestServerTests
{
    [Fact]
    public async Task The_shared_test_server_runs_with_the_default_max_connections()
    {
        var database = await TestPostgres.CreateDatabaseAsync(nameof(TestServerTests));
        Assert.Equal(100, await MaxConnectionsAsync(database));
        Assert.NotEqual("not started", TestPostgres.Source);
    }

    [Fact]
    public async Task The_fallback_without_Docker_starts_a_throwaway_cluster_with_the_default_max_connections()
    {
        var server = await TestPostgres.StartLocalClusterAsync();
        try
        {
            await server.CreateDatabaseAsync("fallback_check");
            Assert.StartsWith(Path.GetTempPath(), server.DataDirectory);
            Assert.Equal(100, await MaxConnectionsAsync(server.ConnectionString("fallback_check")));
        }
        finally
        {
            await server.StopAsync();
        }
    }

    private static async Task<int> MaxConnectionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var show = new NpgsqlCommand("select current_setting('max_connections')::int", connection);
        return (int)(await show.ExecuteScalarAsync())!;
    }
}
