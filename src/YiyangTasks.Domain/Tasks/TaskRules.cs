using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Domain.Tasks;

/// <summary>Refusals more than one command shares.</summary>
internal static class TaskRules
{
    /// <summary>An accepted task takes no more commands except supervision findings.</summary>
    public static Decision? RefuseIfCompleted(SupervisedTask task) =>
        task.IsWithdrawn
            ? Decision.Refuse(RuleCode.TaskWithdrawn, ("number", task.Number))
            : task.IsCompleted
                ? Decision.Refuse(RuleCode.TaskCompleted, ("number", task.Number))
                : null;

    public static Decision? RefuseIfNotLeadUnit(SupervisedTask task, string unit, RuleCode rule) => task.IsLeadUnit(unit)
        ? null
        : Decision.Refuse(rule, ("unit", unit), ("number", task.Number));

    public static Decision? RefuseUnitsNotOnTask(SupervisedTask task, IReadOnlyList<string> units, RuleCode noneNamed, RuleCode notOnTask)
    {
        if (units.Count == 0) return Decision.Refuse(noneNamed);
        var strangers = units.Where(u => !task.IsOnTask(u)).ToArray();
        return strangers.Length == 0
            ? null
            : Decision.Refuse(notOnTask, ("units", strangers), ("number", task.Number));
    }

    /// <summary>A report speaks of work done: of a period already begun (by Beijing's calendar), within the task's life.</summary>
    public static Decision? RefusePeriod(SupervisedTask task, DateOnly periodStart, DateOnly periodEnd, DateTimeOffset now)
    {
        if (periodEnd < periodStart)
            return Decision.Refuse(RuleCode.PeriodEndsBeforeItStarts);
        var today = ChinaTime.DateOf(now);
        if (periodStart > today)
            return Decision.Refuse(RuleCode.ReportPeriodInFuture, ("start", periodStart), ("today", today));
        // A report answers every period it overlaps: a year filed in March on a monthly task would answer the reports of
        // April to December before they are due. It may reach to the end of the task's period running today, no further.
        var running = ReportingPeriod.From(today, task.ReportingCycle).First();
        if (periodEnd > running.End)
            return Decision.Refuse(RuleCode.ReportPeriodPastRunningPeriod, ("end", periodEnd), ("runningEnd", running.End));
        var assignedOn = ChinaTime.DateOf(task.AssignedAt);
        if (periodEnd < assignedOn)
            return Decision.Refuse(RuleCode.ReportPeriodBeforeAssignment, ("end", periodEnd), ("number", task.Number), ("assigned", assignedOn));
        return null;
    }
}
