using Marten;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.OpenApi;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Units;

/// <summary>A unit with the tasks it leads and cooperates on, across every plan.</summary>
public sealed record UnitView(UnitRecord Unit, IReadOnlyList<UnitTask> Leads, IReadOnlyList<UnitTask> CooperatesOn);

/// <summary>A task as a unit's page lists it.</summary>
public sealed record UnitTask(string PlanId, int Number, string Text, Domain.Tasks.TaskStatus Status, DateOnly? Deadline);

/// <summary>The body of PUT /api/units/{unitId}: the admin's edit of a unit's aliases, group flag and liaisons.</summary>
public sealed record UnitEditRequest(IReadOnlyList<string>? Aliases, bool? IsGroup, IReadOnlyList<LiaisonContact>? Liaisons)
{
    public IResult? Validate()
    {
        var rules = new TextRules().Each("aliases", Aliases, 50, 100);
        for (var i = 0; i < (Liaisons?.Count ?? 0) && i < 50; i++)
        {
            rules.Check($"liaisons[{i}]", Liaisons![i] is not null, "field.not-null");
            if (Liaisons[i] is { } liaison)
                rules.Required($"liaisons[{i}].name", liaison.Name, 50)
                    .Optional($"liaisons[{i}].title", liaison.Title, 100)
                    .Optional($"liaisons[{i}].phone", liaison.Phone, 50);
        }
        return rules.Check("liaisons", (Liaisons?.Count ?? 0) <= 50, "field.too-many", ("max", 50)).Problem();
    }
}

/// <summary>GET /api/units, GET /api/units/{unitId}, and the admin's PUT /api/units/{unitId} and POST /api/units/{unitId}/merges.</summary>
public static class UnitEndpoints
{
    public static void MapUnits(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Units");
        units.MapGet("", List).WithName("ListUnits").WithSummary("The unit directory: canonical names, aliases, liaisons")
            .Produces<UnitRecord[]>();
        units.MapGet("/{unitId}", One).WithName("GetUnit").WithSummary("A unit, its aliases, its liaisons and its tasks")
            .Produces<UnitView>().ProducesProblem(403).ProducesProblem(404);
        units.MapPut("/{unitId}", Edit).WithName("EditUnit").RequireAuthorization(Policies.AdminWork)
            .WithSummary("Set a unit's aliases, group flag and liaisons (admin)")
            .Accepts<UnitEditRequest>("application/json")
            .Produces<UnitRecord>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .ProducesProblem(413).ProducesProblem(415);
        units.MapPost("/{unitId}/merges", MergeUnitEndpoint.Handle).WithName("MergeUnit").RecordsCorrelationId().RequireAuthorization(Policies.AdminWork)
            .WithSummary("Merge a name plans write (an import's unknown unit) into this unit; the tasks naming it follow (admin)")
            .WithDescription("The name becomes an alias of the unit, so later imports resolve it; the unit the name stood for is " +
                             "folded in and every task naming it is revised (TaskRevised) to name this unit, in one transaction.")
            .Accepts<MergeUnitRequest>("application/json")
            .Produces<UnitMerged>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .ProducesProblem(413).ProducesProblem(415);
    }

    private static async Task<IResult> List(IQuerySession session, CancellationToken cancellationToken) =>
        Results.Ok(await session.Query<UnitRecord>().OrderBy(u => u.Id).ToListAsync(cancellationToken));

    private static async Task<IResult> One(string unitId, HttpContext http, IQuerySession session, UnitDirectoryCache directory)
    {
        var canonical = await directory.ResolveAsync(unitId, http.RequestAborted);
        var unit = canonical is null ? null : await session.LoadAsync<UnitRecord>(canonical, http.RequestAborted);
        if (unit is null) return Problems.UnitNotFound(unitId);
        var actor = ActorFilter.Of(http);
        if (actor.Role == Roles.Liaison && actor.Unit != unit.Id)
            return Problems.Forbidden(Messages.Of("liaison-own-unit"));
        var tasks = await session.Query<SupervisedTask>()
            .Where(t => t.LeadUnits.Contains(unit.Id) || t.CooperatingUnits.Contains(unit.Id))
            .OrderBy(t => t.PlanId).ThenBy(t => t.Number)
            .ToListAsync(http.RequestAborted);
        UnitTask Row(SupervisedTask t) => new(t.PlanId, t.Number, t.Text, t.Status, t.Deadline);
        return Results.Ok(new UnitView(unit,
            tasks.Where(t => t.IsLeadUnit(unit.Id)).Select(Row).ToArray(),
            tasks.Where(t => !t.IsLeadUnit(unit.Id)).Select(Row).ToArray()));
    }

    private static async Task<IResult> Edit(string unitId, HttpContext http, IDocumentSession session, UnitDirectoryCache directory)
    {
        var (request, problem) = await RequestBody.ReadJsonAsync<UnitEditRequest>(http.Request);
        if ((problem ?? request!.Validate()) is { } refused) return refused;
        var unit = await session.LoadAsync<UnitRecord>(unitId, http.RequestAborted);
        if (unit is null) return Problems.UnitNotFound(unitId);
        var aliases = request!.Aliases?.Select(a => a.Trim()).Where(a => a != unit.Id).Distinct().ToArray() ?? unit.Aliases;
        foreach (var alias in aliases)
            if (await directory.ResolveAsync(alias, http.RequestAborted) is { } other && other != unit.Id)
                return Problems.Problem(409, "alias-taken", Messages.Of("alias-taken", ("alias", alias), ("unit", other)));
        var edited = unit with
        {
            Aliases = aliases,
            IsGroup = request.IsGroup ?? unit.IsGroup,
            Liaisons = request.Liaisons ?? unit.Liaisons,
        };
        session.Store(edited);
        await session.SaveChangesAsync(http.RequestAborted);
        directory.Invalidate();
        return Results.Ok(edited);
    }
}
