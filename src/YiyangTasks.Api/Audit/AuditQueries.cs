using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Storage;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Audit;

/// <summary>One event as the supervision group's audit shows it: which task, what, when, who, in which request.</summary>
public sealed record AuditEvent(long Sequence, string Stream, string? PlanId, int? Number, long Version, string Type,
    DateTimeOffset Timestamp, Actor? Actor, string? CorrelationId, JsonElement Data);

/// <summary>A page of the audit, newest first.</summary>
public sealed record AuditPage(int Page, int PageSize, IReadOnlyList<AuditEvent> Events);

/// <summary>GET /api/audit/events: every event of every task, filtered by plan, unit, actor, type and time.</summary>
public static class AuditQueries
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> Events(string? plan, string? unit, string? actor, string? type,
        DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var rules = new TextRules().Optional("plan", plan, 64).Optional("unit", unit, 100).Optional("actor", actor, 200).Optional("type", type, 100)
            .Check("type", type is null || type.All(char.IsAsciiLetter), "field.event-type")
            .Check("page", page is null or >= 1, "field.at-least", ("min", 1))
            .Check("pageSize", pageSize is null or (>= 1 and <= 500), "field.between", ("min", 1), ("max", 500))
            .Check("to", from is null || to is null || to >= from, "field.not-before", ("other", "from"));
        if (rules.Problem() is { } invalid) return invalid;
        var size = pageSize ?? 100;
        var number = page ?? 1;

        var where = new List<string>();
        await using var command = dataSource.CreateCommand();
        if (!string.IsNullOrWhiteSpace(plan))
        {
            // The plan's own stream and its tasks' ("{plan}/{number}"), through the index AuditIndexes keeps.
            where.Add($"{AuditIndexes.PlanOf} = @plan");
            command.Parameters.AddWithValue("plan", plan);
        }
        if (!string.IsNullOrWhiteSpace(unit))
        {
            // The unit acted, or the event names it (a unit, a lead or cooperating unit, an admonished unit).
            where.Add("""
                (headers -> 'actor' ->> 'unit' = @unit or data ->> 'unit' = @unit or data -> 'units' ? @unit
                 or data -> 'leadUnits' ? @unit or data -> 'cooperatingUnits' ? @unit)
                """);
            command.Parameters.AddWithValue("unit", unit);
        }
        if (!string.IsNullOrWhiteSpace(actor))
        {
            where.Add("(headers -> 'actor' ->> 'userId' = @actor or headers -> 'actor' ->> 'displayName' = @actor)");
            command.Parameters.AddWithValue("actor", actor);
        }
        if (!string.IsNullOrWhiteSpace(type))
        {
            where.Add("split_part(mt_dotnet_type, ',', 1) like @type");
            command.Parameters.AddWithValue("type", "%." + type);
        }
        if (from is { } f)
        {
            where.Add("timestamp >= @from");
            command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = f.UtcDateTime });
        }
        if (to is { } t)
        {
            where.Add("timestamp <= @to");
            command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = t.UtcDateTime });
        }
        command.CommandText = $"""
            select seq_id, stream_id, version, split_part(mt_dotnet_type, ',', 1), timestamp, headers -> 'actor', correlation_id, data
            from {EventStore.Schema}.mt_events
            {(where.Count > 0 ? "where " + string.Join(" and ", where) : "")}
            order by seq_id desc
            limit @limit offset @offset
            """;
        command.Parameters.AddWithValue("limit", size);
        command.Parameters.AddWithValue("offset", (long)(number - 1) * size);

        var events = new List<AuditEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var stream = reader.GetString(1);
            var (planId, taskNumber) = SplitStream(stream);
            var typeName = reader.GetString(3);
            events.Add(new AuditEvent(
                reader.GetInt64(0), stream, planId, taskNumber, reader.GetInt64(2), typeName[(typeName.LastIndexOf('.') + 1)..],
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : JsonSerializer.Deserialize<Actor>(reader.GetString(5), Json),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                JsonDocument.Parse(reader.GetString(7)).RootElement.Clone()));
        }
        return Results.Ok(new AuditPage(number, size, events));
    }

    private static (string? PlanId, int? Number) SplitStream(string stream)
    {
        var slash = stream.LastIndexOf('/');
        return slash > 0 && int.TryParse(stream[(slash + 1)..], out var number) ? (stream[..slash], number) : (stream, null);
    }
}
