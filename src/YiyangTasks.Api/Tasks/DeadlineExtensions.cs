using System.ComponentModel.DataAnnotations;
using YiyangTasks.Api.Http;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Tasks;

/// <summary>The body of POST …/deadline-extensions (延期申请): the date a lead unit asks for, and why.</summary>
public sealed record ExtensionRequest([property: Required] DateOnly? RequestedDeadline, [property: Required] string? Reason) : IValidatedRequest
{
    public IResult? Validate() => new TextRules()
        .Check("requestedDeadline", RequestedDeadline is not null, "field.required")
        .Dated("requestedDeadline", RequestedDeadline)
        .Required("reason", Reason, 4000, multiline: true)
        .Problem();
}

/// <summary>The body of POST …/deadline-extensions/{requestId}/decision: the office grants (maybe another date) or refuses.</summary>
public sealed record ExtensionDecisionRequest([property: Required] bool? Grant, DateOnly? NewDeadline, string? Reason) : IValidatedRequest
{
    public IResult? Validate() => new TextRules()
        .Check("grant", Grant is not null, "field.grant")
        .Dated("newDeadline", NewDeadline)
        .Check("reason", Grant != false || !string.IsNullOrWhiteSpace(Reason), "field.reason-when-refusing")
        .Optional("reason", Reason, 4000, multiline: true)
        .Problem();
}

/// <summary>Deadline extensions: a lead unit requests one, the office decides.</summary>
public static class DeadlineExtensions
{
    public static Task<IResult> Request(string planId, int number, HttpContext http, TaskWrites writes)
    {
        var requestId = Guid.NewGuid();
        return writes.ExecuteAsync<ExtensionRequest>(http, planId, number,
            request => (task, actor, now) => new RequestDeadlineExtension(requestId, actor.Unit!, request.RequestedDeadline!.Value,
                request.Reason!.Trim()).Decide(task, actor, now),
            TaskAccess.LeadUnitOnly, requestId);
    }

    public static Task<IResult> Decide(string planId, int number, Guid requestId, HttpContext http, TaskWrites writes) =>
        writes.ExecuteAsync<ExtensionDecisionRequest>(http, planId, number,
            request => (task, actor, now) => new DecideDeadlineExtension(requestId, request.Grant!.Value, request.NewDeadline,
                request.Reason?.Trim()).Decide(task, actor, now));
}
