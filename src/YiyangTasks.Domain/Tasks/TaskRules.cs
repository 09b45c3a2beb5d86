using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Domain.Tasks;

/// <summary>Refusals more than one command shares.</summary>
internal static class TaskRules
{
    /// <summary>An accepted task takes no more commands except supervision findings.</summary>
    public static Decision? RefuseIfCompleted(SupervisedTask task) =>
        task.IsWithdrawn
            ? Decision.Refuse("task-withdrawn", $"Task {task.Number} was withdrawn by a revision of the plan; it takes no more commands.")
            : task.IsCompleted
                ? Decision.Refuse("task-completed", $"Task {task.Number} was accepted as complete; it takes no more commands except supervision findings.")
                : null;

    public static Decision? RefuseIfNotLeadUnit(SupervisedTask task, string unit, string rule, string doing) => task.IsLeadUnit(unit)
        ? null
        : Decision.Refuse(rule, $"Only a lead unit (牵头单位) of task {task.Number} {doing}; {unit} is not one.");

    public static Decision? RefuseUnitsNotOnTask(SupervisedTask task, IReadOnlyList<string> units, string rule)
    {
        if (units.Count == 0) return Decision.Refuse(rule, "Name at least one unit on the task.");
        var strangers = units.Where(u => !task.IsOnTask(u)).ToArray();
        return strangers.Length == 0
            ? null
            : Decision.Refuse(rule, $"{string.Join("、", strangers)} is not a lead or cooperating unit of task {task.Number}.");
    }

    /// <summary>A report speaks of work done: of a period already begun (by Beijing's calendar), within the task's life.</summary>
    public static Decision? RefusePeriod(SupervisedTask task, DateOnly periodStart, DateOnly periodEnd, DateTimeOffset now)
    {
        if (periodEnd < periodStart)
            return Decision.Refuse("period-ends-before-it-starts", "A report's period must not end before it starts.");
        var today = ChinaTime.DateOf(now);
        if (periodStart > today)
            return Decision.Refuse("report-period-in-future",
                $"报告期自{periodStart:yyyy-MM-dd}开始，晚于今天（{today:yyyy-MM-dd}）：只能报告已经开始的报告期。");
        var assignedOn = ChinaTime.DateOf(task.AssignedAt);
        if (periodEnd < assignedOn)
            return Decision.Refuse("report-period-before-assignment",
                $"报告期至{periodEnd:yyyy-MM-dd}结束，早于任务{task.Number}的交办日（{assignedOn:yyyy-MM-dd}）：交办前的期间无需报告。");
        return null;
    }
}
