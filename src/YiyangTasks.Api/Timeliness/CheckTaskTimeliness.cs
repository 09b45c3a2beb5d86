using Marten;
using Wolverine;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Timeliness;

/// <summary>A durable, scheduled check of one task's obligations, due at <paramref name="DueAt"/>.</summary>
public sealed record CheckTaskTimeliness(string StreamKey, DateTimeOffset DueAt);

/// <summary>Where each task's next timeliness check stands, so a sweep can find what fell due while nobody was looking.</summary>
public sealed record TaskCheckSchedule(string Id, string PlanId, DateTimeOffset NextCheckAt);

/// <summary>
/// Records the lapses that time brought to a task (acknowledgement overdue, report missed, deadline
/// missed), exactly once each, and schedules its next check. A satisfied obligation produces nothing.
/// </summary>
public static class CheckTaskTimelinessHandler
{
    public static async Task Handle(CheckTaskTimeliness message, IDocumentSession session, IMessageContext bus,
        TimelinessPolicy policy, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Our clock is behind the one Wolverine scheduled by (only in tests, or clock skew between nodes):
        // leave it to the sweep, which asks our clock, rather than re-scheduling in a loop.
        if (now < message.DueAt) return;

        var stream = await session.Events.FetchForWriting<SupervisedTask>(message.StreamKey, cancellationToken);
        if (stream.Aggregate is not { } task) return;
        var rules = await policy.RulesForAsync(task.PlanId, cancellationToken);

        var calendar = await policy.CalendarAsync(cancellationToken);
        var lapses = LapseCheck.Due(task, rules, calendar, now);
        if (lapses.Count > 0)
        {
            session.CorrelationId = $"timeliness-check:{message.StreamKey}";
            session.LastModifiedBy = Actor.System.UserId;
            session.SetHeader("actor", Actor.System);
            stream.AppendMany(lapses);
            task = lapses.Aggregate(task, (state, e) => SupervisedTask.Evolve(state, e)!);
        }
        await TimelinessScheduler.ScheduleNextAsync(session, bus, task, rules, policy, now);
        if (lapses.Count == 0) return;
        await session.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Keeps each task's next check scheduled (a durable Wolverine message) and recorded for the sweep.</summary>
public static class TimelinessScheduler
{
    public static async Task ScheduleNextAsync(IDocumentSession session, IMessageBus bus, SupervisedTask task,
        TimelinessRules rules, TimelinessPolicy policy, DateTimeOffset now)
    {
        var next = LapseCheck.NextCheckAt(task, rules, await policy.CalendarAsync(), now);
        if (next is { } dueAt)
        {
            session.Store(new TaskCheckSchedule(task.Id, task.PlanId, dueAt));
            await bus.ScheduleAsync(new CheckTaskTimeliness(task.Id, dueAt), dueAt);
        }
        else
        {
            session.Delete<TaskCheckSchedule>(task.Id);
        }
    }

    /// <summary>
    /// After a command: check at once if it left an obligation past due (a completion rejected after the deadline),
    /// else schedule again only when the command moved the task's next due instant.
    /// </summary>
    public static async Task AfterChangeAsync(IDocumentSession session, IMessageBus bus, SupervisedTask? before,
        SupervisedTask after, TimelinessRules rules, TimelinessPolicy policy, DateTimeOffset now)
    {
        var calendar = await policy.CalendarAsync();
        if (LapseCheck.Due(after, rules, calendar, now).Count > 0)
        {
            session.Store(new TaskCheckSchedule(after.Id, after.PlanId, now));
            await bus.PublishAsync(new CheckTaskTimeliness(after.Id, now));
            return;
        }
        var previous = before is null ? null : LapseCheck.NextCheckAt(before, rules, calendar, now);
        var next = LapseCheck.NextCheckAt(after, rules, calendar, now);
        if (before is not null && previous == next) return;
        await ScheduleNextAsync(session, bus, after, rules, policy, now);
    }
}
