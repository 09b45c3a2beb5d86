using System.ComponentModel.DataAnnotations;
using Marten;
using Wolverine.Marten;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Reports;
using YiyangTasks.Api.Timeliness;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Units;

/// <summary>The body of POST /api/units/{unitId}/merges: a name plans write (an unknown unit of an import) that means this unit.</summary>
public sealed record MergeUnitRequest([property: Required] string? Name)
{
    public IResult? Validate() => new TextRules().Required("name", Name, 100).Problem();
}

/// <summary>What a merge did: the unit as it now stands, the name merged into it, and each task that now names the unit.</summary>
public sealed record UnitMerged(UnitRecord Unit, string Merged, IReadOnlyList<MergedTask> Tasks);

/// <summary>A task a merge revised, and which of its unit lists changed.</summary>
public sealed record MergedTask(string PlanId, int Number, IReadOnlyList<string> Changes);

/// <summary>
/// POST /api/units/{unitId}/merges (admin): the directory learns that a name is this unit. The name becomes one of the
/// unit's aliases (so later imports resolve it), the unit the name stood for is folded in, and every task naming it
/// follows by a TaskRevised on its own stream (events, not edits), all in one transaction.
/// </summary>
public static class MergeUnitEndpoint
{
    public static async Task<IResult> Handle(string unitId, HttpContext http, IDocumentStore store, IMartenOutbox outbox,
        UnitDirectoryCache directory, TimelinessPolicy timeliness, TimeProvider clock)
    {
        var (request, problem) = await RequestBody.ReadJsonAsync<MergeUnitRequest>(http.Request);
        if ((problem ?? request!.Validate()) is { } refused) return refused;
        var name = request!.Name!.Trim();
        var cancellationToken = http.RequestAborted;

        var actor = ActorFilter.Of(http);
        var now = clock.GetUtcNow();
        await using var session = ActingSession.Open(store, outbox, actor, Correlation.Id(http));

        var unit = await session.LoadAsync<UnitRecord>(unitId, cancellationToken);
        if (unit is null) return Problems.UnitNotFound(unitId);
        if (unit.IsNamed(name))
            return Problems.Problem(409, "already-merged", Messages.Of("already-merged", ("name", name), ("unit", unit.Id)));
        var known = await directory.ResolveAsync(name, cancellationToken);
        if (known is not null && known != name)
            return Problems.Problem(409, "alias-taken", Messages.Of("alias-of-another", ("name", name), ("unit", known)), title: "alias-of-another");
        var merged = await session.LoadAsync<UnitRecord>(name, cancellationToken);
        if (merged is { IsGroup: true } && !unit.IsGroup)
            return Problems.Problem(409, "group-into-unit", Messages.Of("group-into-unit", ("name", name), ("unit", unit.Id)));

        var tasks = await session.Query<SupervisedTask>()
            .Where(t => t.LeadUnits.Contains(name) || t.CooperatingUnits.Contains(name))
            .OrderBy(t => t.PlanId).ThenBy(t => t.Number)
            .ToListAsync(cancellationToken);
        var revised = new List<MergedTask>();
        foreach (var planTasks in tasks.GroupBy(t => t.PlanId))
        {
            var rules = await timeliness.RulesForAsync(planTasks.Key, cancellationToken);
            foreach (var listed in planTasks)
            {
                var stream = await session.Events.FetchForWriting<SupervisedTask>(listed.Id, cancellationToken);
                if (stream.Aggregate is not { } task) continue;
                var decision = new MergeUnit(name, unit.Id).Decide(task, actor, now);
                if (decision.Refusal is { } refusal) return Problems.Problem(409, refusal.Rule, Messages.Of(refusal), title: "merge-refused");
                if (decision.Events.Count == 0) continue;
                stream.AppendMany(decision.Events);
                var change = (TaskRevised)decision.Events[0];
                revised.Add(new MergedTask(task.PlanId, task.Number, change.Changes));
                await TimelinessScheduler.AfterChangeAsync(session, outbox, task, SupervisedTask.Evolve(task, change)!, rules, timeliness, now);
            }
        }

        var updated = unit with
        {
            Aliases = unit.Aliases.Concat([name, .. merged?.Aliases ?? []]).Where(a => a != unit.Id).Distinct().ToArray(),
            Jurisdictions = unit.Jurisdictions.Union(merged?.Jurisdictions ?? []).ToArray(),
            Liaisons = unit.Liaisons.Count > 0 ? unit.Liaisons : merged?.Liaisons ?? [],
        };
        session.Store(updated);
        if (merged is not null) session.Delete<UnitRecord>(merged.Id);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return Problems.Problem(409, "merge-conflict", Messages.Of("merge-conflict"));
        }
        directory.Invalidate();
        return Results.Ok(new UnitMerged(updated, name, revised));
    }
}
