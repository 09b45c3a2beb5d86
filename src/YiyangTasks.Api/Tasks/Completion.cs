using System.ComponentModel.DataAnnotations;
using YiyangTasks.Api.Http;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Tasks;

/// <summary>The body of POST …/completion (办结申请): what the lead unit says was done.</summary>
public sealed record CompletionReportRequest([property: Required] string? Summary) : IValidatedRequest
{
    public IResult? Validate() => new TextRules().Required("summary", Summary, 8000, multiline: true).Problem();
}

/// <summary>The body of POST …/completion/acceptance: the office's optional comment.</summary>
public sealed record CompletionAcceptanceRequest(string? Comment) : IValidatedRequest
{
    public IResult? Validate() => new TextRules().Optional("comment", Comment, 4000, multiline: true).Problem();
}

/// <summary>The body of POST …/completion/rejection: why the office reopens the task.</summary>
public sealed record CompletionRejectionRequest([property: Required] string? Reason) : IValidatedRequest
{
    public IResult? Validate() => new TextRules().Required("reason", Reason, 4000, multiline: true).Problem();
}

/// <summary>Completion: a lead unit reports it, the joint-conference office accepts or rejects it.</summary>
public static class Completion
{
    public static Task<IResult> Report(string planId, int number, HttpContext http, TaskWrites writes) =>
        writes.ExecuteAsync<CompletionReportRequest>(http, planId, number,
            request => (task, actor, now) => new ReportCompletion(actor.Unit!, request.Summary!.Trim()).Decide(task, actor, now),
            TaskAccess.LeadUnitOnly);

    public static Task<IResult> Accept(string planId, int number, HttpContext http, TaskWrites writes) =>
        writes.ExecuteAsync<CompletionAcceptanceRequest>(http, planId, number,
            request => (task, actor, now) => new AcceptCompletion(request.Comment?.Trim()).Decide(task, actor, now));

    public static Task<IResult> Reject(string planId, int number, HttpContext http, TaskWrites writes) =>
        writes.ExecuteAsync<CompletionRejectionRequest>(http, planId, number,
            request => (task, actor, now) => new RejectCompletion(request.Reason!.Trim()).Decide(task, actor, now));
}
