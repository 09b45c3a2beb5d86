using System.Diagnostics;
using Marten;
using Npgsql;
using YiyangTasks.Api.Storage;
using YiyangTasks.Benchmarks.Harness;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Benchmarks.Scenarios;

/// <summary>
/// Every projection rebuilt from the full event store with Marten's projection daemon
/// (<c>RebuildProjectionAsync</c>, which works for our inline projections too): the task states, then the plans.
/// Events per second over all events of the store; afterwards a sample of rebuilt task states is checked against a
/// fold of their streams with <see cref="SupervisedTask.Evolve"/>.
/// </summary>
public static class Rebuild
{
    /// <summary>CPU seconds of this process's reaped children (cutime + cstime of /proc/self/stat).</summary>
    private static double ChildrenCpuSeconds()
    {
        if (!File.Exists("/proc/self/stat")) return 0;
        var text = File.ReadAllText("/proc/self/stat");
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[13]) + long.Parse(fields[14])) / 100.0;
    }

    public static async Task RunAsync(Bench bench)
    {
        long events;
        await using (var db = new NpgsqlConnection(bench.Connection.ConnectionString))
        {
            await db.OpenAsync();
            await using var count = new NpgsqlCommand($"select count(*) from {EventStore.Schema}.mt_events", db);
            events = (long)(await count.ExecuteScalarAsync())!;
        }

        // As the operator runs it: the host's own command, a process of its own (README, "Projections, lag and rebuild"),
        // with the API stopped (a running API's daemon would stop its agent on seeing the progression reset under it).
        // `projections list` first, to know what starting the host costs; then every projection, then the report figures alone.
        await bench.Api.DisposeAsync();
        var hostClock = Stopwatch.StartNew();
        var (listExit, listed) = await bench.Api.RunCommandAsync("projections", "list");
        var startup = hostClock.Elapsed;
        if (listExit != 0) throw new InvalidOperationException($"projections list exited with {listExit}: {listed}");
        var (childrenBefore, postgresBefore) = (ChildrenCpuSeconds(), bench.Cpu.Read().Postgres);
        hostClock.Restart();
        // Marten's default shard timeout (5 minutes) is shorter than a province-scale rebuild on shared cores.
        var (allExit, allOutput) = await bench.Api.RunCommandAsync("projections", "rebuild", "--shard-timeout", "60m");
        var hostAll = hostClock.Elapsed;
        // CPU, which the other work on the shared cores does not change: the command's (a reaped child of ours) and PostgreSQL's.
        var (commandCpu, postgresCpu) = (ChildrenCpuSeconds() - childrenBefore, bench.Cpu.Read().Postgres - postgresBefore);
        if (allExit != 0) Console.WriteLine($"  projections rebuild exited with {allExit} after {hostAll.TotalSeconds:F0} s (see projections-rebuild.log)");
        // The report figures alone only below the full scale (at full scale every projection is the figure, and time is short).
        var inProcess = bench.Scale.Name != "full";
        hostClock.Restart();
        var (oneExit, oneOutput) = inProcess
            ? await bench.Api.RunCommandAsync("projections", "rebuild", "-p", Api.Reports.Projections.ReportFiguresProjection.Name)
            : (0, "(not run at this scale)");
        var hostSummaries = hostClock.Elapsed;
        if (oneExit != 0) throw new InvalidOperationException($"projections rebuild -p ReportFigures exited with {oneExit}: {oneOutput}");
        File.WriteAllText(Path.Combine(bench.ScratchFolder, "projections-rebuild.log"), $"{listed}\n---\n{allOutput}\n---\n{oneOutput}\n");
        double PerSecond(TimeSpan t) => Math.Round(events / Math.Max(t.TotalSeconds, 0.001));
        var host = new
        {
            Command = "dotnet YiyangTasks.Api.dll projections rebuild --shard-timeout 60m", ExitCode = allExit,
            StartupSeconds = Math.Round(startup.TotalSeconds, 2),
            AllSeconds = Math.Round(hostAll.TotalSeconds, 2), AllEventsPerSecond = PerSecond(hostAll),
            AllEventsPerSecondAfterStartup = PerSecond(hostAll - startup),
            CommandCpuSeconds = Math.Round(commandCpu, 1), PostgresCpuSeconds = Math.Round(postgresCpu, 1),
            EventsPerCpuSecond = Math.Round(events / Math.Max(commandCpu + postgresCpu, 0.001)),
            ReportFiguresSeconds = inProcess ? Math.Round(hostSummaries.TotalSeconds, 2) : (double?)null,
            ReportFiguresEventsPerSecond = inProcess ? PerSecond(hostSummaries) : (double?)null,
            ReportFiguresEventsPerSecondAfterStartup = inProcess ? PerSecond(hostSummaries - startup) : (double?)null,
        };
        Console.WriteLine($"  host command: every projection {host.AllEventsPerSecond:N0} events/s ({host.AllSeconds} s, start-up {host.StartupSeconds} s); " +
                          $"-p ReportFigures {(inProcess ? $"{host.ReportFiguresEventsPerSecond:N0} events/s" : "not run")}");

        // In process (the benchmark's own store): Marten's daemon and a fold by hand, for comparison; skipped at the full
        // scale, where each pass would add minutes to the run and the host command above is the figure that counts.
        var clock = Stopwatch.StartNew();
        if (inProcess)
        using (var daemon = await bench.Store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync<SupervisedTaskProjection>(TimeSpan.FromMinutes(30), CancellationToken.None);
            await daemon.RebuildProjectionAsync<PlanProjection>(TimeSpan.FromMinutes(30), CancellationToken.None);
        }
        var elapsed = clock.Elapsed;

        // The reports' async projection alone, as `projections --rebuild` runs it for the operator.
        clock.Restart();
        if (inProcess)
        using (var daemon = await bench.Store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync(Api.Reports.Projections.ReportFiguresProjection.Name, TimeSpan.FromMinutes(30), CancellationToken.None);
        var summaries = clock.Elapsed;

        // The same work by hand, for comparison: stream every event in order, fold with the domain's Evolve, and write
        // the states back with Marten's COPY-based bulk insert (overwriting).
        clock.Restart();
        var states = new Dictionary<string, SupervisedTask?>();
        if (inProcess)
        await using (var session = bench.Store.QuerySession())
        {
            await foreach (var e in session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToAsyncEnumerable())
                if (e.StreamKey is { } key && key.Contains('/'))
                    states[key] = SupervisedTask.Evolve(states.GetValueOrDefault(key), e.Data);
        }
        if (inProcess) await bench.Store.BulkInsertAsync(states.Values.OfType<SupervisedTask>().ToList(), Weasel.Core.BulkInsertMode.OverwriteExisting);
        var byHand = clock.Elapsed;

        var mismatches = 0;
        await using (var session = bench.Store.QuerySession())
        {
            foreach (var (planId, number, _) in bench.Workload.Reporters.Where((_, i) => i % 97 == 0).Take(50))
            {
                var id = SupervisedTask.StreamKey(planId, number);
                var stored = await session.LoadAsync<SupervisedTask>(id);
                var folded = (await session.Events.FetchStreamAsync(id)).Aggregate((SupervisedTask?)null, (t, e) => SupervisedTask.Evolve(t, e.Data));
                if (stored is null || folded is null || stored.Reports.Count != folded.Reports.Count || stored.Lapses.Count != folded.Lapses.Count
                    || stored.Status != folded.Status) mismatches++;
            }
            if (await session.LoadAsync<Plan>(bench.Workload.Reporters[0].PlanId) is null) mismatches++;
        }

        var rate = events / elapsed.TotalSeconds;
        var foldRate = events / byHand.TotalSeconds;
        var hostLine = $"host command `projections rebuild` ({events:N0} events): every projection {host.AllEventsPerSecond:N0} events/s " +
                       $"({host.AllSeconds} s with {host.StartupSeconds} s start-up; CPU {host.CommandCpuSeconds} s command + {host.PostgresCpuSeconds} s PostgreSQL = " +
                       $"{host.EventsPerCpuSecond:N0} events per CPU second), `-p ReportFigures` {(inProcess ? $"{host.ReportFiguresEventsPerSecond:N0} events/s" : "not run at this scale")}; " +
                       $"sample check {(mismatches == 0 ? "ok" : $"{mismatches} mismatches")}; target > 20,000 events/s";
        var inProcessLine = inProcess
            ? $"; in process: task and plan states {rate:N0} events/s, report figures {events / summaries.TotalSeconds:N0} events/s " +
              $"(Marten RebuildProjectionAsync); by hand (stream, fold with Evolve, bulk COPY) {foldRate:N0} events/s"
            : "";
        bench.Results.Write("rebuild", hostLine + inProcessLine,
            new
            {
                Events = events, Host = host, Target = allExit == 0 && host.AllEventsPerSecond > 20_000, SampleMismatches = mismatches,
                LoadAverage = Run.LoadAverage(),
                InProcess = inProcess
                    ? new
                    {
                        Seconds = Math.Round(elapsed.TotalSeconds, 2), EventsPerSecond = Math.Round(rate),
                        Method = "Marten projection daemon RebuildProjectionAsync (SupervisedTaskProjection, PlanProjection)",
                        SummariesSeconds = Math.Round(summaries.TotalSeconds, 2), SummariesEventsPerSecond = Math.Round(events / summaries.TotalSeconds),
                        ByHandSeconds = Math.Round(byHand.TotalSeconds, 2), ByHandEventsPerSecond = Math.Round(foldRate),
                        ByHandMethod = "QueryAllRawEvents in sequence order, SupervisedTask.Evolve, BulkInsertAsync(OverwriteExisting)",
                    }
                    : null,
            });
    }
}
