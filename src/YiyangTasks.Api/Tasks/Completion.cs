using YiyangTasks.Api.Http;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Tasks;

/// <summary>The body of POST …/completion (办结申请): what the lead unit says was done.</summary>
public sealed record CompletionReportRequest(string? Summary)
{
    public IResult? Validate() => new TextRules().Required("summary", Summary, 8000, multiline: true).Problem();
}

/// <summary>The body of POST …/completion/acceptance: the office's optional comment.</summary>
public sealed record CompletionAcceptanceRequest(string? Comment)
{
    public IResult? Validate() => new TextRules().Optional("comment", Comment, 4000, multiline: true).Problem();
}

/// <summary>The body of POST …/completion/rejection: why the office reopens the task.</summary>
public sealed record CompletionRejectionRequest(string? Reason)
{
    public IResult? Validate() => new TextRules().Required("reason", Reason, 4000, multiline: true).Problem();
}

/// <summary>Completion: a lead unit reports it, the joint-conference office accepts or rejects it.</summary>
public static class Completion
{
    public static async Task<IResult> Report(string planId, int number, HttpContext http, TaskWrites writes)
    {
        var (request, problem) = await RequestBody.ReadJsonAsync<CompletionReportRequest>(http.Request);
        if ((problem ?? request!.Validate()) is { } refused) return refused;
        return await writes.ExecuteAsync(http, planId, number,
            (task, actor, now) => new ReportCompletion(actor.Unit!, request!.Summary!.Trim()).Decide(task, actor, now),
            TaskAccess.LeadUnitOnly);
    }

    public static async Task<IResult> Accept(string planId, int number, HttpContext http, TaskWrites writes)
    {
        var (request, problem) = await RequestBody.ReadJsonAsync<CompletionAcceptanceRequest>(http.Request);
        if ((problem ?? request!.Validate()) is { } refused) return refused;
        return await writes.ExecuteAsync(http, planId, number,
            (task, actor, now) => new AcceptCompletion(request!.Comment?.Trim()).Decide(task, actor, now));
    }

    public static async Task<IResult> Reject(string planId, int number, HttpContext http, TaskWrites writes)
    {
        var (request, problem) = await RequestBody.ReadJsonAsync<CompletionRejectionRequest>(http.Request);
        if ((problem ?? request!.Validate()) is { } refused) return refused;
        return await writes.ExecuteAsync(http, planId, number,
            (task, actor, now) => new RejectCompletion(request!.Reason!.Trim()).Decide(task, actor, now));
    }
}
