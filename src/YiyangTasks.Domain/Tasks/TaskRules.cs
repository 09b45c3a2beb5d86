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
}
