using Npgsql;
using YiyangTasks.Api.Storage;

namespace YiyangTasks.Api.Tests.Storage;

/// <summary>The launcher that gives tests and the development host a PostgreSQL of their own.</summary>
public class LocalPostgresTests
{
    [Fact]
    public async Task Creates_a_cluster_in_a_folder_serves_it_on_loopback_and_stops_on_dispose()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"yiyang-launcher-{Guid.NewGuid():N}", "data");
        int port;
        await using (var server = await LocalPostgres.StartAsync(folder, durable: false))
        {
            port = server.Port;
            Assert.True(File.Exists(Path.Combine(folder, "PG_VERSION")));
            await server.CreateDatabaseAsync("launcher_check");
            await server.CreateDatabaseAsync("launcher_check"); // a second time is a no-op

            await using var connection = new NpgsqlConnection(server.ConnectionString("launcher_check"));
            await connection.OpenAsync();
            await using var query = new NpgsqlCommand("select current_database(), inet_server_addr()::text, current_setting('server_version_num')::int", connection);
            await using var reader = await query.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal("launcher_check", reader.GetString(0));
            Assert.StartsWith("127.0.0.1", reader.GetString(1));
            Assert.True(reader.GetInt32(2) >= 150000);
        }

        Assert.False(File.Exists(Path.Combine(folder, "postmaster.pid")));
        var stopped = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "yiyang", Password = "yiyang", Timeout = 2, Pooling = false };
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var connection = new NpgsqlConnection(stopped.ConnectionString);
            await connection.OpenAsync();
        });
        Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
    }

    [Fact]
    public async Task Starting_again_on_an_existing_cluster_keeps_its_data()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"yiyang-launcher-{Guid.NewGuid():N}", "data");
        await using (var first = await LocalPostgres.StartAsync(folder, durable: false))
            await first.CreateDatabaseAsync("kept");

        await using (var second = await LocalPostgres.StartAsync(folder, durable: false))
        {
            await using var connection = new NpgsqlConnection(second.ConnectionString("kept"));
            await connection.OpenAsync();
            Assert.Equal(System.Data.ConnectionState.Open, connection.State);
        }
        Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
    }

    [Fact]
    public void As_root_the_server_runs_as_an_unprivileged_user_and_otherwise_as_ourselves()
    {
        var runAs = LocalPostgres.RunAsUser();
        if (Environment.UserName == "root")
        {
            Assert.NotNull(runAs);
            Assert.NotEqual("root", runAs);
        }
        else
        {
            Assert.Null(runAs);
        }
    }

    [Fact]
    public void Finds_the_server_binaries()
    {
        var bin = LocalPostgres.FindBinDirectory();
        Assert.True(File.Exists(Path.Combine(bin, "initdb")));
        Assert.True(File.Exists(Path.Combine(bin, "pg_ctl")));
    }
}
