using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using YiyangTasks.Api.Identity;

namespace YiyangTasks.Benchmarks.Harness;

/// <summary>
/// The API as production runs it: the Release build started with `dotnet YiyangTasks.Api.dll` on a loopback port,
/// Production environment, our database and signing key, the digest's schedule moved out of the way.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    public const string SigningKey = "benchmark-signing-key-0123456789-abcdefghij";
    private readonly Process _process;
    private readonly StreamWriter _log;

    private readonly string _dll;
    private readonly string _connectionString;

    private ApiProcess(Process process, StreamWriter log, string url, string dll, string connectionString)
    {
        _process = process;
        _log = log;
        Url = url;
        _dll = dll;
        _connectionString = connectionString;
    }

    public string Url { get; }
    public int Pid => _process.Id;
    public TokenIssuer Tokens { get; } = new(new AuthSettings(SigningKey, "yiyangtasks", "yiyangtasks-api", null), TimeProvider.System);

    /// <summary>`dotnet YiyangTasks.Api.dll db-apply`: production applies the schema before it starts (README, "Upgrading").</summary>
    private static async Task ApplySchemaAsync(string dll, string connectionString)
    {
        var (exitCode, output) = await RunCommandAsync(dll, connectionString, ["db-apply"]);
        if (exitCode != 0) throw new InvalidOperationException($"db-apply exited with {exitCode}: {output}");
    }

    /// <summary>
    /// One of the host's commands as an operator runs it in production (`dotnet YiyangTasks.Api.dll projections rebuild`):
    /// its exit code and what it printed (standard error, then standard output).
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string dll, string connectionString, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var a in arguments.Prepend(dll)) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Marten"] = connectionString;
        start.Environment["Auth__SigningKey"] = SigningKey;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {string.Join(' ', arguments)}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await error + await output);
    }

    /// <summary>The API's own command line (the same Release build this process runs).</summary>
    public Task<(int ExitCode, string Output)> RunCommandAsync(params string[] arguments) => RunCommandAsync(_dll, _connectionString, arguments);

    public static async Task<ApiProcess> StartAsync(string repository, string connectionString, string logFile)
    {
        var dll = await BuildAsync(repository);
        await ApplySchemaAsync(dll, connectionString);
        var port = YiyangTasks.Api.Storage.LocalPostgres.FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "--urls", $"http://127.0.0.1:{port}" }) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Marten"] = connectionString;
        start.Environment["Auth__SigningKey"] = SigningKey;
        start.Environment["Digest__Cron"] = "0 0 1 1 *";
        start.Environment["Digest__CatchUpOnStart"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the API.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var api = new ApiProcess(process, log, $"http://127.0.0.1:{port}", dll, connectionString);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The API exited with {process.ExitCode}; see {logFile}.");
            try
            {
                if ((await http.GetAsync($"{api.Url}/health/ready")).StatusCode == HttpStatusCode.OK) return api;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The API was not ready within 2 minutes; see {logFile}.");
            await Task.Delay(200);
        }
    }

    public HttpClient Client(string role, string? unit = null, string? name = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(role, unit, name));
        return client;
    }

    public string Token(string role, string? unit = null, string? name = null) =>
        Tokens.Mint(role, unit, name ?? (unit is null ? role : $"{unit}联络员"), TimeSpan.FromHours(6));

    /// <summary>VmHWM (peak resident set) and VmRSS of the API process, in MB.</summary>
    public (double PeakMb, double NowMb) Memory()
    {
        var status = File.ReadAllLines($"/proc/{Pid}/status");
        double Field(string name) => long.Parse(status.First(l => l.StartsWith(name, StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
        return (Math.Round(Field("VmHWM:"), 1), Math.Round(Field("VmRSS:"), 1));
    }

    /// <summary>Resets the kernel's peak-RSS mark (VmHWM) so the next reading is the peak of what follows.</summary>
    public void ResetPeakMemory()
    {
        try { File.WriteAllText($"/proc/{Pid}/clear_refs", "5"); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private bool _stopped;

    /// <summary>Stops the API (the rebuild scenario stops it before the operator's command); a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopped) return;
        _stopped = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    /// <summary>The Release build of the API: dotnet run -c Release built it as our reference; build it if not.</summary>
    private static async Task<string> BuildAsync(string repository)
    {
        var project = Path.Combine(repository, "src", "YiyangTasks.Api");
        var dll = Path.Combine(project, "bin", "Release", "net10.0", "YiyangTasks.Api.dll");
        if (File.Exists(dll)) return dll;
        var build = Process.Start(new ProcessStartInfo("dotnet", ["build", "-c", "Release", "--nologo", "-v", "q", project]) { UseShellExecute = false })!;
        await build.WaitForExitAsync();
        if (build.ExitCode != 0 || !File.Exists(dll)) throw new InvalidOperationException($"Building {project} in Release failed.");
        return dll;
    }
}
