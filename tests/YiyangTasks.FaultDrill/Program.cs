using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using YiyangTasks.Api;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Storage;
using YiyangTasks.FaultDrill;

// The fault drill: under steady command load, (1) kill -9 the API and start it again, (2) stop and start
// PostgreSQL, (3) run two API processes on one database. For each: commands sent, acknowledged, found in the
// store, lost (must be 0), duplicated (must be 0), recovery time. `--short` is the CI version.
var isShort = args.Contains("--short");
var phase = TimeSpan.FromSeconds(isShort ? 4 : 20);
var workers = isShort ? 4 : 16;
const int tasks = 200;
const string signingKey = "fault-drill-signing-key-0123456789-0123456789";
const string planId = "drill";

var root = RepositoryFolders.Root(AppContext.BaseDirectory) ?? throw new InvalidOperationException("YiyangTasks.sln not found above the drill.");
Console.WriteLine($"Fault drill ({(isShort ? "short" : "full")}): {phase.TotalSeconds:0} s per phase, {workers} workers, {tasks} tasks");
var apiDll = await BuildApiAsync(root);
var folder = Path.Combine(Path.GetTempPath(), $"yiyang-drill-{Guid.NewGuid():N}", "data");
var postgres = await LocalPostgres.StartAsync(folder, durable: true);
await postgres.CreateDatabaseAsync("drill");
var database = postgres.ConnectionString("drill");
using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
var reports = new List<FaultReport>();
var issuer = new TokenIssuer(new AuthSettings(signingKey, "yiyangtasks", "yiyangtasks-api", null), TimeProvider.System);
string Token(string role, string? unit = null) => issuer.Mint(role, unit, $"drill {role}", TimeSpan.FromHours(2));
var units = new[] { "市卫健委", "市民政局", "市医保局" };
var liaisons = units.ToDictionary(u => u, u => Token(Roles.Liaison, u));

var apiA = new ApiProcess(apiDll, LocalPostgres.FreeLoopbackPort(), database, signingKey);
var apiB = new ApiProcess(apiDll, LocalPostgres.FreeLoopbackPort(), database, signingKey);
try
{
    await apiA.ApplySchemaAsync(); // production applies the schema with `db-apply`, not at start (README, "Upgrading")
    await apiA.StartAsync(probe);
    await RegisterPlanAsync(apiA.BaseUrl);

    // 1. Crash: kill -9 the API under load, start it again.
    {
        var load = new CommandLoad([apiA.BaseUrl], planId, tasks, liaisons);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers, stop.Token);
        await Task.Delay(phase);
        apiA.Kill();
        var down = Stopwatch.StartNew();
        await apiA.StartAsync(probe);
        var recovery = down.Elapsed;
        await Task.Delay(phase);
        stop.Cancel();
        await running;
        var digests = await Ledger.CountAsync(database, $"select count(*) from {EventStore.Schema}.mt_doc_overduedigest");
        reports.Add(await Ledger.CheckAsync("crash (kill -9 the API)", database, planId, tasks, load.Outcomes, recovery,
            $"digests stored today: {digests}"));
    }

    // 2. Database restart under load: quick 503s while it is down, recovery by itself after.
    {
        var load = new CommandLoad([apiA.BaseUrl], planId, tasks, liaisons);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers, stop.Token);
        await Task.Delay(phase / 2);
        await postgres.StopAsync();
        var downAt = DateTime.UtcNow; // once pg_ctl says it has stopped
        var notReady = (int)(await probe.GetAsync($"{apiA.BaseUrl}/health/ready")).StatusCode;
        await Task.Delay(TimeSpan.FromSeconds(isShort ? 3 : 10));
        var restartAt = DateTime.UtcNow;
        postgres = await LocalPostgres.StartAsync(folder, durable: true);
        var upAt = DateTime.UtcNow;
        var recoveredAt = await FirstSuccessAfterAsync(load, upAt, TimeSpan.FromSeconds(60));
        await Task.Delay(phase / 2);
        stop.Cancel();
        await running;
        var whileDown = load.Answers.Where(a => a.At >= downAt && a.At < upAt).ToArray();
        var slowest = whileDown.Length == 0 ? 0 : whileDown.Max(a => a.Latency.TotalSeconds);
        var whileDownStatuses = whileDown.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}");
        reports.Add(await Ledger.CheckAsync("database restart", database, planId, tasks, load.Outcomes, recoveredAt - restartAt,
            $"/health/ready while down: {notReady}; answers between the stop and the restart: {string.Join(", ", whileDownStatuses)}; " +
            $"slowest answer while down {slowest:0.00} s; PostgreSQL took {(upAt - restartAt).TotalSeconds:0.00} s to start, the API served {(recoveredAt - upAt).TotalSeconds:0.00} s after"));
    }

    // 3. Two API processes on one database under load; both asked for the day's digest at once.
    {
        await apiB.StartAsync(probe);
        var load = new CommandLoad([apiA.BaseUrl, apiB.BaseUrl], planId, tasks, liaisons);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers, stop.Token);
        using var office = new HttpClient();
        office.DefaultRequestHeaders.Authorization = new("Bearer", Token(Roles.Office));
        await Task.WhenAll(office.PostAsync($"{apiA.BaseUrl}/api/digests/overdue/runs", null), office.PostAsync($"{apiB.BaseUrl}/api/digests/overdue/runs", null));
        await Task.Delay(phase);
        stop.Cancel();
        await running;
        var digests = await Ledger.CountAsync(database, $"select count(*) from {EventStore.Schema}.mt_doc_overduedigest");
        reports.Add(await Ledger.CheckAsync("two API processes", database, planId, tasks, load.Outcomes, TimeSpan.Zero,
            $"digests stored: {digests}"));
    }
}
finally
{
    await apiA.StopAsync();
    await apiB.StopAsync();
    await postgres.StopAsync();
    try { Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true); } catch (IOException) { }
}

