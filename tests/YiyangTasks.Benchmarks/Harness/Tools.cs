using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace YiyangTasks.Benchmarks.Harness;

/// <summary>Runs a program and answers its exit code and output.</summary>
public static class Run
{
    public static async Task<(int ExitCode, string Output)> CaptureAsync(string program, IEnumerable<string> arguments,
        IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The machine's load average (1, 5, 15 minutes) as /proc/loadavg gives it: other work on the shared cores.</summary>
    public static string? LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null;

    public static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);
}

/// <summary>What pgbench measured: committed single-row inserts per second and their mean latency.</summary>
public sealed record PgBenchResult(int Connections, double Tps, double MeanLatencyMs, long Transactions);

/// <summary>
/// The physical reference: pgbench on the same server committing one single-row insert per transaction into a table
/// of ours, at a given concurrency. Nothing that commits one event per request can beat one commit per request.
/// </summary>
public sealed class PgBench(string binDirectory, NpgsqlConnectionStringBuilder connection, string folder)
{
    private const string Table = "bench_reference_insert";

    public async Task PrepareAsync()
    {
        await using var db = new NpgsqlConnection(connection.ConnectionString);
        await db.OpenAsync();
        // A row shaped like an event: a stream key, a small JSON body, the commit time.
        await using var create = new NpgsqlCommand(
            $"create table if not exists {Table} (id bigserial primary key, stream_id text not null, data jsonb not null, at timestamptz not null default now())", db);
        await create.ExecuteNonQueryAsync();
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(ScriptPath,
            $"\\set n random(1, 100000)\ninsert into {Table} (stream_id, data) values ('bench/' || :n, '{{\"status\":\"onTrack\",\"percentDone\":10}}');\n");
    }

    private string ScriptPath => Path.Combine(folder, "insert-one-row.sql");

    /// <summary>pgbench next to the server binaries we use (following a symlinked initdb), else on PATH.</summary>
    private string Program
    {
        get
        {
            var initdb = new FileInfo(Path.Combine(binDirectory, "initdb"));
            var real = initdb.LinkTarget is { } target ? Path.GetDirectoryName(Path.GetFullPath(target, binDirectory))! : binDirectory;
            return new[] { Path.Combine(real, "pgbench"), Path.Combine(binDirectory, "pgbench") }.FirstOrDefault(File.Exists)
                ?? Run.OnPath("pgbench") ?? throw new InvalidOperationException($"pgbench not found next to {initdb.FullName} nor on PATH.");
        }
    }

    public async Task<PgBenchResult> RunAsync(int connections, TimeSpan duration)
    {
        var (code, output) = await Run.CaptureAsync(Program,
        [
            "-n", "-h", connection.Host!, "-p", connection.Port.ToString(CultureInfo.InvariantCulture), "-U", connection.Username!,
            "-c", connections.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(connections, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
            "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), "-M", "prepared", "-f", ScriptPath, connection.Database!,
        ], new Dictionary<string, string> { ["PGPASSWORD"] = connection.Password! });
        if (code != 0) throw new InvalidOperationException($"pgbench failed: {output}");
        double Number(string pattern) => double.Parse(Regex.Match(output, pattern).Groups[1].Value, CultureInfo.InvariantCulture);
        return new PgBenchResult(connections, Math.Round(Number(@"tps = ([\d.]+)"), 1), Number(@"latency average = ([\d.]+) ms"),
            (long)Number(@"number of transactions actually processed: (\d+)"));
    }
}

/// <summary>What wrk measured: requests per second, latency percentiles, and answers that were not 2xx/3xx or failed.</summary>
public sealed record WrkResult(int Connections, double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms, double MaxMs,
    long Requests, long Errors, long Non2xx);

/// <summary>
/// wrk with a Lua script we generate: each request picks a (task, unit) pair and sends that unit's liaison token, so
/// the load spreads over many streams and tokens. The script's done() prints the figures as one JSON line.
/// </summary>
public sealed class Wrk(string folder)
{
    public static string? Path => Run.OnPath("wrk");

    public const string InstallHint = "apt-get install -y wrk";

    /// <summary>Writes the script: requests are pre-formatted in init(); random picks, or each thread walks its own slice once.</summary>
    public string WriteScript(string name, IReadOnlyList<(string Method, string Path, string Token, string? Body)> requests, bool once)
    {
        Directory.CreateDirectory(folder);
        var lua = new System.Text.StringBuilder();
        lua.AppendLine("local specs = {");
        foreach (var (method, path, token, body) in requests)
            lua.AppendLine($"  {{ {Lua(method)}, {Lua(path)}, {Lua(token)}, {(body is null ? "nil" : Lua(body))} }},");
        lua.AppendLine("}");
        lua.AppendLine($$"""
            local counter = 1
            function setup(thread)
              thread:set("id", counter)
              counter = counter + 1
            end
            local prepared = {}
            local cursor = 0
            local step = 1
            function init(args)
              step = tonumber(args[1]) or 1
              for i, s in ipairs(specs) do
                local headers = { ["Authorization"] = "Bearer " .. s[3] }
                if s[4] ~= nil then headers["Content-Type"] = "application/json" end
                prepared[i] = wrk.format(s[1], s[2], headers, s[4])
              end
              cursor = id - step
            end
            function request()
              {{(once
                  ? "cursor = cursor + step\n  if cursor > #prepared then cursor = ((cursor - 1) % #prepared) + 1 end\n  return prepared[cursor]"
                  : "return prepared[math.random(#prepared)]")}}
            end
            function done(summary, latency, requests)
              local e = summary.errors
              io.write(string.format('WRKJSON {"requests":%d,"duration_us":%d,"p50":%d,"p95":%d,"p99":%d,"max":%d,"errors":%d,"non2xx":%d}\n',
                summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
                e.connect + e.read + e.write + e.timeout, e.status))
            end
            """);
        var file = System.IO.Path.Combine(folder, $"{name}.lua");
        File.WriteAllText(file, lua.ToString());
        return file;
    }

    public async Task<WrkResult> RunAsync(string url, string script, int connections, TimeSpan duration)
    {
        var threads = Math.Min(connections, Environment.ProcessorCount);
        var (code, output) = await Run.CaptureAsync(Path!,
            ["-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
             "-d", $"{(int)duration.TotalSeconds}s", "--timeout", "10s", "-s", script, url, "--", threads.ToString(CultureInfo.InvariantCulture)]);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("WRKJSON ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk answered no figures (exit {code}): {output}");
        var json = JsonDocument.Parse(line["WRKJSON ".Length..]).RootElement;
        long L(string name) => json.GetProperty(name).GetInt64();
        var seconds = L("duration_us") / 1e6;
        return new WrkResult(connections, Math.Round(L("requests") / seconds, 1), L("p50") / 1000.0, L("p95") / 1000.0, L("p99") / 1000.0,
            L("max") / 1000.0, L("requests"), L("errors"), L("non2xx"));
    }

    private static string Lua(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
}
