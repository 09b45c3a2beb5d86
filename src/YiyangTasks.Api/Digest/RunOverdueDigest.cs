using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using JasperFx;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Wolverine;
using Wolverine.Marten;
using YiyangTasks.Api.Reports.Projections;
using YiyangTasks.Api.Timeliness;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Digest;

/// <summary>Build (once) and deliver the overdue digest of today. Trigger: schedule, startup or manual.</summary>
public sealed record RunOverdueDigest(string Trigger = "schedule");

/// <summary>Builds the day's digest once, even with several API processes on one database, and queues its deliveries.</summary>
public static class RunOverdueDigestHandler
{
    /// <summary>
    /// The day's digest as built, or as stored when it was built already (run by hand: delivered again); null when none is
    /// due (a non-working day, or built already on schedule). <c>InvokeAsync&lt;BuiltDigest?&gt;</c> answers it, so the
    /// office's POST answers the digest it built without reading the stored one back or serializing it again.
    /// </summary>
    public static async Task<BuiltDigest?> Handle(RunOverdueDigest message, IDocumentStore store, NpgsqlDataSource dataSource,
        IMessageBus bus, IServiceScopeFactory scopes, TimelinessPolicy policy, ReportProjections projections, TimeProvider clock,
        ILogger<RunOverdueDigest> logger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var manual = message.Trigger == "manual";
        if (!manual && !(await policy.CalendarAsync(cancellationToken)).IsWorkingDay(today))
        {
            logger.LogInformation("{Date} is not a working day: no overdue digest", today);
            return null;
        }

        // Lapses first, so the digest sees everything that fell due by now.
        await bus.InvokeAsync(new SweepDueChecks(), cancellationToken);
        // … and the report figures read those lapses (the projection daemon may run in another process).
        if (!await projections.CatchUpAsync(TimeSpan.FromSeconds(30), cancellationToken))
            logger.LogWarning("The report figures are behind the event store: the overdue digest may miss the latest lapses");
        var caughtUp = Stopwatch.GetTimestamp();

        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
        await using var session = store.LightweightSession();
        outbox.Enroll(session);
        var existing = await session.LoadAsync<StoredDigest>(OverdueDigest.IdFor(today), cancellationToken);
        if (existing is not null && !manual) return null;

        var built = existing?.Built() ?? BuiltDigest.Of(await ComposeAsync(session, dataSource, today, now, message.Trigger, policy, cancellationToken));
        var digest = built.Digest;
        var composed = Stopwatch.GetTimestamp();
        if (existing is null)
        {
            var (stored, numbers) = StoredDigest.Documents(digest, built.Body);
            session.Insert(stored);
            session.Store(numbers.ToArray()); // the digest's insert alone decides which process built the day's digest
        }
        var webhooks = await session.Query<DigestWebhook>().Where(w => w.Enabled).ToListAsync(cancellationToken);
        foreach (var webhook in webhooks)
            await outbox.PublishAsync(new DeliverDigest(digest.Id, webhook.Id));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Overdue digest {Date}: {Tasks} tasks, delivering to {Webhooks} webhooks ({Trigger}); " +
                "sweep and catch-up {CatchUpMs:F0} ms, read, compose and serialize {ComposeMs:F0} ms, compress and store {StoreMs:F0} ms",
                digest.Id, digest.TaskCount, webhooks.Count, message.Trigger, Stopwatch.GetElapsedTime(started, caughtUp).TotalMilliseconds,
                Stopwatch.GetElapsedTime(caughtUp, composed).TotalMilliseconds, Stopwatch.GetElapsedTime(composed).TotalMilliseconds);
            return built;
        }
        catch (DocumentAlreadyExistsException)
        {
            // Another process built today's digest first: it delivers it too, and that one is the day's digest.
            logger.LogInformation("Overdue digest {Date} was already built by another process", digest.Id);
            await using var query = store.QuerySession();
            return (await query.LoadAsync<StoredDigest>(digest.Id, cancellationToken))?.Built();
        }
    }

    /// <summary>
    /// From the report figures: the watched tasks owing something past due now (<see cref="WatchedTask.OverdueFrom"/>), each with
    /// what its watch says is past due. A task whose figures do not answer for now (its lapse check is late, or the clock stands
    /// before its last event) is judged afresh from its state, as the plan overview does (<see cref="Reports.ProjectedReports"/>).
    /// </summary>
    private static async Task<OverdueDigest> ComposeAsync(IQuerySession session, NpgsqlDataSource dataSource, DateOnly today,
        DateTimeOffset now, string trigger, TimelinessPolicy policy, CancellationToken cancellationToken)
    {
        var calendar = await policy.CalendarAsync(cancellationToken);
        var stale = await session.Query<TaskFigures>().Where(TaskFigures.NotCovering(now)).ToListAsync(cancellationToken);
        var tasks = new List<DigestTask>(stale.Count);
        foreach (var figures in stale)
            tasks.Add(DigestTask.Of(figures.Task, await policy.RulesForAsync(figures.PlanId, cancellationToken), calendar, now));
        var staleIds = stale.Select(t => t.Id).ToHashSet();

        // A province has some 50,000 tasks overdue on a day. Each watch holds its obligations up to a year ahead, most of them not
        // due yet: only those due before today leave the database (a watch due instant is the end of its day, so due by now is
        // due before today's China date). The task's fields come as columns, only the obligations as JSON: jsonb_to_record
        // reads each document once, where every d.data->'…' would decompress it again, and jsonpath filters the obligations
        // at a third of the cost of jsonb_to_recordset and array_agg (measured at full scale).
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(WatchedTask)).TableName.QualifiedName;
        await using var command = dataSource.CreateCommand($"""
            select d.id, r."planId", r.number, r.text, r."leadUnits",
                   r."lastReport"->>'reportedAt', r."lastReport"->>'unit', (r."lastReport"->>'percentDone')::int, r."lastReport"->>'status',
                   convert_to(jsonb_path_query_array(r.watch, '$.unmet[*] ? (@.dueOn < $today)', jsonb_build_object('today', $1::text))::text, 'UTF8')
            from {table} d
            cross join lateral jsonb_to_record(d.data)
                as r("planId" text, number int, text text, "leadUnits" text[], "lastReport" jsonb, watch jsonb)
            where d.overdue_from <= $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        command.Parameters.Add(new NpgsqlParameter { Value = now.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (staleIds.Count > 0 && staleIds.Contains(reader.GetString(0))) continue;
                var overdue = PastDue(reader.GetFieldValue<byte[]>(9), now);
                var lastReport = reader.IsDBNull(5) ? null : new LastReport(
                    DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture), reader.GetString(6), reader.GetInt32(7),
                    Enum.Parse<ProgressStatus>(reader.GetString(8)));
                tasks.Add(new DigestTask(reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetFieldValue<string[]>(4),
                    overdue, lastReport));
            }
        }
        return OverdueDigest.Compose(today, now, trigger, tasks, calendar);
    }

    /// <summary>
    /// Of a watch's obligations as stored (a JSON array of <see cref="WatchedObligation"/>, as UTF-8), each one due by
    /// <paramref name="now"/>: its kind, the unit owing it, its due date. Read field by field: some 85,000 of them in a province's digest.
    /// </summary>
    private static (ObligationKind Kind, string? Unit, DateOnly DueOn)[] PastDue(byte[] json, DateTimeOffset now)
    {
        var reader = new Utf8JsonReader(json);
        var pastDue = new List<(ObligationKind, string?, DateOnly)>(2);
        (ObligationKind Kind, string? Unit, DateOnly DueOn) obligation = default;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.StartObject) obligation = default;
            else if (reader.TokenType == JsonTokenType.EndObject && ChinaTime.EndOf(obligation.DueOn) <= now) pastDue.Add(obligation);
            else if (reader.TokenType != JsonTokenType.PropertyName) continue;
            else if (reader.ValueTextEquals("kind"u8) && reader.Read()) obligation.Kind = Enum.Parse<ObligationKind>(reader.GetString()!);
            else if (reader.ValueTextEquals("unit"u8) && reader.Read()) obligation.Unit = reader.GetString();
            // The JSON reader's own ISO 8601 parse: DateOnly.ParseExact compared the pattern's literals by culture, and on a
            // process's first digest loading the collation cost 13 % of its CPU (0.5 s at full scale).
            else if (reader.ValueTextEquals("dueOn"u8) && reader.Read()) obligation.DueOn = DateOnly.FromDateTime(reader.GetDateTime());
            else reader.Skip();
        }
        return [.. pastDue];
    }
}

/// <summary>At start-up: if today's digest was due already and none was built (the service was down), build it now.</summary>
public sealed class MissedDigestCatchUp(IServiceProvider services, DigestSchedule schedule, TimelinessPolicy policy,
    TimeProvider clock, ILogger<MissedDigestCatchUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        if (schedule.TodaysOccurrence(now) is not { } due || due > now) return;
        try
        {
            if (!(await policy.CalendarAsync(stoppingToken)).IsWorkingDay(today)) return;
            await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
            if (await session.LoadAsync<StoredDigest>(OverdueDigest.IdFor(today), stoppingToken) is not null) return;
            logger.LogInformation("Today's overdue digest was due at {Due} and was not built: building it now", due);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new RunOverdueDigest("startup"), stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "Catching up today's overdue digest failed");
        }
    }
}
