using Marten;
using YiyangTasks.Api.Http;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;
using TaskStatus = YiyangTasks.Domain.Tasks.TaskStatus;

namespace YiyangTasks.Api.Plans;

/// <summary>A plan as the API shows it: what it is, and how many of its tasks stand in each status.</summary>
public sealed record PlanView(
    string PlanId,
    string Title,
    string Jurisdiction,
    string? DocumentNumber,
    string? IssuingBody,
    DateOnly? IssuedOn,
    int TaskCount,
    IReadOnlyDictionary<TaskStatus, int> TasksByStatus,
    DateTimeOffset RegisteredAt)
{
    public static PlanView From(Plan plan, IReadOnlyDictionary<TaskStatus, int> byStatus) =>
        new(plan.Id, plan.Title, plan.Jurisdiction, plan.DocumentNumber, plan.IssuingBody, plan.IssuedOn,
            plan.TaskNumbers.Count, byStatus, plan.RegisteredAt);
}

/// <summary>GET /api/plans and GET /api/plans/{planId}.</summary>
public static class ReadPlans
{
    public static async Task<IResult> List(IQuerySession session, CancellationToken cancellationToken)
    {
        var plans = await session.Query<Plan>().OrderBy(p => p.Id).ToListAsync(cancellationToken);
        // One query for every plan's counts; the list once answered {} for each plan (issue 17).
        var tasks = await session.Query<SupervisedTask>()
            .Select(t => new PlanTaskStatus(t.PlanId, t.Status))
            .ToListAsync(cancellationToken);
        var byPlan = tasks.GroupBy(t => t.PlanId).ToDictionary(
            g => g.Key, g => (IReadOnlyDictionary<TaskStatus, int>)g.GroupBy(t => t.Status).ToDictionary(s => s.Key, s => s.Count()));
        return Results.Ok(plans.Select(p => PlanView.From(p, byPlan.GetValueOrDefault(p.Id) ?? new Dictionary<TaskStatus, int>())).ToArray());
    }

    private sealed record PlanTaskStatus(string PlanId, TaskStatus Status);

    public static async Task<IResult> One(string planId, IQuerySession session, CancellationToken cancellationToken)
    {
        var plan = await session.LoadAsync<Plan>(planId, cancellationToken);
        if (plan is null) return Problems.PlanNotFound(planId);
        var statuses = await session.Query<SupervisedTask>()
            .Where(t => t.PlanId == planId)
            .Select(t => t.Status)
            .ToListAsync(cancellationToken);
        var byStatus = statuses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        return Results.Ok(PlanView.From(plan, byStatus));
    }
}
