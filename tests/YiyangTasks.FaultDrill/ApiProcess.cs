using System.Diagnostics;

namespace YiyangTasks.FaultDrill;

/// <summary>The API as a real process (the built dll), on a loopback port, against the drill's database.</summary>
public sealed class ApiProcess(string dll, int port, string connectionString, string signingKey) : IAsyncDisposable
{
    private Process? _process;

    public string BaseUrl => $"http://127.0.0.1:{port}";

    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>`dotnet YiyangTasks.Api.dll db-apply`: the schema, as an operator applies it before starting a new version.</summary>
    public async Task ApplySchemaAsync()
    {
        var start = new ProcessStartInfo("dotnet", [dll, "db-apply"]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Marten"] = connectionString;
        start.Environment["Auth__SigningKey"] = signingKey;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run db-apply.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"db-apply exited with {process.ExitCode}: {await error}{await output}");
    }

    public async Task<TimeSpan> StartAsync(HttpClient probe)
    {
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Marten"] = connectionString;
        start.Environment["Auth__SigningKey"] = signingKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the API.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitReadyAsync(probe, TimeSpan.FromSeconds(90));
        return clock.Elapsed;
    }

    public async Task WaitReadyAsync(HttpClient probe, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var answer = await probe.GetAsync($"{BaseUrl}/health/ready");
                if (answer.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The API on {BaseUrl} was not ready within {within}.");
    }

    /// <summary>kill -9: no shutdown, no flushing, as a crash.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
    }

    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } p) return;
        p.Kill(entireProcessTree: true); // the drill does not need a graceful stop at its end
        await p.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
