using YiyangTasks.Api.Identity;
using YiyangTasks.Api.OpenApi;

namespace YiyangTasks.Api.Plans;

/// <summary>Maps the plan endpoints: reading plans for all roles, registering one for the office.</summary>
public static class PlanEndpoints
{
    public static void MapPlans(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Plans");
        plans.MapGet("", ReadPlans.List).WithName("ListPlans")
            .WithSummary("Every plan followed through")
            .Produces<PlanView[]>();
        plans.MapGet("/{planId}", ReadPlans.One).WithName("GetPlan")
            .WithSummary("A plan, with its tasks counted by status")
            .Produces<PlanView>().ProducesProblem(404);
        plans.MapPost("/import", ImportEndpoint.Handle).WithName("ImportPlan").RecordsCorrelationId()
            .RequireAuthorization(Policies.OfficeWork)
            .WithSummary("Import a published plan: answer what was understood (dryRun=true stores nothing) or assign its tasks")
            .WithDescription("Body: the document as text/plain (UTF-8 or GB18030), a Word .docx, a PDF with a text layer, the structured table " +
                             "as text/csv, the .xlsx 分工表, or multipart/form-data with a file; the bytes decide the format. A .doc/.wps binary is " +
                             "refused (415: save as .docx). Re-importing the same document is a no-op; a revised one (or a corrected 分工表) is " +
                             "recorded as differences on the existing tasks. A dry run with Accept: " + DivisionSheet.MediaType +
                             " answers the 分工表 (序号, 工作任务, 牵头单位, 配合单位, 完成时限, 报送周期, 来源行, 提示), each warning on its row.")
            .AcceptsDocument(ImportEndpoint.MediaTypes, ["text/plain", "text/csv"], "file")
            .Produces<ImportResult>().Produces<ImportResult>(StatusCodes.Status201Created)
            .AlsoProducesFile(StatusCodes.Status200OK, DivisionSheet.MediaType) // the dry run's other answer: the 分工表 itself
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409).ProducesProblem(413)
            .ProducesProblem(415).ProducesProblem(422);
        plans.MapPost("", RegisterPlan.Handle).WithName("RegisterPlan").RecordsCorrelationId()
            .RequireAuthorization(Policies.OfficeWork)
            .WithSummary("Register a plan and assign its tasks in one transaction")
            .Accepts<RegisterPlanRequest>("application/json")
            .Produces<PlanView>(StatusCodes.Status201Created)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409)
            .ProducesProblem(413).ProducesProblem(415);
    }
}
