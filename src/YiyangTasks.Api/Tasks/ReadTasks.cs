using JasperFx.Events;
using Marten;
using Marten.Pagination;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Timeliness;
using YiyangTasks.Domain.Timeliness;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;
using TaskStatus = YiyangTasks.Domain.Tasks.TaskStatus;

namespace YiyangTasks.Api.Tasks;

/// <summary>A task as the API shows it: its state, the version to send back as If-Match, and its traffic light (红黄绿灯) with the reasons.</summary>
public sealed record TaskView(long Version, DateTimeOffset AsOf, TaskDetails Task, Localization.LightView Light)
{
    /// <summary>The deadline as written (kind, words, implied dates) and the due dates it brings.</summary>
    public DeadlineView? Deadline { get; init; }
}

/// <summary>One page of a plan's tasks.</summary>
public sealed record TaskPage(int Page, int PageSize, long Total, IReadOnlyList<TaskDetails> Tasks);

/// <summary>One event of a task's history, with who did it and in which request.</summary>
public sealed record HistoryEntry(long Version, long Sequence, string Type, DateTimeOffset Timestamp,
    Actor? Actor, string? CorrelationId, object Data);

/// <summary>GET a task, a plan's tasks, and a task's history.</summary>
public static class ReadTasks
{
    public static async Task<IResult> One(string planId, int number, DateTimeOffset? asOf, HttpContext http, IDocumentStore store,
        TimelinessPolicy policy, TimeProvider clock)
    {
        // Year 9999 would overflow the light's calendar arithmetic; a day of year 1 is a typo.
        if (new TextRules().Dated("asOf", asOf is { } asked ? DateOnly.FromDateTime(asked.UtcDateTime) : null).Problem() is { } invalid)
            return invalid;
        await using var session = store.QuerySession();
        var key = SupervisedTask.StreamKey(planId, number);
        var now = asOf ?? clock.GetUtcNow();
        // The task with its whole record, folded from its events; as of an instant, from the events that had happened by
        // then (by their own time, which is the clock of whoever recorded them), and its light on that instant.
        var events = (await session.Events.FetchStreamAsync(key, token: http.RequestAborted))
            .TakeWhile(e => asOf is not { } instant || SupervisedTask.OccurredAt(e.Data) is not { } at || at <= instant).ToArray();
        var version = events.Length == 0 ? 0 : events[^1].Version;
        var found = events.Aggregate((SupervisedTask?)null, (state, e) => SupervisedTask.Evolve(state, e.Data));
        if (found is null)
        {
            if (asOf is not null && await session.Events.FetchStreamStateAsync(key, http.RequestAborted) is not null)
                return Problems.NotFound(Localization.Messages.Of("task-not-yet-assigned", ("plan", planId), ("number", number), ("asOf", asOf)));
            return await NotFoundAsync(session, planId, number);
        }
        if (TaskAccess.ReadRefusal(found, ActorFilter.Of(http)) is { } refusal) return refusal;
        if (asOf is null) http.Response.Headers.ETag = IfMatch.Format(version);
        var light = TrafficLight.Of(found, await policy.RulesForAsync(planId, http.RequestAborted),
            await policy.CalendarAsync(http.RequestAborted), now);
        return Results.Ok(new TaskView(version, now, TaskDetails.Of(found, TaskRecord.Of(events.Select(e => e.Data))), Localization.LightView.Of(light))
            { Deadline = DeadlineView.Of(found, now) });
    }

    public static async Task<IResult> List(string planId, string? unit, string? status, bool? overdue,
        int? page, int? pageSize, HttpContext http, IQuerySession session, TimeProvider clock)
    {
        var cancellationToken = http.RequestAborted;
        var actor = ActorFilter.Of(http);
        if (actor.Role == Roles.Liaison)
        {
            // A liaison lists only their own unit's tasks.
            if (unit is not null && unit != actor.Unit) return Problems.Forbidden(Localization.Messages.Of("liaison-own-unit-tasks"));
            unit = actor.Unit;
        }
        if (page is < 1) return Problems.Invalid("page", "field.at-least", ("min", 1));
        // Past this the rows to skip overflow an int (a 500 from the database, not an empty page).
        if (page > MaxPage) return Problems.Invalid("page", "field.between", ("min", 1), ("max", MaxPage));
        if (pageSize is < 1 or > 500) return Problems.Invalid("pageSize", "field.between", ("min", 1), ("max", 500));
        if (new TextRules().Optional("unit", unit, 100).Problem() is { } invalid) return invalid;
        if (await session.LoadAsync<Plan>(planId, cancellationToken) is null)
            return Problems.PlanNotFound(planId);

        var query = session.Query<SupervisedTask>().Where(t => t.PlanId == planId);
        if (!string.IsNullOrWhiteSpace(unit))
            query = query.Where(t => t.LeadUnits.Contains(unit) || t.CooperatingUnits.Contains(unit));
        if (status is not null)
        {
            if (!Enum.TryParse<TaskStatus>(status, ignoreCase: true, out var s) || int.TryParse(status, out _))
                return Problems.Invalid("status", "field.one-of", ("values", Enum.GetNames<TaskStatus>().Select(JsonNaming).ToArray()));
            query = query.Where(t => t.Status == s);
        }
        if (overdue is { } late)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
            query = late
                ? query.Where(t => t.Status != TaskStatus.Completed && t.Deadline != null && t.Deadline < today)
                : query.Where(t => t.Status == TaskStatus.Completed || t.Deadline == null || t.Deadline >= today);
        }
        var number = page ?? 1;
        var size = pageSize ?? 50;
        var tasks = await query.OrderBy(t => t.Number).ToPagedListAsync(number, size, cancellationToken);
        // Each task's record from its events, in one round trip for the page.
        var batch = session.CreateBatchQuery();
        var streams = tasks.Select(t => batch.Events.FetchStream(t.Id)).ToArray();
        if (streams.Length > 0) await batch.Execute(cancellationToken);
        var details = new List<TaskDetails>(streams.Length);
        for (var i = 0; i < streams.Length; i++)
            details.Add(TaskDetails.Of(tasks[i], TaskRecord.Of((await streams[i]).Select(e => e.Data))));
        return Results.Ok(new TaskPage(number, size, tasks.TotalItemCount, details));
    }

    public const int MaxPage = 1_000_000;

    private static string JsonNaming(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    public static async Task<IResult> History(string planId, int number, HttpContext http, IQuerySession session)
    {
        var key = SupervisedTask.StreamKey(planId, number);
        var task = await session.LoadAsync<SupervisedTask>(key, http.RequestAborted);
        if (task is null) return await NotFoundAsync(session, planId, number);
        if (TaskAccess.ReadRefusal(task, ActorFilter.Of(http)) is { } refusal) return refusal;
        var events = await session.Events.FetchStreamAsync(key, token: http.RequestAborted);
        return Results.Ok(events.Select(ToEntry).ToArray());
    }

    public static HistoryEntry ToEntry(IEvent e) =>
        new(e.Version, e.Sequence, e.Data.GetType().Name, e.Timestamp, EventActor.Of(e), e.CorrelationId, e.Data);

    internal static async Task<IResult> NotFoundAsync(IQuerySession session, string planId, int number) =>
        await session.LoadAsync<Plan>(planId) is null
            ? Problems.PlanNotFound(planId)
            : Problems.NotFound(Localization.Messages.Of("task-not-found", ("plan", planId), ("number", number)));
}
