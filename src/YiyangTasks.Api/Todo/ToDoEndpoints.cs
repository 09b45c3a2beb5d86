using Marten;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Units;
using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Todo;

/// <summary>GET /api/me/todo (a liaison's own unit) and GET /api/units/{unitId}/todo (office and supervision).</summary>
public static class ToDoEndpoints
{
    public static void MapToDo(this RouteGroupBuilder api)
    {
        api.MapGet("/me/todo", Mine).WithTags("Units").WithName("GetMyToDo")
            .WithSummary("Your unit's to-do (待办) across all plans: what it owes, by when, and the request that does it")
            .WithDescription("For a liaison. Ordered by due day (items without one last); counts for a badge.")
            .Produces<ToDoList>().ProducesProblem(403);
        api.MapGet("/units/{unitId}/todo", OfUnit).WithTags("Units").WithName("GetUnitToDo")
            .RequireAuthorization(Policies.OfficeOrSupervision)
            .WithSummary("A unit's to-do (待办) across all plans, for the office and the supervision group")
            .Produces<ToDoList>().ProducesProblem(403).ProducesProblem(404);
    }

    private static async Task<IResult> Mine(HttpContext http, IQuerySession session, ToDoQuery query)
    {
        var actor = ActorFilter.Of(http);
        if (actor.Role != Roles.Liaison || actor.Unit is not { } unit)
            return Problems.Forbidden(Messages.Of("todo-liaison-only"));
        return Results.Ok(await query.ForUnitAsync(session, unit, http.RequestAborted));
    }

    private static async Task<IResult> OfUnit(string unitId, HttpContext http, IQuerySession session, UnitDirectoryCache directory, ToDoQuery query)
    {
        if (await directory.ResolveAsync(unitId, http.RequestAborted) is not { } unit)
            return Problems.UnitNotFound(unitId);
        return Results.Ok(await query.ForUnitAsync(session, unit, http.RequestAborted));
    }
}
