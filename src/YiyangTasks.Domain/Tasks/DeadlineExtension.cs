namespace YiyangTasks.Domain.Tasks;

/// <summary>A lead unit asks for a later deadline (延期申请); one request may be pending at a time.</summary>
public sealed record RequestDeadlineExtension(Guid RequestId, string Unit, DateOnly RequestedDeadline, string Reason)
{
    public Decision Decide(SupervisedTask task, Actor actor, DateTimeOffset now)
    {
        if (TaskRules.RefuseIfCompleted(task) is { } completed) return completed;
        if (TaskRules.RefuseIfNotLeadUnit(task, Unit, RuleCode.OnlyLeadUnitRequestsExtension) is { } notLead) return notLead;
        if (task.Deadline is not { } deadline)
            return Decision.Refuse(RuleCode.NoDeadlineToExtend, ("number", task.Number));
        if (RequestedDeadline <= deadline)
            return Decision.Refuse(RuleCode.ExtensionNotAfterDeadline, ("deadline", deadline));
        if (task.PendingExtensions.Count > 0)
            return Decision.Refuse(RuleCode.ExtensionAlreadyPending, ("number", task.Number));
        return Decision.Accept(new DeadlineExtensionRequested(RequestId, Unit, RequestedDeadline, Reason, actor, now));
    }
}

/// <summary>The office grants (the requested date, or another after the current deadline) or refuses an extension request.</summary>
public sealed record DecideDeadlineExtension(Guid RequestId, bool Grant, DateOnly? NewDeadline, string? Reason)
{
    public Decision Decide(SupervisedTask task, Actor actor, DateTimeOffset now)
    {
        if (TaskRules.RefuseIfCompleted(task) is { } completed) return completed;
        var pending = task.PendingExtensions.FirstOrDefault(p => p.RequestId == RequestId);
        if (pending is null)
            return Decision.Refuse(RuleCode.NoSuchPendingExtension, ("request", RequestId), ("number", task.Number));
        if (!Grant)
            return string.IsNullOrWhiteSpace(Reason)
                ? Decision.Refuse(RuleCode.RefusalNeedsReason)
                : Decision.Accept(new DeadlineExtensionRefused(RequestId, Reason, actor, now));
        var date = NewDeadline ?? pending.RequestedDeadline;
        if (task.Deadline is { } deadline && date <= deadline)
            return Decision.Refuse(RuleCode.GrantedDeadlineNotAfterDeadline, ("deadline", deadline));
        return Decision.Accept(new DeadlineExtensionGranted(RequestId, date, Reason, actor, now));
    }
}
