namespace YiyangTasks.Domain.Tasks;

/// <summary>A lead unit reports the task complete (办结申请), for the joint-conference office to review.</summary>
public sealed record ReportCompletion(string Unit, string Summary)
{
    public Decision Decide(SupervisedTask task, Actor actor, DateTimeOffset now)
    {
        if (TaskRules.RefuseIfCompleted(task) is { } completed) return completed;
        if (TaskRules.RefuseIfNotLeadUnit(task, Unit, RuleCode.OnlyLeadUnitReportsCompletion) is { } notLead) return notLead;
        if (task.PendingCompletion is not null)
            return Decision.Refuse(RuleCode.CompletionAlreadyPending, ("number", task.Number));
        return Decision.Accept(new CompletionReported(Unit, Summary, actor, now));
    }
}

/// <summary>The office accepts a reported completion: the task is done.</summary>
public sealed record AcceptCompletion(string? Comment)
{
    public Decision Decide(SupervisedTask task, Actor actor, DateTimeOffset now) =>
        TaskRules.RefuseIfCompleted(task)
        ?? NoCompletionPending(task)
        ?? Decision.Accept(new CompletionAccepted(Comment, actor, now));

    internal static Decision? NoCompletionPending(SupervisedTask task) => task.PendingCompletion is null
        ? Decision.Refuse(RuleCode.NoCompletionPending, ("number", task.Number))
        : null;
}

/// <summary>The office rejects a reported completion, with the reason; the task reopens.</summary>
public sealed record RejectCompletion(string Reason)
{
    public Decision Decide(SupervisedTask task, Actor actor, DateTimeOffset now) =>
        TaskRules.RefuseIfCompleted(task)
        ?? AcceptCompletion.NoCompletionPending(task)
        ?? Decision.Accept(new CompletionRejected(Reason, actor, now));
}
