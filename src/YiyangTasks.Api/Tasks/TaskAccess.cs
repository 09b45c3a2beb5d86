using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Tasks;

/// <summary>A liaison acts only for their own unit, and only on tasks that unit leads or works on.</summary>
public static class TaskAccess
{
    public static IResult? LeadUnitOnly(SupervisedTask task, Actor actor) =>
        actor.Role != Roles.Liaison || actor.Unit is { } unit && task.IsLeadUnit(unit)
            ? null
            : Problems.Forbidden(Messages.Of("unit-does-not-lead", ("unit", actor.Unit), ("number", task.Number), ("plan", task.PlanId)));

    public static IResult? UnitOnTask(SupervisedTask task, Actor actor) =>
        actor.Role != Roles.Liaison || actor.Unit is { } unit && task.IsOnTask(unit)
            ? null
            : Problems.Forbidden(Messages.Of("unit-not-on-task", ("unit", actor.Unit), ("number", task.Number), ("plan", task.PlanId)));

    /// <summary>Reading: a liaison sees only the tasks of their unit.</summary>
    public static IResult? ReadRefusal(SupervisedTask task, Actor actor) =>
        actor.Role != Roles.Liaison || actor.Unit is { } unit && task.IsOnTask(unit)
            ? null
            : Problems.Forbidden(Messages.Of("read-unit-not-on-task", ("number", task.Number), ("plan", task.PlanId)));
}
