using YiyangTasks.Api.Identity;

namespace YiyangTasks.Api.Plans;

/// <summary>Maps the plan endpoints: reading plans for all roles, registering one for the office.</summary>
public static class PlanEndpoints
{
    public static void MapPlans(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Plans");
        plans.MapGet("", ReadPlans.List)
            .WithSummary("Every plan followed through")
            .Produces<PlanView[]>();
        plans.MapGet("/{planId}", ReadPlans.One)
            .WithSummary("A plan, with its tasks counted by status")
            .Produces<PlanView>().ProducesProblem(404);
        plans.MapPost("", RegisterPlan.Handle)
            .RequireAuthorization(Policies.OfficeWork)
            .WithSummary("Register a plan and assign its tasks in one transaction")
            .Accepts<RegisterPlanRequest>("application/json")
            .Produces<PlanView>(StatusCodes.Status201Created)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409)
            .ProducesProblem(413).ProducesProblem(415);
    }
}
