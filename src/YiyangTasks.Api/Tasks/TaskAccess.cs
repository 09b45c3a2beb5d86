using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Tasks;

/// <summary>A liaison acts only for their own unit, and only on tasks that unit leads or works on.</summary>
public static class TaskAccess
{
    public static IResult? LeadUnitOnly(SupervisedTask task, Actor actor) =>
        actor.Role != Roles.Liaison || actor.Unit is { } unit && task.IsLeadUnit(unit)
            ? null
            : Problems.Forbidden($"Your unit ({actor.Unit}) does not lead task {task.Number} of plan '{task.PlanId}'.");

    public static IResult? UnitOnTask(SupervisedTask task, Actor actor) =>
        actor.Role != Roles.Liaison || actor.Unit is { } unit && task.IsOnTask(unit)
            ? null
            : Problems.Forbidden($"Your unit ({actor.Unit}) is not on task {task.Number} of plan '{task.PlanId}'.");

    /// <summary>Reading: a liaison sees only the tasks of their unit.</summary>
    public static IResult? ReadRefusal(SupervisedTask task, Actor actor) =>
        actor.Role != Roles.Liaison || actor.Unit is { } unit && task.IsOnTask(unit)
            ? null
            : Problems.Forbidden($"Your unit is not on task {task.Number} of plan '{task.PlanId}'.");
}
