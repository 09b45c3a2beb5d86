using YiyangTasks.Api;
using System.Diagnostics;
using Marten;
using Npgsql;
using YiyangTasks.Api.Storage;
using YiyangTasks.Benchmarks.Data;
using YiyangTasks.Benchmarks.Harness;
using YiyangTasks.Benchmarks.Scenarios;

namespace YiyangTasks.Benchmarks;

/// <summary>
/// The performance instrument: generates a data set at a scale, starts the API as production runs it, and runs the
/// named scenarios, each printing one line and writing its figures as JSON.
/// <c>dotnet run -c Release --project tests/YiyangTasks.Benchmarks -- --scale small [--scenario NAME] [--record]</c>
/// </summary>
public static class BenchmarkProgram
{
    /// <summary>In this order: the reads come after the digest, so they run with the day's digest stored, as in production after its morning run.</summary>
    private static readonly string[] AllScenarios = ["commands", "burst", "digest", "reads", "rebuild"];

    /// <summary>Run only when named: the soak lasts 10 minutes unless --duration says otherwise (e.g. 3m, 90s).</summary>
    private static readonly string[] OnRequest = ["memory", "soak"];

    public static async Task<int> Main(string[] args)
    {
        string Option(string name, string fallback) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var scale = Scale.Named(Option("--scale", "small"));
        var only = Option("--scenario", "all");
        if (only != "all" && !OnRequest.Contains(only) && !AllScenarios.Contains(only))
        {
            Console.Error.WriteLine($"Unknown scenario '{only}': {string.Join(", ", AllScenarios.Concat(OnRequest))} or all.");
            return 2;
        }
        var soakDuration = Duration(Option("--duration", "10m"));
        var durable = Option("--fsync", "on") != "off";
        var repository = FindRepository();
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss");
        var runId = $"{scale.Name}-{stamp}";
        var scratch = Path.Combine(repository, "tests", "YiyangTasks.Benchmarks", "results", "local", runId);
        var resultsFolder = args.Contains("--record") ? Path.Combine(repository, "tests", "YiyangTasks.Benchmarks", "results", scale.Name) : scratch;
        var machine = Machine.Current();
        var results = new Results(resultsFolder, scale, Results.Commit(repository), machine, runId);
        Console.WriteLine($"YiyangTasks benchmarks: scale {scale.Name} ({scale.Plans} plans × {scale.TasksPerPlan} tasks, {scale.Units} units), " +
                          $"{machine.Cores} cores, {machine.MemoryMb:N0} MB, {machine.Cpu}; fsync {(durable ? "on" : "off")}; results in {resultsFolder}");
#if DEBUG
        Console.WriteLine("warning: a Debug build of the benchmark; run with -c Release for figures worth quoting.");
#endif
        var total = Stopwatch.StartNew();
        await using var postgres = await LocalPostgres.StartAsync(Path.Combine(Path.GetTempPath(), "yiyang-bench-pg"), durable);
        var database = $"bench_{scale.Name}_{stamp.Replace('-', '_')}";
        await postgres.CreateDatabaseAsync(database);
        var connection = new NpgsqlConnectionStringBuilder(postgres.ConnectionString(database)) { MaxPoolSize = 64 }; // the cluster keeps PostgreSQL's default max_connections (100); pgbench takes up to 32 beside it
        try
        {
            await using var store = DocumentStore.For(o =>
            {
                o.Connection(connection.ConnectionString);
                EventStore.Configure(o);
            });
            Console.WriteLine("generating the data set…");
            var now = DateTimeOffset.UtcNow;
            var workload = await DataSet.GenerateAsync(store, scale, now, Console.Out);
            results.Write("generate",
                $"{workload.Streams:N0} streams, {workload.Events:N0} events in {workload.Took.TotalSeconds:F1} s " +
                $"({workload.Events / workload.Took.TotalSeconds:N0} events/s, bulk COPY)",
                new { workload.Streams, workload.Events, Seconds = Math.Round(workload.Took.TotalSeconds, 2), Reporters = workload.Reporters.Count, Acknowledgers = workload.Acknowledgers.Count });

            var pgbench = new PgBench(LocalPostgres.FindBinDirectory(), connection, scratch);
            await pgbench.PrepareAsync();
            await using var api = await ApiProcess.StartAsync(repository, connection.ConnectionString, Path.Combine(scratch, "api.log"));
            var bench = new Bench
            {
                Repository = repository, Scale = scale, Results = results, ScratchFolder = scratch, Connection = connection,
                Store = store, Workload = workload, Api = api, PgBench = pgbench, Wrk = new Wrk(scratch),
                Cpu = new CpuMeter(api.Pid, postgres.DataDirectory),
            };
            if (only != "rebuild") await CatchUp.RunAsync(bench, TimeSpan.FromMinutes(15));
            await Warmup.RunAsync(bench);
            foreach (var scenario in only == "all" ? AllScenarios : [only])
            {
                if (scenario != AllScenarios[0] && only == "all") await Settle.WaitAsync(bench, TimeSpan.FromMinutes(2));
                var clock = Stopwatch.StartNew();
                await (scenario switch
                {
                    "commands" => Commands.RunAsync(bench, withMemory: true),
                    "memory" => Commands.RunAsync(bench, withMemory: true),
                    "burst" => MonthEndBurst.RunAsync(bench),
                    "reads" => Reads.RunAsync(bench),
                    "digest" => DigestRun.RunAsync(bench),
                    "rebuild" => Rebuild.RunAsync(bench),
                    "soak" => Soak.RunAsync(bench, soakDuration),
                    _ => Task.CompletedTask,
                });
                Console.WriteLine($"  ({scenario} took {clock.Elapsed.TotalSeconds:F0} s)");
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (args.Contains("--keep-database"))
                Console.WriteLine($"kept database {database} in {postgres.DataDirectory} (stopped; start it with pg_ctl -D)");
        }
        if (!args.Contains("--keep-database"))
        {
            await using var admin = new NpgsqlConnection(postgres.ConnectionString());
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists \"{database}\" with (force)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"done in {total.Elapsed.TotalSeconds:F0} s; results in {resultsFolder}");
        return 0;
    }

    private static TimeSpan Duration(string text) =>
        text.EndsWith('s') ? TimeSpan.FromSeconds(int.Parse(text[..^1], System.Globalization.CultureInfo.InvariantCulture))
        : TimeSpan.FromMinutes(int.Parse(text.TrimEnd('m'), System.Globalization.CultureInfo.InvariantCulture));

    private static string FindRepository() =>
        RepositoryFolders.Root(AppContext.BaseDirectory) ?? RepositoryFolders.Root(Directory.GetCurrentDirectory())
        ?? throw new InvalidOperationException("Run the benchmarks from inside the repository (YiyangTasks.sln not found).");
}
