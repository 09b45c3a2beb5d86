using Marten;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tasks;
using YiyangTasks.Api.Units;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Audit;

/// <summary>A unit's full record: what it was assigned, what it did, and what it was found to have missed.</summary>
public sealed record UnitRecordView(string Unit, IReadOnlyList<HistoryEntry> Assigned, IReadOnlyList<HistoryEntry> Did,
    IReadOnlyList<HistoryEntry> FoundMissing);

/// <summary>The supervision group's audit queries over the full history.</summary>
public static class AuditEndpoints
{
    public static void MapAudit(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.SupervisionWork);
        audit.MapGet("/events", AuditQueries.Events).WithName("ListAuditEvents")
            .WithSummary("Every event, newest first, filtered by plan, unit, actor, type (e.g. AdmonishmentIssued) and time; paged")
            .Produces<AuditPage>().ProducesProblem(400);
        audit.MapGet("/units/{unitId}", UnitRecord).WithName("GetUnitRecord")
            .WithSummary("A unit's full record: everything it was assigned, did, and was found to have missed")
            .Produces<UnitRecordView>().ProducesProblem(404);

        // Verification is for the supervision group and for administrators (who keep the database honest).
        api.MapGroup("/audit").WithTags("Audit").MapGet("/verify", VerifyRecord.Verify)
            .RequireAuthorization(p => p.RequireRole(Roles.Supervision, Roles.Admin))
            .WithName("VerifyAuditRecord")
            .WithSummary("Recomputes every event hash and daily seal of a plan: what holds, events before hashing began, and the first event that breaks")
            .Produces<AuditVerification>().ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<IResult> UnitRecord(string unitId, HttpContext http, IQuerySession session, UnitDirectoryCache directory)
    {
        var unit = await directory.ResolveAsync(unitId, http.RequestAborted);
        if (unit is null) return Problems.UnitNotFound(unitId);
        var keys = await session.Query<SupervisedTask>()
            .Where(t => t.LeadUnits.Contains(unit) || t.CooperatingUnits.Contains(unit))
            .OrderBy(t => t.PlanId).ThenBy(t => t.Number)
            .Select(t => t.Id)
            .ToListAsync(http.RequestAborted);
        var assigned = new List<HistoryEntry>();
        var did = new List<HistoryEntry>();
        var missed = new List<HistoryEntry>();
        foreach (var key in keys)
        {
            var events = await session.Events.FetchStreamAsync(key, token: http.RequestAborted);
            var task = events.Aggregate((SupervisedTask?)null, (state, e) => SupervisedTask.Evolve(state, e.Data));
            foreach (var e in events)
            {
                var entry = ReadTasks.ToEntry(e);
                switch (e.Data)
                {
                    case TaskAssigned:
                        assigned.Add(entry);
                        break;
                    case AcknowledgementOverdue o when o.Unit == unit:
                    case ReportMissed r when r.Unit == unit:
                    case DeadlineMissed when task?.IsLeadUnit(unit) == true:
                    case AdmonishmentIssued a when a.Units.Contains(unit):
                    case AccountabilityEscalated x when x.Units.Contains(unit):
                        missed.Add(entry);
                        break;
                    default:
                        if (entry.Actor?.Unit == unit) did.Add(entry);
                        break;
                }
            }
        }
        return Results.Ok(new UnitRecordView(unit, assigned, did, missed));
    }
}
