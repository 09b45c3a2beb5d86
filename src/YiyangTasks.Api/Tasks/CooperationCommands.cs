using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Tasks;

/// <summary>The (optional) body of POST …/cooperation/acknowledgements: what the unit owes (配合事项), when the plan names none or it words it anew.</summary>
public sealed record CooperationAcknowledgementRequest(string? Duty) : IValidatedRequest
{
    public IResult? Validate() => new TextRules().Optional("duty", Duty, AcknowledgeCooperation.MaxDutyLength).Problem();
}

/// <summary>The body of POST …/cooperation/reports: what a cooperating unit contributed for a period.</summary>
public sealed record CooperationReportRequest(DateOnly? PeriodStart, DateOnly? PeriodEnd, string? Narrative) : IValidatedRequest
{
    public IResult? Validate() => new TextRules()
        .ReportPeriod(PeriodStart, PeriodEnd)
        .Required("narrative", Narrative, 8000, multiline: true)
        .Problem();
}

/// <summary>
/// A cooperating unit's (配合单位) commands on its own part of a task: acknowledge what it owes, report on it. Through
/// the same write path as every task command (If-Match, Idempotency-Key, 409 for a rule or a stale version).
/// </summary>
public static class CooperationCommands
{
    public static void MapCooperation(this RouteGroupBuilder task)
    {
        task.MapPost("/cooperation/acknowledgements", Acknowledge)
            .Command<CooperationAcknowledgementRequest>(Policies.LiaisonWork, "A cooperating unit acknowledges its part (签收配合事项)")
            .WithName("AcknowledgeCooperation");
        task.MapPost("/cooperation/reports", Report)
            .Command<CooperationReportRequest>(Policies.LiaisonWork, "A cooperating unit reports what it contributed for a period (报送配合情况)")
            .WithName("ReportCooperation");
    }

    public static async Task<IResult> Acknowledge(string planId, int number, HttpContext http, TaskWrites writes)
    {
        string? duty = null;
        if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            var (request, problem) = await RequestBody.ReadJsonAsync<CooperationAcknowledgementRequest>(http.Request);
            if ((problem ?? request!.Validate()) is { } refused) return refused;
            duty = request!.Duty;
        }
        return await writes.ExecuteAsync(http, planId, number,
            (task, actor, now) => new AcknowledgeCooperation(actor.Unit!, duty).Decide(task, actor, now), CooperatingUnitOnly);
    }

    public static Task<IResult> Report(string planId, int number, HttpContext http, TaskWrites writes)
    {
        var reportId = Guid.NewGuid();
        return writes.ExecuteAsync<CooperationReportRequest>(http, planId, number,
            request => (task, actor, now) => new ReportCooperation(reportId, actor.Unit!, request.PeriodStart!.Value, request.PeriodEnd!.Value,
                request.Narrative!).Decide(task, actor, now),
            CooperatingUnitOnly, reportId);
    }

    /// <summary>A liaison acts on a part only for a unit that cooperates on the task (a lead unit acknowledges and reports as lead).</summary>
    private static IResult? CooperatingUnitOnly(SupervisedTask task, Actor actor) =>
        actor.Role != Roles.Liaison || actor.Unit is { } unit && task.IsOnTask(unit)
            ? null
            : Problems.Forbidden(Localization.Messages.Of("unit-not-cooperating", ("unit", actor.Unit), ("number", task.Number), ("plan", task.PlanId)));
}
