using System.Security.Cryptography;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Marten;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.OpenApi;
using YiyangTasks.Api.Units;
using YiyangTasks.Domain.Timeliness;
using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Todo;

/// <summary>A unit's calendar-feed secret, as a hash: calendar apps cannot send a token, so the feed's URL carries the secret.</summary>
public sealed record CalendarFeedKey(string Id, string SecretHash, DateTimeOffset IssuedAt, string IssuedBy);

/// <summary>The answer to issuing a feed: the secret (shown once) and the URL to subscribe to.</summary>
public sealed record CalendarFeedIssued(string UnitId, string Key, string Url, DateTimeOffset IssuedAt);

/// <summary>
/// GET /api/units/{unitId}/calendar.ics?key=…: the unit's to-do due days as an RFC 5545 calendar, for Outlook, WPS
/// and phone calendars; the admin issues (POST) and revokes (DELETE) /api/admin/units/{unitId}/calendar-feed.
/// </summary>
public static class CalendarFeed
{
    /// <summary>The feed itself: no bearer token, only the unit's secret; a wrong or revoked one is a 404, like a unit that is not there.</summary>
    public static void MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/units/{unitId}/calendar.ics", Feed).AllowAnonymous().WithTags("Units").WithName("GetUnitCalendarFeed")
            .WithSummary("A unit's due days (签收, 报送, 办结) as an iCalendar feed; the key is the unit's feed secret")
            .Produces(200, contentType: "text/calendar").WithMetadata(new AlternativeContent(200, "text/calendar", Binary: false)).ProducesProblem(404);
    }

    public static void MapCalendarFeedAdmin(this RouteGroupBuilder api)
    {
        var feed = api.MapGroup("/admin/units/{unitId}/calendar-feed").WithTags("Units").RequireAuthorization(Policies.AdminWork);
        feed.MapPost("", Issue).WithName("IssueUnitCalendarFeed")
            .WithSummary("Issue (or replace) a unit's calendar-feed secret (admin); the answer holds the URL to subscribe to")
            .Produces<CalendarFeedIssued>().ProducesProblem(404);
        feed.MapDelete("", Revoke).WithName("RevokeUnitCalendarFeed")
            .WithSummary("Revoke a unit's calendar-feed secret (admin): its URL answers 404 from now on")
            .Produces(204).ProducesProblem(404);
    }

    private static async Task<IResult> Issue(string unitId, HttpContext http, IDocumentSession session, UnitDirectoryCache directory, TimeProvider clock)
    {
        if (await directory.ResolveAsync(unitId, http.RequestAborted) is not { } unit) return UnitNotFound(unitId);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var now = clock.GetUtcNow();
        session.Store(new CalendarFeedKey(unit, Hash(key), now, ActorFilter.Of(http).UserId));
        await session.SaveChangesAsync(http.RequestAborted);
        var url = $"{http.Request.Scheme}://{http.Request.Host}/api/units/{Uri.EscapeDataString(unit)}/calendar.ics?key={key}";
        return Results.Ok(new CalendarFeedIssued(unit, key, url, now));
    }

    private static async Task<IResult> Revoke(string unitId, HttpContext http, IDocumentSession session, UnitDirectoryCache directory)
    {
        if (await directory.ResolveAsync(unitId, http.RequestAborted) is not { } unit) return UnitNotFound(unitId);
        if (await session.LoadAsync<CalendarFeedKey>(unit, http.RequestAborted) is null)
            return Problems.NotFound(Messages.Of("calendar-feed-none", ("unit", unit)));
        session.Delete<CalendarFeedKey>(unit);
        await session.SaveChangesAsync(http.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> Feed(string unitId, string? key, HttpContext http, IQuerySession session, UnitDirectoryCache directory,
        ToDoQuery query)
    {
        // One answer for every refusal: the URL must not tell whether the unit exists.
        var unit = await directory.ResolveAsync(unitId, http.RequestAborted);
        var stored = unit is null ? null : await session.LoadAsync<CalendarFeedKey>(unit, http.RequestAborted);
        if (stored is null || key is not { Length: > 0 and <= 200 }
            || !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(stored.SecretHash), Convert.FromHexString(Hash(key))))
            return Problems.NotFound(Messages.Of("calendar-feed-not-found"));

        var todo = await query.ForUnitAsync(session, unit!, http.RequestAborted);
        var calendar = new Ical.Net.Calendar { ProductId = "-//YiyangTasks//待办//ZH" };
        calendar.AddProperty("X-WR-CALNAME", Messages.Of("todo.calendar-name", ("unit", unit)));
        foreach (var item in todo.Items.Where(i => i.DueOn is not null))
        {
            var day = item.DueOn!.Value;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{item.Kind}/{item.PlanId}/{item.TaskNumber}/{item.Period?.Start:yyyyMMdd}@yiyangtasks",
                Summary = Messages.Of("todo.summary", ("what", Title(item)), ("plan", item.PlanTitle), ("number", item.TaskNumber)),
                Description = item.TaskText,
                DtStart = new CalDateTime(day.Year, day.Month, day.Day),
                DtEnd = new CalDateTime(day.AddDays(1).Year, day.AddDays(1).Month, day.AddDays(1).Day),
                DtStamp = new CalDateTime(todo.AsOf.UtcDateTime, "UTC"),
            });
        }
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return Results.File(Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", $"{unit}.ics");
    }

    private static string Title(ToDoItem item) =>
        Messages.Of($"todo.{item.Kind}", ("year", item.Period?.Start.Year), ("month", item.Period?.Start.Month));

    private static IResult UnitNotFound(string unitId) => Problems.UnitNotFound(unitId);

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
