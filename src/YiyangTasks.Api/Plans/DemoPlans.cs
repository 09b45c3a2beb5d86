using Marten;
using Wolverine.Marten;
using YiyangTasks.Api.Timeliness;
using YiyangTasks.Api.Units;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Plans;

/// <summary>
/// The four seed plans (../shared/seeds beside the repository) are the demo data: the Development host
/// imports them on first start as plans yanling, xunyang, xinyang and maoming. By default (Demo:History=quarter) they
/// were assigned about three months ago and have lived that quarter (<see cref="DemoHistory"/>), so the lights, the
/// ranking, the to-dos, the digest and the audit show a believable state; Demo:History=none assigns them now.
/// </summary>
public sealed class DemoPlans(IServiceProvider services, IHostEnvironment environment, IConfiguration configuration, TimeProvider clock,
    ILogger<DemoPlans> logger) : BackgroundService
{
    public static readonly IReadOnlyList<(string Prefix, string PlanId, string Jurisdiction)> Seeds =
    [
        ("000_", "yanling", "鄢陵县"),
        ("001_", "xunyang", "浔阳区"),
        ("003_", "xinyang", "信阳市"),
        ("004_", "maoming", "茂名市"),
    ];

    /// <summary>How far back the demo quarter begins.</summary>
    public static readonly TimeSpan QuarterAgo = TimeSpan.FromDays(91);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folder = RepositoryFolders.Seeds(environment.ContentRootPath);
        if (folder is null)
        {
            logger.LogInformation("No seed documents found (shared/seeds beside the repository): no demo plans loaded");
            return;
        }
        await using (var session = services.GetRequiredService<IDocumentStore>().QuerySession())
            if (await session.Query<Plan>().AnyAsync(stoppingToken)) return;

        var withHistory = !string.Equals(configuration["Demo:History"], "none", StringComparison.OrdinalIgnoreCase);
        var importer = services.GetRequiredService<PlanImporter>();
        foreach (var (prefix, planId, jurisdiction) in Seeds)
        {
            var file = Directory.GetFiles(folder, prefix + "*.txt").FirstOrDefault();
            if (file is null) continue;
            var request = new PlanImporter.Request(planId, jurisdiction, withHistory, await File.ReadAllBytesAsync(file, stoppingToken),
                Path.GetFileName(file), null, null);
            var (result, problem) = await importer.ImportAsync(request, withHistory ? DemoHistory.Office : Actor.System, "demo-data", stoppingToken);
            if (result is null)
            {
                logger.LogWarning("Demo plan {PlanId} was not imported: {Problem}", planId, problem);
                continue;
            }
            var events = withHistory ? await LiveQuarterAsync(result, jurisdiction, stoppingToken) : 0;
            logger.LogInformation("Demo plan {PlanId} ({Jurisdiction}): {Tasks} tasks, {Warnings} warnings, {Events} events of its quarter",
                planId, jurisdiction, result.Tasks.Count, result.Warnings.Count, events);
        }
        if (withHistory) await RedoTodaysDigestAsync(stoppingToken);
    }

    /// <summary>
    /// The start-up catch-up may have built today's digest before the demo quarter was in (it starts beside us): an empty
    /// digest of an empty database is not the demo's, so build it again once the quarter is there.
    /// </summary>
    private async Task RedoTodaysDigestAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (services.GetRequiredService<Digest.DigestSchedule>().TodaysOccurrence(now) is not { } due || due > now) return;
        await using (var session = services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            var id = Digest.OverdueDigest.IdFor(ChinaTime.DateOf(now));
            if (await session.LoadAsync<Digest.StoredDigest>(id, cancellationToken) is { TaskCount: 0 })
            {
                session.Delete<Digest.StoredDigest>(id);
                session.DeleteWhere<Digest.DigestOverdueNumbers>(n => n.DigestId == id);
                await session.SaveChangesAsync(cancellationToken);
            }
        }
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>().InvokeAsync(new Digest.RunOverdueDigest("startup"), cancellationToken);
    }

    /// <summary>
    /// Assigns the plan (as the dry run read it) a quarter ago and appends what each task lived since, all in one
    /// transaction: the timeliness checks it schedules find their lapses already recorded.
    /// </summary>
    private async Task<int> LiveQuarterAsync(ImportResult read, string jurisdiction, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var calendar = await services.GetRequiredService<TimelinessPolicy>().CalendarAsync(cancellationToken);
        var startDay = calendar.AddWorkingDays(ChinaTime.DateOf(now - QuarterAgo), 0);
        var start = new DateTimeOffset(startDay.ToDateTime(new TimeOnly(9, 30)), ChinaTime.Offset);
        var rules = TimelinessRules.Default;

        await using var scope = services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
        await using var session = services.GetRequiredService<IDocumentStore>().LightweightSession();
        outbox.Enroll(session);
        session.CorrelationId = "demo-history";
        session.LastModifiedBy = DemoHistory.Office.UserId;

        var draft = new PlanDraft(read.PlanId, read.Title ?? read.PlanId, jurisdiction, read.DocumentNumber, read.IssuingBody, read.IssuedOn,
            null, read.ContentHash, read.Tasks.Select(t => new AssignTask(read.PlanId, t.Number, t.Text, t.LeadUnits, t.CooperatingUnits, t.Mode,
                t.Deadline, t.DeadlineWords, t.ReportingCycle)).ToArray());
        var (_, refusal) = await services.GetRequiredService<PlanAssignment>()
            .StageNewAsync(session, outbox, draft, DemoHistory.Office, start, cancellationToken);
        if (refusal is not null) throw new InvalidOperationException(refusal.ToString());

        // The assignments were staged with the units' canonical names: live each task from its staged TaskAssigned.
        var count = 0;
        var policy = services.GetRequiredService<TimelinessPolicy>();
        foreach (var assigned in session.PendingChanges.Streams().SelectMany(s => s.Events).Select(e => e.Data).OfType<TaskAssigned>().ToArray())
        {
            var key = SupervisedTask.StreamKey(assigned.PlanId, assigned.Number);
            Stamp(session.PendingChanges.Streams().Single(s => s.Key == key).Events[0], DemoHistory.Office);
            var steps = DemoHistory.Live(assigned, rules, calendar, now);
            foreach (var step in steps)
            {
                var e = session.Events.BuildEvent(step.Event);
                Stamp(e, step.Actor);
                session.Events.Append(key, e);
            }
            var task = steps.Aggregate(SupervisedTask.FromAssignment(assigned), (s, step) => SupervisedTask.Evolve(s, step.Event)!);
            await TimelinessScheduler.ScheduleNextAsync(session, outbox, task, rules, policy, now);
            count += steps.Count + 1;
        }
        Stamp(session.PendingChanges.Streams().Single(s => s.Key == read.PlanId).Events[0], DemoHistory.Office);
        await session.SaveChangesAsync(cancellationToken);
        services.GetRequiredService<UnitDirectoryCache>().Invalidate();
        return count;
    }

    // Each event carries who did it, as the write path's session header does for one request.
    private static void Stamp(JasperFx.Events.IEvent e, Actor actor) => e.SetHeader("actor", actor);
}
