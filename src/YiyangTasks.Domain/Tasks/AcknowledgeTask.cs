namespace YiyangTasks.Domain.Tasks;

/// <summary>A lead unit acknowledges (签收) the task. A task with several lead units is acknowledged when every one has.</summary>
public sealed record AcknowledgeTask(string Unit)
{
    public Decision Decide(SupervisedTask task, Actor actor, DateTimeOffset now)
    {
        if (TaskRules.RefuseIfCompleted(task) is { } completed) return completed;
        if (TaskRules.RefuseIfNotLeadUnit(task, Unit, RuleCode.OnlyLeadUnitAcknowledges) is { } notLead) return notLead;
        if (task.HasAcknowledged(Unit))
            return Decision.Refuse(RuleCode.AlreadyAcknowledged, ("unit", Unit), ("number", task.Number));
        return Decision.Accept(new TaskAcknowledgedByLeadUnit(Unit, actor, now));
    }
}
