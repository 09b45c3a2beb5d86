using System.Text.Json;
using Marten;
using Marten.Events;
using Marten.Linq.MatchesSql;
using YiyangTasks.Api.Timeliness;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Todo;

/// <summary>
/// Builds a unit's to-do from the open tasks it leads, across plans: only those tasks are read (an index on the
/// lead units), each judged by its own plan's rules (<see cref="ToDos.Of"/>), plus the extension decisions of the
/// last days, read from those tasks' streams.
/// </summary>
public sealed class ToDoQuery(TimelinessPolicy policy, TimeProvider clock)
{
    public async Task<ToDoList> ForUnitAsync(IQuerySession session, string unit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var calendar = await policy.CalendarAsync(cancellationToken);
        // What the unit leads, and what it cooperates on (its own part, CooperationObligations): each by its own index.
        var led = await OpenTasksLedBy(session, unit).ToListAsync(cancellationToken);
        var tasks = led.Concat(await OpenTasksCooperatedBy(session, unit).ToListAsync(cancellationToken)).DistinctBy(t => t.Id).ToArray();
        var plans = tasks.Length == 0
            ? new Dictionary<string, Plan>()
            : (await session.LoadManyAsync<Plan>(cancellationToken, tasks.Select(t => t.PlanId).Distinct().ToArray())).ToDictionary(p => p.Id);

        var items = new List<ToDoItem>();
        foreach (var task in tasks)
        {
            var rules = await policy.RulesForAsync(task.PlanId, cancellationToken);
            foreach (var owed in ToDos.Of(task, unit, rules, calendar, now))
                items.Add(Item(task, owed.Kind, owed.DueOn, owed.PeriodStart is { } start ? new ToDoPeriod(start, owed.PeriodEnd!.Value) : null, owed.Overdue));
        }
        foreach (var task in await RecentlyExtendedAsync(session, led, calendar, now, cancellationToken))
            items.Add(Item(task, ToDoKind.ExtensionDecided, null, null, false));

        var ordered = items.OrderBy(i => i.DueOn is null).ThenBy(i => i.DueOn).ThenBy(i => i.PlanId, StringComparer.Ordinal)
            .ThenBy(i => i.TaskNumber).ThenBy(i => i.Kind).ToArray();
        var counts = new ToDoCounts(ordered.Length, ordered.Count(i => i.Overdue),
            ordered.Count(i => !i.Overdue && i.WorkingDaysLeft is >= 0 and <= 3));
        return new ToDoList(unit, unit, now, counts, ordered);

        ToDoItem Item(SupervisedTask task, ToDoKind kind, DateOnly? dueOn, ToDoPeriod? period, bool overdue) => new(
            kind, task.PlanId, plans.TryGetValue(task.PlanId, out var plan) ? plan.Title : task.PlanId, task.Number, task.Text,
            dueOn, dueOn is { } day ? calendar.WorkingDaysBetween(today, day) : null, overdue, period, Action(task, kind));
    }

    /// <summary>
    /// The open tasks <paramref name="unit"/> leads, by the GIN index on the lead units (ProjectionRegistry): LINQ's
    /// LeadUnits.Contains compares the whole document (data @> …), which only an index of every task's whole
    /// document could serve.
    /// </summary>
    internal static IQueryable<SupervisedTask> OpenTasksLedBy(IQuerySession session, string unit) =>
        session.Query<SupervisedTask>()
            .Where(t => t.MatchesSql("d.data -> 'leadUnits' @> ?::jsonb", JsonSerializer.Serialize(new[] { unit }))
                && t.CompletedAt == null && t.WithdrawnAt == null);

    /// <summary>The open tasks <paramref name="unit"/> cooperates on, by the GIN index on the cooperating units.</summary>
    internal static IQueryable<SupervisedTask> OpenTasksCooperatedBy(IQuerySession session, string unit) =>
        session.Query<SupervisedTask>()
            .Where(t => t.MatchesSql("d.data -> 'cooperatingUnits' @> ?::jsonb", JsonSerializer.Serialize(new[] { unit }))
                && t.CompletedAt == null && t.WithdrawnAt == null);

    private static ToDoAction Action(SupervisedTask task, ToDoKind kind)
    {
        var href = $"/api/plans/{Uri.EscapeDataString(task.PlanId)}/tasks/{task.Number}";
        return kind switch
        {
            ToDoKind.Acknowledge => new("POST", href + "/acknowledgements"),
            ToDoKind.Report => new("POST", href + "/progress-reports"),
            ToDoKind.Complete or ToDoKind.RedoCompletion => new("POST", href + "/completion"),
            ToDoKind.AcknowledgeCooperation => new("POST", href + "/cooperation/acknowledgements"),
            ToDoKind.ReportCooperation => new("POST", href + "/cooperation/reports"),
            _ => new("GET", href),
        };
    }

    /// <summary>The tasks among <paramref name="tasks"/> whose extension request the office decided in the last days.</summary>
    private static async Task<IReadOnlyList<SupervisedTask>> RecentlyExtendedAsync(IQuerySession session, IReadOnlyList<SupervisedTask> tasks,
        Domain.Calendar.WorkingDayCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (tasks.Count == 0) return [];
        var keys = tasks.Select(t => t.Id).ToArray();
        // By the stream key (the events' primary index): the decisions of these tasks only.
        var decisions = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamKey!.IsOneOf(keys))
            .Where(e => e.EventTypesAre(typeof(DeadlineExtensionGranted), typeof(DeadlineExtensionRefused)))
            .ToListAsync(cancellationToken);
        var recent = decisions
            .Where(e => SupervisedTask.OccurredAt(e.Data) is { } at && ToDos.IsRecentDecision(at, calendar, now))
            .Select(e => e.StreamKey).ToHashSet();
        return tasks.Where(t => recent.Contains(t.Id)).ToArray();
    }
}
