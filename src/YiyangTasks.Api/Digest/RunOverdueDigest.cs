using System.Text;
using JasperFx;
using Marten;
using Wolverine;
using Wolverine.Marten;
using YiyangTasks.Api.Reports.Projections;
using YiyangTasks.Api.Timeliness;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Digest;

/// <summary>Build (once) and deliver the overdue digest of today. Trigger: schedule, startup or manual.</summary>
public sealed record RunOverdueDigest(string Trigger = "schedule");

/// <summary>Builds the day's digest once, even with several API processes on one database, and queues its deliveries.</summary>
public static class RunOverdueDigestHandler
{
    public static async Task Handle(RunOverdueDigest message, IDocumentStore store, IMessageBus bus,
        IServiceScopeFactory scopes, TimelinessPolicy policy, ReportProjections projections, TimeProvider clock,
        ILogger<RunOverdueDigest> logger, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var manual = message.Trigger == "manual";
        if (!manual && !(await policy.CalendarAsync(cancellationToken)).IsWorkingDay(today))
        {
            logger.LogInformation("{Date} is not a working day: no overdue digest", today);
            return;
        }

        // Lapses first, so the digest sees everything that fell due by now.
        await bus.InvokeAsync(new SweepDueChecks(), cancellationToken);
        // … and the report figures read those lapses (the projection daemon may run in another process).
        if (!await projections.CatchUpAsync(TimeSpan.FromSeconds(30), cancellationToken))
            logger.LogWarning("The report figures are behind the event store: the overdue digest may miss the latest lapses");

        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
        await using var session = store.LightweightSession();
        outbox.Enroll(session);
        var existing = await session.LoadAsync<StoredDigest>(OverdueDigest.IdFor(today), cancellationToken);
        if (existing is not null && !manual) return;

        var digest = existing?.Digest() ?? await ComposeAsync(session, today, now, message.Trigger, policy, cancellationToken);
        if (existing is null) session.Insert(StoredDigest.Of(digest));
        var webhooks = await session.Query<DigestWebhook>().Where(w => w.Enabled).ToListAsync(cancellationToken);
        foreach (var webhook in webhooks)
            await outbox.PublishAsync(new DeliverDigest(digest.Id, webhook.Id));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Overdue digest {Date}: {Tasks} tasks, delivering to {Webhooks} webhooks ({Trigger})",
                digest.Id, digest.TaskCount, webhooks.Count, message.Trigger);
        }
        catch (DocumentAlreadyExistsException)
        {
            // Another process built today's digest first: it delivers it too.
            logger.LogInformation("Overdue digest {Date} was already built by another process", digest.Id);
        }
    }

    /// <summary>
    /// From the report figures: the watched tasks owing something past due now (<see cref="WatchedTask.OverdueFrom"/>), each with
    /// what its watch says is past due. A task whose figures do not answer for now (its lapse check is late, or the clock stands
    /// before its last event) is judged afresh from its state, as the plan overview does (<see cref="Reports.ProjectedReports"/>).
    /// </summary>
    private static async Task<OverdueDigest> ComposeAsync(IQuerySession session, DateOnly today, DateTimeOffset now,
        string trigger, TimelinessPolicy policy, CancellationToken cancellationToken)
    {
        var calendar = await policy.CalendarAsync(cancellationToken);
        var stale = await session.Query<TaskFigures>().Where(TaskFigures.NotCovering(now)).ToListAsync(cancellationToken);
        var judged = new List<DigestTask>(stale.Count);
        foreach (var figures in stale)
            judged.Add(DigestTask.Of(figures.Task, await policy.RulesForAsync(figures.PlanId, cancellationToken), calendar, now));
        var staleIds = stale.Select(t => t.Id).ToHashSet();

        // A watch holds the obligations up to a year ahead, most of them not due yet: only those due before today leave the
        // database (a watch due instant is the end of its day, so due by now is due before today's China date).
        // Read as text and deserialized here: Marten would take a class asked of AdvancedSql for a document (id, data …).
        var serializer = session.DocumentStore.Options.Serializer();
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(WatchedTask)).TableName.QualifiedName;
        var rows = await session.AdvancedSql.QueryAsync<string>('^',
            "select jsonb_build_object('id', d.id, 'planId', d.data->'planId', 'number', d.data->'number', 'text', d.data->'text', " +
            "'leadUnits', d.data->'leadUnits', 'lastReport', d.data->'lastReport', 'overdue', " +
            "jsonb_path_query_array(d.data->'watch'->'unmet', '$[*] ? (@.dueOn < $today)', jsonb_build_object('today', ^::text))) " +
            $"from {table} d where d.overdue_from <= ^::timestamptz",
            cancellationToken, today.ToString("yyyy-MM-dd"), now);
        var tasks = rows.Select(row => serializer.FromJson<OverdueWatch>(new MemoryStream(Encoding.UTF8.GetBytes(row))))
            .Where(w => !staleIds.Contains(w.Id))
            .Select(w => new DigestTask(w.PlanId, w.Number, w.Text, w.LeadUnits,
                w.Overdue.Where(o => o.DueAt <= now).Select(o => (o.Kind, o.Unit, o.DueOn)).ToArray(), w.LastReport));
        return OverdueDigest.Compose(today, now, trigger, tasks.Concat(judged), calendar);
    }

    /// <summary>A watched task as the digest reads it: its obligations past due, not its whole watch.</summary>
    internal sealed record OverdueWatch(string Id, string PlanId, int Number, string Text, IReadOnlyList<string> LeadUnits,
        LastReport? LastReport, IReadOnlyList<WatchedObligation> Overdue);
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
