using System.Collections.Concurrent;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Reports;

/// <summary>
/// Keeps computed plan reports for a short while: the supervision group reads them all day, and computing one
/// judges every task of the plan. A write to any of the plan's tasks (a command, a recorded lapse, an import)
/// in this process drops the plan's reports at once; other processes' writes show within <see cref="MaxAge"/>;
/// the China-time minute is part of every key, since what is overdue changes with time.
/// </summary>
public sealed class ReportCache(TimeProvider clock)
{
    /// <summary>How stale a report may be when another API process wrote to its plan.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, long> _generations = new();
    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    /// <summary>The plan's tasks changed: its reports must be computed again.</summary>
    public void Touch(string planId) => _generations.AddOrUpdate(planId, 1, (_, generation) => generation + 1);

    public async Task<T> GetOrComputeAsync<T>(string planId, string report, Func<Task<T>> compute) where T : class
    {
        var now = clock.GetUtcNow();
        var key = $"{planId}|{report}|{ChinaTime.DateOf(now):yyyyMMdd}{now.ToOffset(ChinaTime.Offset):HHmm}";
        var generation = _generations.GetValueOrDefault(planId);
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == generation && now - entry.At < MaxAge && entry.Value is T hit)
            return hit;
        var value = await compute();
        _entries[key] = new Entry(generation, now, value);
        if (_entries.Count > 10_000) _entries.Clear(); // a bound, not a policy: reports are cheap to compute again
        return value;
    }

    private sealed record Entry(long Generation, DateTimeOffset At, object Value);
}
