using System.Diagnostics;
using Marten;
using Npgsql;
using YiyangTasks.Api.Storage;

namespace YiyangTasks.Benchmarks.Harness;

/// <summary>
/// Between scenarios: waits until the previous one's aftermath is over, so that a scenario measures itself and not the
/// cleanup of the one before. A month-end burst leaves the daemon a second or two behind and tens of thousands of dead row
/// versions that autovacuum then clears on the same two cores (the digest right after the burst ran 2.6, 2.5, 2.1, 1.9,
/// 1.7 s, getting faster as that work ended). Waits until every projection has read the store's last event and no
/// autovacuum worker is at work on the benchmark's database, at most a given time; says what it waited for.
/// </summary>
public static class Settle
{
    public static async Task WaitAsync(Bench bench, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        await using var db = new NpgsqlConnection(bench.Connection.ConnectionString);
        await db.OpenAsync();
        await using var state = new NpgsqlCommand($"""
            select (select coalesce(max(seq_id), 0) from {EventStore.Schema}.mt_events),
                   (select count(*) from pg_stat_activity where backend_type = 'autovacuum worker' and datname = current_database())
            """, db);
        long behind, vacuums;
        while (true)
        {
            long latest;
            await using (var reader = await state.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                (latest, vacuums) = (reader.GetInt64(0), reader.GetInt64(1));
            }
            var progress = (await bench.Store.Advanced.AllProjectionProgress()).Where(p => p.ShardName != "HighWaterMark").ToArray();
            behind = progress.Length == 0 ? latest : latest - progress.Min(p => p.Sequence);
            if ((behind <= 0 && vacuums == 0) || clock.Elapsed >= limit) break;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        Console.WriteLine(behind <= 0 && vacuums == 0
            ? $"  (settled in {clock.Elapsed.TotalSeconds:F0} s: projections caught up, no autovacuum at work)"
            : $"  (not settled after {limit.TotalSeconds:F0} s: projections {behind:N0} events behind, {vacuums} autovacuum workers; going on)");
    }
}
