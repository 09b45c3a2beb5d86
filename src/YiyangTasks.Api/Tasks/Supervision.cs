using System.ComponentModel.DataAnnotations;
using YiyangTasks.Api.Http;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Tasks;

/// <summary>The body of POST …/supervision (督查): the supervision group's rating and notes.</summary>
public sealed record SupervisionFindingRequest([property: Required] SupervisionRating? Rating, [property: Required] string? Notes) : IValidatedRequest
{
    public IResult? Validate() => new TextRules()
        .Check("rating", Rating is not null, "field.required-one-of", ("values", new[] { "good", "fair", "poor" }))
        .Required("notes", Notes, 8000, multiline: true)
        .Problem();
}

/// <summary>The body of POST …/admonishments (效能告诫) and …/escalations (问责): which units, and why.</summary>
public sealed record UnitsAndReasonRequest([property: Required] IReadOnlyList<string>? Units, [property: Required] string? Reason) : IValidatedRequest
{
    public IResult? Validate() => new TextRules()
        .Each("units", Units, 50, 100, required: true)
        .Required("reason", Reason, 4000, multiline: true)
        .Problem();
}

/// <summary>The supervision group's work on a task: findings, admonishments, escalation to accountability.</summary>
public static class Supervision
{
    public static Task<IResult> RecordFinding(string planId, int number, HttpContext http, TaskWrites writes) =>
        writes.ExecuteAsync<SupervisionFindingRequest>(http, planId, number,
            request => (task, actor, now) => new RecordSupervisionFinding(request.Rating!.Value, request.Notes!.Trim()).Decide(task, actor, now));

    public static Task<IResult> Admonish(string planId, int number, HttpContext http, TaskWrites writes) =>
        writes.ExecuteAsync<UnitsAndReasonRequest>(http, planId, number,
            request => (task, actor, now) => new IssueAdmonishment(Units(request), request.Reason!.Trim()).Decide(task, actor, now));

    public static Task<IResult> Escalate(string planId, int number, HttpContext http, TaskWrites writes) =>
        writes.ExecuteAsync<UnitsAndReasonRequest>(http, planId, number,
            request => (task, actor, now) => new EscalateToAccountability(Units(request), request.Reason!.Trim()).Decide(task, actor, now));

    private static IReadOnlyList<string> Units(UnitsAndReasonRequest request) =>
        request.Units!.Select(u => u.Trim()).Distinct().ToArray();
}
