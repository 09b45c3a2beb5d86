using Npgsql;
using Testcontainers.PostgreSql;
using YiyangTasks.Api.Storage;

namespace YiyangTasks.Api.Tests.Infrastructure;

/// <summary>
/// The one PostgreSQL server the whole test run shares, found in this order: the connection string in
/// YIYANG_TEST_DB; else a Testcontainers PostgreSQL when a Docker engine answers; else a throwaway
/// cluster of our own (LocalPostgres) in a temp folder. Each test class gets its own database in it.
/// YIYANG_TEST_REQUIRE_DOCKER=1 (set by .ci/run when it has an engine) turns the fallback into an error.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<Task<string>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databases;

    /// <summary>Where the server came from, for test output.</summary>
    public static string Source { get; private set; } = "not started";

    /// <summary>Creates a fresh database for one test class and answers its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var serverConnection = await Server.Value;
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}_{Sanitize(purpose)}";
        await using (var connection = new NpgsqlConnection(serverConnection))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(serverConnection) { Database = name }.ConnectionString;
    }

    private static string Sanitize(string purpose)
    {
        var letters = new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        return letters.Length > 30 ? letters[..30] : letters;
    }

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("YIYANG_TEST_DB");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            Source = "YIYANG_TEST_DB";
            return configured;
        }

        if (DockerMayAnswer())
        {
            try
            {
                var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                await container.StartAsync(timeout.Token);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
                Source = "Testcontainers";
                return container.GetConnectionString();
            }
            catch (Exception e) when (Environment.GetEnvironmentVariable("YIYANG_TEST_REQUIRE_DOCKER") != "1")
            {
                Console.Error.WriteLine($"Docker did not give us a PostgreSQL ({e.GetType().Name}: {e.Message}); using a local cluster.");
            }
        }

        if (Environment.GetEnvironmentVariable("YIYANG_TEST_REQUIRE_DOCKER") == "1")
            throw new InvalidOperationException("YIYANG_TEST_REQUIRE_DOCKER=1 but no Docker engine answers (DOCKER_HOST or /var/run/docker.sock).");
        var local = await StartLocalClusterAsync();
        Source = $"local cluster in {local.DataDirectory}";
        return local.ConnectionString();
    }

    /// <summary>
    /// The fallback without Docker: a throwaway cluster of our own in a temp folder (fsync off), stopped and removed
    /// when the test process exits. Public so that its own test runs it even where Docker answers.
    /// </summary>
    public static async Task<LocalPostgres> StartLocalClusterAsync()
    {
        await RemoveClustersOfEndedRunsAsync();
        var folder = Path.Combine(Path.GetTempPath(), $"yiyang-tests-{Environment.ProcessId}-{Guid.NewGuid():N}", "data");
        var server = await LocalPostgres.StartAsync(folder, durable: false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            server.StopAsync().GetAwaiter().GetResult();
            try { Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        };
        return server;
    }

    /// <summary>
    /// A test host that was killed leaves its cluster running and its folder behind: stop and remove those of
    /// runs whose process is gone, so a machine that runs the suite often does not fill up with servers.
    /// </summary>
    private static async Task RemoveClustersOfEndedRunsAsync()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "yiyang-tests-*"))
        {
            var parts = Path.GetFileName(dir).Split('-');
            if (parts.Length < 3 || !int.TryParse(parts[2], out var pid) || pid == Environment.ProcessId || Directory.Exists($"/proc/{pid}")) continue;
            try
            {
                var data = Path.Combine(dir, "data");
                if (File.Exists(Path.Combine(data, "postmaster.pid"))) await LocalPostgres.StopClusterAsync(data);
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                Console.Error.WriteLine($"Could not remove the stale test cluster {dir}: {e.Message}");
            }
        }
    }

    /// <summary>A Docker engine is worth asking only where one could be: DOCKER_HOST or the default socket.</summary>
    private static bool DockerMayAnswer() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")) || File.Exists("/var/run/docker.sock");
}
