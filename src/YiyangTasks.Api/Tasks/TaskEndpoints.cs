using YiyangTasks.Api.Identity;
using YiyangTasks.Api.OpenApi;

namespace YiyangTasks.Api.Tasks;

/// <summary>Maps every endpoint of a plan's tasks: reads for all roles, each command for the role it belongs to.</summary>
public static class TaskEndpoints
{
    public static void MapTasks(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/plans/{planId}/tasks").WithTags("Tasks");
        tasks.MapGet("", ReadTasks.List).WithName("ListTasks")
            .WithSummary("List a plan's tasks, paged, filtered by unit, status or overdue")
            .Produces<TaskPage>().ProducesProblem(400).ProducesProblem(404);
        tasks.MapGet("/{number:int}", ReadTasks.One).WithName("GetTask").AnswersETag()
            .WithSummary("A task's current state (or, with ?asOf=, as it stood then), its version (the ETag) and its traffic light")
            .Produces<TaskView>().ProducesProblem(400).ProducesProblem(404);
        tasks.MapGet("/{number:int}/history", ReadTasks.History).WithName("GetTaskHistory")
            .WithSummary("Every event of a task: type, data, version, time and actor")
            .Produces<HistoryEntry[]>().ProducesProblem(404);

        var task = tasks.MapGroup("/{number:int}");
        task.MapPost("/acknowledgements", Acknowledge.Handle).WithName("AcknowledgeTask")
            .Command<AcknowledgementRequest>(Policies.LiaisonWork, "A lead unit acknowledges (签收) the task");
        task.MapPost("/progress-reports", ReportProgress.Handle).WithName("ReportProgress")
            .Command<ProgressReportRequest>(Policies.LiaisonWork, "A unit on the task reports progress for a period");
        task.MapPost("/completion", Completion.Report).WithName("ReportCompletion")
            .Command<CompletionReportRequest>(Policies.LiaisonWork, "A lead unit reports the task complete (办结申请)");
        task.MapPost("/completion/acceptance", Completion.Accept).WithName("AcceptCompletion")
            .Command<CompletionAcceptanceRequest>(Policies.OfficeWork, "The office accepts the reported completion");
        task.MapPost("/completion/rejection", Completion.Reject).WithName("RejectCompletion")
            .Command<CompletionRejectionRequest>(Policies.OfficeWork, "The office rejects the reported completion, reopening the task");
        task.MapPost("/deadline-extensions", DeadlineExtensions.Request).WithName("RequestDeadlineExtension")
            .Command<ExtensionRequest>(Policies.LiaisonWork, "A lead unit requests a later deadline (延期申请)");
        task.MapPost("/deadline-extensions/{requestId:guid}/decision", DeadlineExtensions.Decide).WithName("DecideDeadlineExtension")
            .Command<ExtensionDecisionRequest>(Policies.OfficeWork, "The office grants or refuses an extension request");
        task.MapPost("/deadline", DeadlineCorrections.Correct)
            .Command<DeadlineCorrectionRequest>(Policies.OfficeWork, "The office corrects how the task's deadline reads (完成时限更正)")
            .WithName("CorrectTaskDeadline");
        task.MapPost("/supervision", Supervision.RecordFinding).WithName("RecordSupervisionFinding")
            .Command<SupervisionFindingRequest>(Policies.SupervisionWork, "The supervision group records a finding (督查)");
        task.MapPost("/admonishments", Supervision.Admonish).WithName("IssueAdmonishment")
            .Command<UnitsAndReasonRequest>(Policies.SupervisionWork, "The supervision group admonishes units on the task (效能告诫)");
        task.MapPost("/escalations", Supervision.Escalate).WithName("EscalateToAccountability")
            .Command<UnitsAndReasonRequest>(Policies.SupervisionWork, "The supervision group escalates to accountability (问责)");
        task.MapCooperation();
    }

    /// <summary>What every command endpoint declares: its role, its body, its answer and its refusals.</summary>
    internal static RouteHandlerBuilder Command<TRequest>(this RouteHandlerBuilder endpoint, string policy, string summary) where TRequest : notnull =>
        endpoint.RequireAuthorization(policy).IsTaskCommand()
            .WithSummary(summary)
            .WithDescription("Send If-Match with the version you last saw to refuse a stale write (409); send an Idempotency-Key to make retries safe.")
            .Accepts<TRequest>("application/json")
            .Produces<CommandAccepted>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
