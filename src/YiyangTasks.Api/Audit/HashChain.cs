using JasperFx.Events;
using Marten;
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
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var streams = session.PendingChanges.Streams().Where(s => s.Events.Count > 0 && s.Key is not null).ToList();
        if (streams.Count == 0) return;

        var serializer = session.DocumentStore.Options.Serializer();
        var heads = await HeadsAsync(session, streams.Where(s => s.ActionType == StreamActionType.Append).Select(s => s.Key!).ToArray(), token);
        foreach (var stream in streams)
        {
            var (version, previous) = heads.TryGetValue(stream.Key!, out var head) ? head : (0L, null);
            foreach (var e in stream.Events)
            {
                // Marten numbers an append with an expected version (FetchForWriting) itself; a plain Append is numbered
                // by the database, after the stream head we hold locked, so the number is ours to know.
                if (e.Version <= 0 || stream.ExpectedVersionOnServer is null && stream.ActionType == StreamActionType.Append)
                    e.Version = version + 1;
                version = e.Version;
                var headers = e.Headers is { Count: > 0 } ? serializer.ToJson(e.Headers) : null;
                var hash = EventHash.Compute(stream.Key!, e.Version, e.EventTypeName, previous, headers, serializer.ToJson(e.Data));
                e.SetHeader(EventHash.Header, hash);
                previous = hash;
            }
        }
    }

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
