using System.ComponentModel.DataAnnotations;
using YiyangTasks.Api.Http;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Tasks;

/// <summary>The body of POST …/progress-reports: what a unit on the task reports for a period.</summary>
public sealed record ProgressReportRequest(
    [property: Required] DateOnly? PeriodStart,
    [property: Required] DateOnly? PeriodEnd,
    [property: Required] ProgressStatus? Status,
    [property: Required] int? PercentDone,
    [property: Required] string? Narrative,
    IReadOnlyList<string>? Attachments,
    Guid? Supersedes) : IValidatedRequest
{
    public IResult? Validate() => new TextRules()
        .ReportPeriod(PeriodStart, PeriodEnd)
        .Check("status", Status is not null, "field.required-one-of", ("values", new[] { "onTrack", "atRisk", "blocked" }))
        .Check("percentDone", PercentDone is not null, "field.required")
        .Check("percentDone", PercentDone is null or (>= 0 and <= 100), "field.between", ("min", 0), ("max", 100))
        .Required("narrative", Narrative, 8000, multiline: true)
        .Each("attachments", Attachments, 20, 500)
        .Problem();
}

/// <summary>POST …/progress-reports: a lead or cooperating unit reports progress; a correction supersedes an earlier report.</summary>
public static class ReportProgress
{
    public static Task<IResult> Handle(string planId, int number, HttpContext http, TaskWrites writes)
    {
        var reportId = Guid.NewGuid();
        return writes.ExecuteAsync<ProgressReportRequest>(http, planId, number,
            request => (task, actor, now) => new Domain.Tasks.ReportProgress(reportId, actor.Unit!, request.PeriodStart!.Value,
                    request.PeriodEnd!.Value, request.Status!.Value, request.PercentDone!.Value, request.Narrative!.Trim(),
                    request.Attachments ?? [], request.Supersedes)
                .Decide(task, actor, now),
            TaskAccess.UnitOnTask, reportId);
    }
}
