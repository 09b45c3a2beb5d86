using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace YiyangTasks.Api.Storage;

/// <summary>
/// A PostgreSQL cluster of our own in a folder: created with initdb, started with pg_ctl on a free
/// loopback port, stopped on dispose. Used by the tests and by the development host when no
/// connection string is configured and no Docker engine answers.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private const string Superuser = "yiyang";
    private const string Password = "yiyang";

    private readonly string _binDirectory;
    private readonly string? _runAsUser;
    private bool _stopped;

    private LocalPostgres(string dataDirectory, string binDirectory, int port, string? runAsUser)
    {
        DataDirectory = dataDirectory;
        _binDirectory = binDirectory;
        Port = port;
        _runAsUser = runAsUser;
    }

    /// <summary>The cluster's folder.</summary>
    public string DataDirectory { get; }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>A connection string to the given database of this cluster.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Password = Password,
        Database = database,
    }.ConnectionString;

    /// <summary>
    /// Creates the cluster in <paramref name="dataDirectory"/> if it has none yet, then starts it on a
    /// free loopback port (or reuses one already running there) and waits until it accepts connections.
    /// </summary>
    /// Pass durable = false for throwaway test clusters: fsync off, which is much faster and loses
    /// nothing a test cares about. As root, when the unprivileged user cannot reach the folder, the cluster
    /// lives in <see cref="ReachableFolderFor"/> instead (see <see cref="DataDirectory"/>).
    public static async Task<LocalPostgres> StartAsync(string dataDirectory, bool durable = true,
        CancellationToken cancellationToken = default)
    {
        var bin = FindBinDirectory();
        dataDirectory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var runAs = RunAsUser();
        if (runAs is not null)
        {
            await RunAsync("chown", ["-R", runAs, dataDirectory], null, cancellationToken);
            if (!await CanReachAsync(runAs, dataDirectory, cancellationToken))
            {
                dataDirectory = ReachableFolderFor(dataDirectory);
                Directory.CreateDirectory(dataDirectory);
                await RunAsync("chown", ["-R", runAs, Path.GetDirectoryName(dataDirectory)!], null, cancellationToken);
            }
        }

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            var passwordFile = Path.Combine(dataDirectory, "..", $".{Path.GetFileName(dataDirectory)}.pw");
            await File.WriteAllTextAsync(passwordFile, Password, cancellationToken);
            if (runAs is not null) await RunAsync("chown", [runAs, passwordFile], null, cancellationToken);
            try
            {
                await RunAsync(Path.Combine(bin, "initdb"),
                    ["-D", dataDirectory, "-U", Superuser, "--pwfile", passwordFile, "-A", "scram-sha-256",
                        "-E", "UTF8", "--locale", "C.UTF-8", "--no-instructions"], runAs, cancellationToken);
            }
            finally
            {
                File.Delete(passwordFile);
            }
        }

        var running = ReadRunningPort(dataDirectory);
        if (running is int port && await AcceptsConnectionsAsync(port, cancellationToken))
            return new LocalPostgres(dataDirectory, bin, port, runAs) { _stopped = true }; // not ours to stop

        // A cluster started again comes back on its last port when it can, so its clients reconnect by themselves.
        port = running is int last && IsFree(last) ? last : FreeLoopbackPort();
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''";  // max_connections: the default, 100
        if (!durable) options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunAsync(Path.Combine(bin, "pg_ctl"),
            ["-D", dataDirectory, "-l", Path.Combine(dataDirectory, "server.log"), "-o", options, "-w", "-t", "60", "start"],
            runAs, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, "yiyang.port"), port.ToString(), cancellationToken);

        var server = new LocalPostgres(dataDirectory, bin, port, runAs);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await AcceptsConnectionsAsync(port, cancellationToken))
        {
            if (DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"PostgreSQL in {dataDirectory} did not accept connections on port {port}; see server.log there.");
            await Task.Delay(100, cancellationToken);
        }
        return server;
    }

    /// <summary>Creates a database in this cluster if it does not exist.</summary>
    public async Task CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null) return;
        await using var create = new NpgsqlCommand($"create database \"{name.Replace("\"", "\"\"")}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Stops the server (fast shutdown) unless it was already running before we came.</summary>
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], _runAsUser, default);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Stops (immediately) a cluster left running in a folder, e.g. by a test run that was killed.</summary>
    public static Task StopClusterAsync(string dataDirectory) =>
        RunAsync(Path.Combine(FindBinDirectory(), "pg_ctl"), ["-D", dataDirectory, "-m", "immediate", "-w", "stop"], RunAsUser(), default);

    /// <summary>initdb/pg_ctl from PATH, else the newest /usr/lib/postgresql/*/bin.</summary>
    public static string FindBinDirectory()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
        if (onPath is not null) return onPath;

        const string root = "/usr/lib/postgresql";
        var installed = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1))
                .Where(x => File.Exists(Path.Combine(x.dir, "bin", "initdb")))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.dir, "bin"))
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries found (initdb and pg_ctl on PATH or under /usr/lib/postgresql/*/bin). " +
            "Install PostgreSQL, or configure a connection string.");
    }

    /// <summary>initdb and postgres refuse to run as root, so as root we run them as an unprivileged user.</summary>
    internal static string? RunAsUser()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() || geteuid() != 0) return null;
        var configured = Environment.GetEnvironmentVariable("YIYANG_POSTGRES_OS_USER");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var passwd = File.Exists("/etc/passwd") ? File.ReadAllLines("/etc/passwd") : [];
        if (passwd.Any(line => line.StartsWith("postgres:", StringComparison.Ordinal))) return "postgres";
        if (passwd.Any(line => line.StartsWith("nobody:", StringComparison.Ordinal))) return "nobody";
        throw new InvalidOperationException("Running as root and no unprivileged user (postgres or nobody) to run PostgreSQL as; set YIYANG_POSTGRES_OS_USER.");
    }

    /// <summary>
    /// Where a cluster asked for in <paramref name="dataDirectory"/> lives when, as root, the unprivileged user
    /// cannot enter that folder (a clone under /root, or inside a 0700 folder): one folder per path asked for
    /// under /var/tmp, which outlives restarts as .data does.
    /// </summary>
    public static string ReachableFolderFor(string dataDirectory)
    {
        var full = Path.GetFullPath(dataDirectory);
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..12].ToLowerInvariant();
        return Path.Combine("/var/tmp", $"yiyangtasks-{key}", Path.GetFileName(full));
    }

    /// <summary>Whether <paramref name="user"/> can enter and write <paramref name="folder"/> (every folder above it included).</summary>
    private static async Task<bool> CanReachAsync(string user, string folder, CancellationToken cancellationToken) =>
        await ExitCodeAsync("runuser", ["-u", user, "--", "test", "-w", folder, "-a", "-x", folder], cancellationToken) == 0;

    [DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();

    /// <summary>The port the cluster last listened on (it may or may not be running now).</summary>
    private static int? ReadRunningPort(string dataDirectory)
    {
        var portFile = Path.Combine(dataDirectory, "yiyang.port");
        if (!File.Exists(portFile)) return null;
        return int.TryParse(File.ReadAllText(portFile).Trim(), out var port) ? port : null;
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1", Port = port, Username = Superuser, Password = Password, Database = "postgres",
                Timeout = 2, Pooling = false,
            };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return false;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A loopback port nothing listens on now (the tools start servers on it).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<int> ExitCodeAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/",
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        await Task.WhenAll(process.StandardOutput.ReadToEndAsync(cancellationToken), process.StandardError.ReadToEndAsync(cancellationToken));
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, string? runAs, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            FileName = runAs is null ? program : "runuser",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // initdb and pg_ctl must not start in a folder the unprivileged user cannot read.
            WorkingDirectory = "/",
        };
        if (runAs is not null)
        {
            foreach (var a in new[] { "-u", runAs, "--", program }) start.ArgumentList.Add(a);
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        // Read both streams concurrently; pg_ctl's server keeps no handle on them because -l redirects its log.
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stderr}{await stdout}");
    }
}
