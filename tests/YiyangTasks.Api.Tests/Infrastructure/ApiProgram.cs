using System.Diagnostics;
using System.Text;

namespace YiyangTasks.Api.Tests.Infrastructure;

/// <summary>The API's built program run as a real process, `dotnet YiyangTasks.Api.dll ARGS`, as an operator runs it.</summary>
public static class ApiProgram
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    /// <summary>The API's own build output, in the configuration these tests were built in.</summary>
    public static string Dll
    {
        get
        {
            var root = RepositoryFolders.Root(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("No repository above the tests.");
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            return Path.Combine(root, "src", "YiyangTasks.Api", "bin", configuration, "net10.0", "YiyangTasks.Api.dll");
        }
    }

    /// <summary>
    /// Production settings for a command against <paramref name="connectionString"/> (null: none configured), with a
    /// connect timeout long enough for a machine busy with other builds (the host's own default is 3 s).
    /// </summary>
    public static Dictionary<string, string?> Production(string? connectionString) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Marten"] = connectionString is null ? null
            : new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Timeout = 30 }.ConnectionString,
        ["Auth__SigningKey"] = ApiFactory.SigningKey,
    };

    /// <summary>Starts the program; the caller reads or stops it.</summary>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(Dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment)
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the API program.");
    }

    /// <summary>Runs a command to its end (failing the test if it does not end within two minutes).</summary>
    public static async Task<Outcome> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment)
    {
        using var process = Start(args, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The command did not end within two minutes: {await error}");
        }
        return new Outcome(process.ExitCode, await output, await error);
    }
}
