using Npgsql;
using NpgsqlTypes;
using YiyangTasks.Api.Storage;

namespace YiyangTasks.Api.Audit;

/// <summary>One event exactly as PostgreSQL holds it now: what verification recomputes its hash from.</summary>
public sealed record StoredEvent(string Stream, long Version, long Sequence, string Type, DateTimeOffset Timestamp,
    string? Headers, string Data, string? Hash);

/// <summary>A plan's streams as stored: their events in order and each stream's recorded version.</summary>
public sealed record StoredPlan(IReadOnlyList<StoredEvent> Events, IReadOnlyDictionary<string, long> StreamVersions);

/// <summary>Reads events as stored, straight from mt_events: verification must see what a DBA could have changed, not a projection.</summary>
public static class StoredEvents
{
    /// <summary>The plan's own stream and its tasks' ("{plan}/{number}"), every event up to <paramref name="until"/>.</summary>
    public static async Task<StoredPlan> ForPlanAsync(NpgsqlDataSource dataSource, string planId, DateTimeOffset? until, CancellationToken token)
    {
        var events = await ReadAsync(dataSource, $"{AuditIndexes.PlanOf} = @key", planId, until, token);
        await using var command = dataSource.CreateCommand(
            $"select id, version from {EventStore.Schema}.mt_streams where {AuditIndexes.PlanOf.Replace("stream_id", "id")} = @key");
        command.Parameters.AddWithValue("key", planId);
        var versions = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token)) versions[reader.GetString(0)] = reader.GetInt64(1);
        return new StoredPlan(events, versions);
    }

    /// <summary>One stream's events, in order.</summary>
    public static Task<List<StoredEvent>> ForStreamAsync(NpgsqlDataSource dataSource, string streamKey, CancellationToken token) =>
        ReadAsync(dataSource, "stream_id = @key", streamKey, null, token);

    private static async Task<List<StoredEvent>> ReadAsync(NpgsqlDataSource dataSource, string where, string key, DateTimeOffset? until,
        CancellationToken token)
    {
        await using var command = dataSource.CreateCommand($"""
            select stream_id, version, seq_id, type, timestamp, headers::text, data::text, headers ->> '{EventHash.Header}'
            from {EventStore.Schema}.mt_events
            where {where}{(until is null ? "" : " and timestamp < @until")}
            order by stream_id, version
            """);
        command.Parameters.AddWithValue("key", key);
        if (until is { } end) command.Parameters.Add(new NpgsqlParameter("until", NpgsqlDbType.TimestampTz) { Value = end.UtcDateTime });
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
            events.Add(new StoredEvent(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        return events;
    }
}
