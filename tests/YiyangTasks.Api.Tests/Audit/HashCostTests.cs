using System.Diagnostics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using YiyangTasks.Api.Audit;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Tests.Audit;

/// <summary>
/// What hashing adds to a command, measured: the CPU to serialize and hash one event, and the one extra round trip that
/// reads (and locks) the stream head. README, "Verification", quotes the figures this prints.
/// </summary>
public class HashCostTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Hashing_costs_a_command_well_under_a_millisecond_of_CPU_and_one_round_trip()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        var store = api.Services.GetRequiredService<IDocumentStore>();
        var serializer = store.Options.Serializer();
        var actor = new Actor("u-1", "张民", "liaison", "市民政局");
        var report = new ProgressReported(Guid.NewGuid(), "市民政局", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), ProgressStatus.OnTrack, 40,
            new string('进', 400), ["附件一.pdf"], null, actor, DateTimeOffset.UtcNow);
        var headers = new Dictionary<string, object> { ["actor"] = actor };

        const int events = 5_000;
        string? previous = null;
        for (var i = 0; i < 200; i++) previous = EventHash.Compute($"{planId}/1", i, "progress_reported", previous, serializer.ToJson(headers), serializer.ToJson(report));
        // CPU time, not wall time: the machine that runs the tests is often shared.
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < events; i++)
            previous = EventHash.Compute($"{planId}/1", i, "progress_reported", previous, serializer.ToJson(headers), serializer.ToJson(report));
        process.Refresh();
        var microsecondsPerEvent = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / events;
        var wallMicrosecondsPerEvent = wall.Elapsed.TotalMicroseconds / events;

        const int reads = 300;
        await using var session = store.LightweightSession();
        var keys = new[] { $"{planId}/1" };
        var head = await HashChain.HeadsAsync(session, keys, default);
        var roundTrip = Stopwatch.StartNew();
        for (var i = 0; i < reads; i++) head = await HashChain.HeadsAsync(session, keys, default);
        var millisecondsPerRead = roundTrip.Elapsed.TotalMilliseconds / reads;
        // The reference: the cheapest round trip on the same connection.
        var reference = Stopwatch.StartNew();
        for (var i = 0; i < reads; i++) await session.AdvancedSql.QueryAsync<int>("select 1", default);
        var millisecondsPerSelectOne = reference.Elapsed.TotalMilliseconds / reads;

        output.WriteLine($"hash per event (serialize data and headers, canonicalize, SHA-256): {microsecondsPerEvent:F1} µs CPU " +
                         $"({wallMicrosecondsPerEvent:F1} µs wall); stream head read and lock per command: {millisecondsPerRead:F3} ms " +
                         $"(select 1: {millisecondsPerSelectOne:F3} ms); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Assert.Equal(1, head[keys[0]].Version);
        Assert.Matches("^[0-9a-f]{64}$", head[keys[0]].Hash!);
        // Bounds loose enough for a loaded machine; the figures themselves are what the README quotes.
        Assert.InRange(microsecondsPerEvent, 0.1, 5_000);
        Assert.InRange(millisecondsPerRead, 0.001, 200);
    }
}