Console.WriteLine();
Console.WriteLine($"{"fault",-26} {"sent",6} {"acked",6} {"found",6} {"lost",5} {"dup",4} {"recovery s",10} {"projections",11}  notes");
foreach (var r in reports)
    Console.WriteLine($"{r.Fault,-26} {r.Sent,6} {r.Acknowledged,6} {r.Found,6} {r.Lost,5} {r.Duplicated,4} {r.RecoverySeconds,10} {(r.ProjectionsMatchRebuild ? "= rebuild" : "DIFFER"),11}  {r.Notes}");
var resultsFolder = Path.Combine(root, "tests", "YiyangTasks.FaultDrill", "results", isShort ? "local" : "");
Directory.CreateDirectory(resultsFolder);
var file = Path.Combine(resultsFolder, $"drill-{(isShort ? "short" : "full")}.json");
await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
{
    ranAt = DateTimeOffset.UtcNow, machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}", phaseSeconds = phase.TotalSeconds, workers, tasks, reports,
}, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
Console.WriteLine($"results: {file}");
var failed = reports.Any(r => r.Lost > 0 || r.Duplicated > 0 || !r.ProjectionsMatchRebuild || r.Acknowledged == 0);
Console.WriteLine(failed ? "FAULT DRILL FAILED" : "fault drill passed: nothing lost, nothing duplicated");
return failed ? 1 : 0;

async Task RegisterPlanAsync(string baseUrl)
{
    using var office = new HttpClient();
    office.DefaultRequestHeaders.Authorization = new("Bearer", Token(Roles.Office));
    var answer = await office.PostAsJsonAsync($"{baseUrl}/api/plans", new
    {
        planId, title = "故障演练方案", jurisdiction = "信阳市",
        tasks = Enumerable.Range(1, tasks).Select(n => new { number = n, text = $"演练任务{n}", leadUnits = new[] { units[n % 3] }, cooperatingUnits = new[] { units[(n + 1) % 3] } }),
    });
    if (!answer.IsSuccessStatusCode) throw new InvalidOperationException($"Registering the drill plan answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
}

static async Task<DateTime> FirstSuccessAfterAsync(CommandLoad load, DateTime after, TimeSpan within)
{
    var deadline = DateTime.UtcNow + within;
    while (DateTime.UtcNow < deadline)
    {
        var first = load.Answers.Where(a => a.At >= after && a.Status == 200).Select(a => (DateTime?)a.At).Min();
        if (first is { } at) return at;
        await Task.Delay(100);
    }
    throw new TimeoutException("The API did not serve a command within a minute of the database's return.");
}

static async Task<string> BuildApiAsync(string root)
{
    var output = Path.Combine(Path.GetTempPath(), "yiyang-drill-api");
    var build = Process.Start(new ProcessStartInfo("dotnet", ["build", "-c", "Release", "-o", output, "--nologo", "-v", "q",
        Path.Combine(root, "src", "YiyangTasks.Api", "YiyangTasks.Api.csproj")]) { UseShellExecute = false })!;
    await build.WaitForExitAsync();
    if (build.ExitCode != 0) throw new InvalidOperationException("Building the API failed.");
    return Path.Combine(output, "YiyangTasks.Api.dll");
}
