using Marten;
using Wolverine;

namespace YiyangTasks.Api.Timeliness;

/// <summary>Check every task whose next check fell due by now (by our clock): at start-up, and on a schedule.</summary>
public sealed record SweepDueChecks;

/// <summary>Runs the due checks one task at a time, each in its own transaction.</summary>
public static class SweepDueChecksHandler
{
    public static async Task Handle(SweepDueChecks _, IDocumentStore store, IMessageBus bus, TimeProvider clock,
        ILogger<SweepDueChecks> logger, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<TaskCheckSchedule> due;
        await using (var session = store.QuerySession())
            due = await session.Query<TaskCheckSchedule>().Where(s => s.NextCheckAt <= now)
                .OrderBy(s => s.NextCheckAt).ToListAsync(cancellationToken);
        foreach (var check in due)
            await bus.InvokeAsync(new CheckTaskTimeliness(check.Id, check.NextCheckAt), cancellationToken);
        if (due.Count > 0) logger.LogInformation("Timeliness sweep checked {Count} tasks that fell due", due.Count);
    }
}

/// <summary>At start-up, catches what fell due while the service was down.</summary>
public sealed class StartupSweep(IServiceProvider services, TimelinessPolicy policy, TimeProvider clock,
    ILogger<StartupSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await policy.LogCalendarCoverageAsync(clock.GetUtcNow(), stoppingToken);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SweepDueChecks(), stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "The start-up timeliness sweep failed; the scheduled sweep will try again");
        }
    }
}
