using JasperFx.Events;
using Marten.Events.Aggregation;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Storage;

// Marten 9 dispatches conventional Create/Apply methods only through a compile-time source generator
// that would have to run in the domain project (and tie it to JasperFx). Explicit projections that
// call the domain's own Evolve keep the domain free of storage references.

/// <summary>The task's current state, kept inline with every append to its stream.</summary>
public sealed class SupervisedTaskProjection : SingleStreamProjection<SupervisedTask, string>
{
    public override SupervisedTask? Evolve(SupervisedTask? snapshot, string id, IEvent e) =>
        SupervisedTask.Evolve(snapshot, e.Data);
}

/// <summary>The plan's registration, kept inline.</summary>
public sealed class PlanProjection : SingleStreamProjection<Plan, string>
{
    // Only the plan's own events: without the filter Marten offers every appended event to this projection and
    // looks up a Plan document under each task's stream id on every command (a wasted query per write; see README "Performance").
    public PlanProjection()
    {
        IncludeType<PlanRegistered>();
        IncludeType<PlanRevised>();
    }

    public override Plan? Evolve(Plan? snapshot, string id, IEvent e) => Plan.Evolve(snapshot, e.Data);
}
