using System.Diagnostics;
using YiyangTasks.Api.Storage;
using YiyangTasks.Api.Tests.Infrastructure;

namespace YiyangTasks.Api.Tests.Storage;

/// <summary>
/// README's run command on a fresh clone in a folder only its owner may enter (a clone under /root, a 0700 temp
/// folder): as root the development cluster must live where the postgres OS user can reach it; as an ordinary
/// user it lives in the clone's .data/postgres.
/// </summary>
public class StartAnywhereTests
{
    [Fact]
    public async Task The_development_host_starts_from_a_clone_in_a_0700_folder_and_stops_its_cluster()
    {
        if (!OperatingSystem.IsLinux()) return;
        var outer = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"yiyang-0700-{Guid.NewGuid():N}"));
        File.SetUnixFileMode(outer.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var clone = Path.Combine(outer.FullName, "repo");
        await RunAsync("git", "clone", "--quiet", "--depth", "1", $"file://{RepositoryFolders.Root(AppContext.BaseDirectory)}", clone);
        var asked = Path.Combine(clone, ".data", "postgres");
        var expected = LocalPostgres.RunAsUser() is null ? asked : LocalPostgres.ReachableFolderFor(asked);
        var port = LocalPostgres.FreeLoopbackPort();
        var lines = new List<string>();
        try
        {
            using var host = ApiProgram.Start([], new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ConnectionStrings__Marten"] = null,
            }, workingDirectory: Path.Combine(clone, "src", "YiyangTasks.Api"));
            host.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
            host.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
            host.BeginOutputReadLine();
            host.BeginErrorReadLine();

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (!await ReadyAsync(http, port))
            {
                Assert.False(host.HasExited, $"The host exited with {(host.HasExited ? host.ExitCode : 0)}:\n{string.Join('\n', lines)}");
                Assert.True(DateTime.UtcNow < deadline, $"Not ready within 3 minutes:\n{string.Join('\n', lines)}");
                await Task.Delay(250);
            }
            Assert.True(File.Exists(Path.Combine(expected, "PG_VERSION")));
            Assert.True(File.Exists(Path.Combine(expected, "postmaster.pid")));
            lock (lines) Assert.Contains(lines, l => l.Contains($"Development database: local PostgreSQL in {expected}"));

            await RunAsync("kill", "-TERM", host.Id.ToString());
            Assert.True(host.WaitForExit(60_000), "The host did not stop on SIGTERM.");
            Assert.False(File.Exists(Path.Combine(expected, "postmaster.pid")), "The host left its cluster running.");
        }
        finally
        {
            await LocalPostgres.StopClusterAsync(expected).ContinueWith(_ => { });
            Directory.Delete(outer.FullName, recursive: true);
            if (expected != asked) Directory.Delete(Path.GetDirectoryName(expected)!, recursive: true);
        }
    }

    private static async Task<bool> ReadyAsync(HttpClient http, int port)
    {
        try
        {
            return (await http.GetAsync($"http://127.0.0.1:{port}/health/ready")).IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { UseShellExecute = false, RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)}: {error}");
    }
}
