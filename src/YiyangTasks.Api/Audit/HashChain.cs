using System.Buffers;
using System.Collections.Concurrent;
using JasperFx.Events;
using Marten;
using Marten.Services;
using Npgsql;
using NpgsqlTypes;
using YiyangTasks.Api.Storage;

namespace YiyangTasks.Api.Audit;

/// <summary>
/// Chains every appended event to the one before it in its stream (EventHash), whoever appends it: commands (TaskWrites),
/// plan imports and registrations, timeliness lapses, unit merges. A store-wide Marten listener, so no append path can
/// forget it; it runs after Marten has numbered the events and before it writes them.
/// </summary>
public sealed class HashChain : DocumentSessionListenerBase
{
    /// <summary>Streams whose head this process keeps; beyond it the memory is dropped and rebuilt from reads.</summary>
    internal const int RememberedHeads = 200_000;

    // The head (version, hash) of each stream as this process last committed it. A command's FetchForWriting already read
    // the stream's version (under its row lock, or checked again by the append): when that version is the one remembered
    // here, the hash of the event at it is known and the head need not be read again (README, "Command path"). Written only
    // after a commit succeeded; a version appended by another process or lost to a rollback never matches, so it is read.
    private readonly ConcurrentDictionary<string, (long Version, string Hash)> _heads = new(StringComparer.Ordinal);

    /// <summary>How many heads were read from the database (not known from this process's own commits): for tests.</summary>
    internal long HeadReads;

    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var streams = session.PendingChanges.Streams().Where(s => s.Events.Count > 0 && s.Key is not null).ToList();
        if (streams.Count == 0) return;

        var serializer = session.DocumentStore.Options.Serializer();
        var unknown = streams.Where(s => s.ActionType == StreamActionType.Append && KnownHead(s) is null).Select(s => s.Key!).ToArray();
        var heads = await HeadsAsync(session, unknown, token);
        if (unknown.Length > 0) Interlocked.Add(ref HeadReads, unknown.Length);
        var buffer = new ArrayBufferWriter<byte>(1024);
        foreach (var stream in streams)
        {
            var (version, previous) = KnownHead(stream) ?? (heads.TryGetValue(stream.Key!, out var head) ? head : (0L, null));
            foreach (var e in stream.Events)
            {
                // Marten numbers an append with an expected version (FetchForWriting) itself; a plain Append is numbered
                // by the database, after the stream head we hold locked, so the number is ours to know.
                if (e.Version <= 0 || stream.ExpectedVersionOnServer is null && stream.ActionType == StreamActionType.Append)
                    e.Version = version + 1;
                version = e.Version;
                buffer.ResetWrittenCount();
                var headers = ReadOnlyMemory<byte>.Empty;
                if (e.Headers is { Count: > 0 })
                {
                    serializer.WriteTo(buffer, e.Headers);
                    headers = buffer.WrittenMemory.ToArray();
                    buffer.ResetWrittenCount();
                }
                serializer.WriteTo(buffer, e.Data);
                var hash = EventHash.Compute(stream.Key!, e.Version, e.EventTypeName, previous, headers, buffer.WrittenMemory);
                e.SetHeader(EventHash.Header, hash);
                previous = hash;
            }
        }
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (_heads.Count > RememberedHeads) _heads.Clear();
        foreach (var stream in commit.GetStreams())
            if (stream.Key is not null && stream.Events.Count > 0 && stream.Events[^1] is { } last
                && last.Headers?.TryGetValue(EventHash.Header, out var hash) == true && hash is string known)
                _heads[stream.Key] = (last.Version, known);
        return Task.CompletedTask;
    }

    /// <summary>The head of a stream fetched for writing at a version whose hash this process committed, else null.</summary>
    private (long Version, string? Hash)? KnownHead(StreamAction stream) =>
        stream.ActionType == StreamActionType.Append && stream.ExpectedVersionOnServer is long expected
        && _heads.TryGetValue(stream.Key!, out var head) && head.Version == expected
            ? (head.Version, head.Hash)
            : null;

    /// <summary>
    /// Each appended stream's current version and the stored hash at it (null before hashing began). The stream rows are
    /// locked until the commit, so nobody appends between our read and our write (those with If-Match already hold them).
    /// </summary>
    internal static async Task<Dictionary<string, (long Version, string? Hash)>> HeadsAsync(IDocumentSession session, string[] keys,
        CancellationToken token)
    {
        var heads = new Dictionary<string, (long, string?)>();
        if (keys.Length == 0) return heads;
        await session.BeginTransactionAsync(token);
        await using var command = new NpgsqlCommand($"""
            select s.id, s.version, e.headers ->> '{EventHash.Header}'
            from {EventStore.Schema}.mt_streams s
            left join {EventStore.Schema}.mt_events e on e.stream_id = s.id and e.version = s.version
            where s.id = any(@keys)
            order by s.id
            for update of s
            """, (NpgsqlConnection)session.Connection!);
        command.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = keys });
        await using var reader = await command.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
            heads[reader.GetString(0)] = (reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        return heads;
    }
}
