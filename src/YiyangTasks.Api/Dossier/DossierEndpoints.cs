using Marten;
using Npgsql;
using YiyangTasks.Api.Audit;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.OpenApi;
using YiyangTasks.Api.Timeliness;
using YiyangTasks.Api.Units;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Dossier;

/// <summary>GET the accountability file (一事一档) of a task, or of a unit's tasks in a plan, as a Word document.</summary>
public static class DossierEndpoints
{
    public static void MapDossiers(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{planId}/tasks/{number:int}/dossier", ForTask)
            .WithTags("Tasks").WithName("GetTaskDossier").RequireAuthorization(Policies.OfficeOrSupervision)
            .WithSummary("The task's accountability file (一事一档) as .docx: as assigned, each obligation and what happened, supervision, extensions, verification")
            .Produces(StatusCodes.Status200OK, contentType: DossierDocx.ContentType).AlsoProducesFile(StatusCodes.Status200OK, DossierDocx.ContentType).ProducesProblem(404);
        api.MapGet("/units/{unitId}/dossier", ForUnit)
            .WithTags("Units").WithName("GetUnitDossier").RequireAuthorization(Policies.OfficeOrSupervision)
            .WithSummary("A unit's accountability file for one plan as .docx: every task it leads or cooperates on")
            .Produces(StatusCodes.Status200OK, contentType: DossierDocx.ContentType).AlsoProducesFile(StatusCodes.Status200OK, DossierDocx.ContentType).ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<IResult> ForTask(string planId, int number, IQuerySession session, NpgsqlDataSource dataSource,
        TimelinessPolicy policy, CancellationToken token)
    {
        if (await session.LoadAsync<Plan>(planId, token) is not { } plan) return Problems.PlanNotFound(planId);
        var key = SupervisedTask.StreamKey(planId, number);
        if (await PartAsync(session, dataSource, policy, key, token) is not { } part)
            return Problems.NotFound(Messages.Of("task-not-found", ("plan", planId), ("number", number)));
        var bytes = DossierDocx.Write($"一事一档：第{number}项任务", Preface(plan), [(null, part)]);
        return Results.File(bytes, DossierDocx.ContentType, $"dossier-{planId}-{number}.docx");
    }

    private static async Task<IResult> ForUnit(string unitId, string? plan, IQuerySession session, NpgsqlDataSource dataSource,
        TimelinessPolicy policy, UnitDirectoryCache directory, CancellationToken token)
    {
        if (string.IsNullOrWhiteSpace(plan)) return Problems.Invalid("plan", "field.plan-of-file");
        if (new TextRules().Optional("plan", plan, 64).Problem() is { } invalid) return invalid;
        if (await session.LoadAsync<Plan>(plan, token) is not { } found) return Problems.PlanNotFound(plan);
        if (await directory.ResolveAsync(unitId, token) is not { } unit) return Problems.UnitNotFound(unitId);
        var keys = await session.Query<SupervisedTask>()
            .Where(t => t.PlanId == plan && (t.LeadUnits.Contains(unit) || t.CooperatingUnits.Contains(unit)))
            .OrderBy(t => t.Number).Select(t => t.Id).ToListAsync(token);
        var parts = new List<(string?, IReadOnlyList<DossierSection>)>();
        foreach (var key in keys)
            if (await PartAsync(session, dataSource, policy, key, token) is { } part)
                parts.Add(($"第{key[(key.LastIndexOf('/') + 1)..]}项任务", part));
        if (parts.Count == 0) parts.Add((null, [new DossierSection("本方案中无该单位牵头或配合的任务。", [])]));
        var bytes = DossierDocx.Write($"一事一档：{unit}", Preface(found), parts);
        return Results.File(bytes, DossierDocx.ContentType, $"dossier-{plan}-unit.docx");
    }

    /// <summary>One task's sections, from its event stream as stored and verified; null when there is no such task.</summary>
    private static async Task<IReadOnlyList<DossierSection>?> PartAsync(IQuerySession session, NpgsqlDataSource dataSource,
        TimelinessPolicy policy, string key, CancellationToken token)
    {
        var events = await session.Events.FetchStreamAsync(key, token: token);
        if (events.Count == 0 || events[0].Data is not TaskAssigned) return null;
        var check = ChainCheck.Verify(key, await StoredEvents.ForStreamAsync(dataSource, key, token));
        return TaskDossier.Sections(events, check, await policy.CalendarAsync(token));
    }

    private static IReadOnlyList<string> Preface(Plan plan) =>
        [$"《{plan.Title}》" + (plan.DocumentNumber is null ? "" : $"（{plan.DocumentNumber}）")];
}
