using Marten;
using Marten.Services.BatchQuerying;
using Npgsql;
using YiyangTasks.Api.Storage;

namespace YiyangTasks.Api.Reports.Projections;

/// <summary>How far the reports' projections have read the event store, and waiting for them to read a write.</summary>
public sealed class ReportProjections(IDocumentStore store, NpgsqlDataSource dataSource)
{
    /// <summary>The header on every report answer: the event sequence the report reflects (every event up to it is in).</summary>
    public const string SequenceHeader = "X-Projection-Sequence";

    /// <summary>
    /// The last event sequence every one of <paramref name="projections"/> reflects, the least of them (0 before the daemon's
    /// first pass); none named: every async projection.
    /// </summary>
    public async Task<long> SequenceAsync(CancellationToken cancellationToken, params string[] projections)
    {
        await using var session = store.QuerySession();
        var batch = session.CreateBatchQuery();
        var sequence = SequenceOf(batch, projections);
        await batch.Execute(cancellationToken);
        return await sequence;
    }

    /// <summary>
    /// <see cref="SequenceAsync"/> as one query of a batch (one row). Put first, it holds for what the batch reads after it:
    /// each query sees every event committed before it ran.
    /// </summary>
    public static async Task<long> SequenceOf(IBatchedQuery batch, params string[] projections)
    {
        // One shard each: a projection reads every event in order ("ReportFigures:All").
        var names = projections.Length == 0 ? [ReportFiguresProjection.Name] : projections;
        var read = batch.Query<Reflected>('^',
            "select jsonb_build_object('sequence', coalesce(min(last_seq_id), 0) * (count(*) = ^)::int) " +
            $"from {EventStore.Schema}.mt_event_progression where split_part(name, ':', 1) = any(^)", (long)names.Length, names);
        return (await read)[0].Sequence;
    }

    private sealed record Reflected(long Sequence);

    /// <summary>The sequence of the latest event committed to the store.</summary>
    public async Task<long> LatestEventAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select coalesce(max(seq_id), 0) from {EventStore.Schema}.mt_events");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>Each projection's sequence and the store's high-water mark, as the daemon recorded them.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ProgressAsync(CancellationToken cancellationToken) =>
        (await store.Advanced.AllProjectionProgress(token: cancellationToken)).ToDictionary(s => s.ShardName, s => s.Sequence);

    /// <summary>
    /// Waits until the report figures reflect every event committed before the call (the digest, just after its sweep recorded
    /// lapses); false when the daemon did not get there within <paramref name="timeout"/>.
    /// </summary>
    public async Task<bool> CatchUpAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var target = await LatestEventAsync(cancellationToken);
        var until = DateTime.UtcNow + timeout;
        while (await SequenceAsync(cancellationToken, ReportFiguresProjection.Name) < target)
        {
            if (DateTime.UtcNow > until) return false;
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken); // the daemon runs in this or another process
        }
        return true;
    }
}
