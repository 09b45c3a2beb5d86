using System.Net;
using System.Text;
using System.Text.Json;
using Npgsql;
using YiyangTasks.Api;
using YiyangTasks.Benchmarks.Harness;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Benchmarks.Scenarios;

/// <summary>
/// A task's cost must not grow with its history: the demo plan xinyang (the seed document, imported through the API),
/// 8 connections posting progress reports round-robin over the tasks of the unit on most of them, for far more reports
/// than a real task collects. Each minute: throughput and latency (wrk), the largest task document, the task-document
/// table's size, and the API's working set. Targets: the last minute within 10 % of the first, the largest task document
/// under 16 KB, the working set flat (the last minute within 15 % of the first).
/// </summary>
public static class Soak
{
    private const string PlanId = "xinyang";
    private const int Connections = 8;

    public sealed record Minute(int Number, double RequestsPerSecond, double P50Ms, double P99Ms, long Errors,
        int LargestTaskDocumentBytes, int LargestTaskJsonChars, long TaskTableBytes, long EventTableBytes, double WorkingSetMb, double LoadAverage);

    public static async Task RunAsync(Bench bench, TimeSpan duration)
    {
        if (Wrk.Path is null)
        {
            Console.WriteLine($"[soak] SKIPPED: wrk is not on PATH; install it with `{Wrk.InstallHint}`");
            bench.Results.Write("soak", "skipped: wrk not installed", new { Skipped = true, Install = Wrk.InstallHint });
            return;
        }
        var (unit, tasks) = await ImportDemoPlanAsync(bench);
        var token = bench.Api.Token("liaison", unit);
        var now = DateTimeOffset.UtcNow;
        // The month running in Beijing: a period already begun, and not over before the plan was assigned (just now).
        var today = ChinaTime.DateOf(now);
        var month = new DateOnly(today.Year, today.Month, 1);
        var body = $$"""{"periodStart":"{{month:yyyy-MM-dd}}","periodEnd":"{{month.AddMonths(1).AddDays(-1):yyyy-MM-dd}}","status":"onTrack","percentDone":40,"narrative":"本月完成机构摸底和培训，签约服务持续推进。"}""";
        var requests = tasks.Select(n => ("POST", Bench.TaskPath(PlanId, n, "/progress-reports"), token, (string?)body)).ToArray();
        var script = bench.Wrk.WriteScript("soak", requests, once: true);
        Console.WriteLine($"  soak: {unit}, {tasks.Count} tasks of plan {PlanId}, {Connections} connections, {duration.TotalMinutes:F0} minutes");

        var minutes = new List<Minute>();
        var count = Math.Max(1, (int)Math.Round(duration.TotalMinutes));
        for (var m = 1; m <= count; m++)
        {
            var wrk = await bench.Wrk.RunAsync(bench.Api.Url, script, Connections, TimeSpan.FromMinutes(1));
            var sizes = await SizesAsync(bench);
            var minute = new Minute(m, wrk.RequestsPerSecond, wrk.P50Ms, wrk.P99Ms, wrk.Errors + wrk.Non2xx, sizes.LargestBytes, sizes.LargestChars,
                sizes.TaskTable, sizes.EventTable, bench.Api.Memory().NowMb, LoadAverage());
            minutes.Add(minute);
            Console.WriteLine($"  minute {m}: {minute.RequestsPerSecond:N0} req/s, p50 {minute.P50Ms} ms, p99 {minute.P99Ms} ms, errors {minute.Errors}; " +
                              $"largest task {minute.LargestTaskDocumentBytes:N0} B; task table {minute.TaskTableBytes / 1048576.0:N1} MB, " +
                              $"events {minute.EventTableBytes / 1048576.0:N1} MB; working set {minute.WorkingSetMb:N0} MB; load {minute.LoadAverage:F1}");
        }

        var first = minutes[0];
        var last = minutes[^1];
        var reportsPerTask = minutes.Sum(m => m.RequestsPerSecond * 60) / tasks.Count;
        var targets = new
        {
            LastMinuteWithin10PercentOfFirst = last.RequestsPerSecond >= first.RequestsPerSecond * 0.9,
            LargestTaskDocumentUnder16Kb = minutes.Max(m => m.LargestTaskDocumentBytes) < 16 * 1024,
            WorkingSetFlat = last.WorkingSetMb <= first.WorkingSetMb * 1.15,
        };
        bench.Results.Write("soak",
            $"{unit} × {tasks.Count} tasks, c={Connections}, {count} min: minute 1 {first.RequestsPerSecond:N0}/s → minute {count} {last.RequestsPerSecond:N0}/s " +
            $"(p99 {first.P99Ms} → {last.P99Ms} ms); ~{reportsPerTask:N0} reports per task; largest task document {minutes.Max(m => m.LargestTaskDocumentBytes):N0} B; " +
            $"working set {first.WorkingSetMb:N0} → {last.WorkingSetMb:N0} MB; errors {minutes.Sum(m => m.Errors)}",
            new { Unit = unit, Tasks = tasks.Count, Connections, Minutes = minutes, ReportsPerTask = Math.Round(reportsPerTask), Targets = targets });
    }

    /// <summary>Imports the seed document of the demo plan xinyang as the office would; answers the unit on most tasks and those tasks.</summary>
    private static async Task<(string Unit, IReadOnlyList<int> Tasks)> ImportDemoPlanAsync(Bench bench)
    {
        var seeds = RepositoryFolders.Seeds(bench.Repository) ?? throw new InvalidOperationException("The seed documents (../shared/seeds) were not found.");
        var file = Directory.GetFiles(seeds, "003_*.txt").Single();
        using var office = bench.Api.Client("office", name: "王主任");
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
        content.Headers.ContentType = new("text/plain") { CharSet = "utf-8" };
        var imported = await office.PostAsync($"/api/plans/import?planId={PlanId}&jurisdiction={Uri.EscapeDataString("信阳市")}", content);
        if (imported.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
            throw new InvalidOperationException($"Importing the demo plan answered {(int)imported.StatusCode}: {await imported.Content.ReadAsStringAsync()}");

        using var page = JsonDocument.Parse(await office.GetStringAsync($"/api/plans/{PlanId}/tasks?pageSize=500"));
        var onTask = page.RootElement.GetProperty("tasks").EnumerateArray()
            .SelectMany(t => t.GetProperty("leadUnits").EnumerateArray().Concat(t.GetProperty("cooperatingUnits").EnumerateArray())
                .Select(u => (Unit: u.GetString()!, Number: t.GetProperty("number").GetInt32())))
            .Distinct()
            .GroupBy(p => p.Unit)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .First();
        return (onTask.Key, onTask.Select(p => p.Number).Order().ToArray());
    }

    private static async Task<(int LargestBytes, int LargestChars, long TaskTable, long EventTable)> SizesAsync(Bench bench)
    {
        await using var db = new NpgsqlConnection(bench.Connection.ConnectionString);
        await db.OpenAsync();
        await using var query = new NpgsqlCommand(
            "select coalesce(max(pg_column_size(data)), 0), coalesce(max(length(data::text)), 0), " +
            "pg_total_relation_size('yiyang.mt_doc_supervisedtask'), pg_total_relation_size('yiyang.mt_events') " +
            "from yiyang.mt_doc_supervisedtask", db);
        await using var reader = await query.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private static double LoadAverage() =>
        File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) : double.NaN;
}
