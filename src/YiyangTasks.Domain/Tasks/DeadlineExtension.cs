namespace YiyangTasks.Domain.Tasks;

/// <summary>A lead unit asks for a later deadline (延期申请); one request may be pending at a time.</summary>
public sealed record RequestDeadlineExtension(Guid RequestId, string Unit, DateOnly RequestedDeadline, string Reason)
{
    public Decision Decide(SupervisedTask task, Actor actor, DateTimeOffset now)
    {
        if (TaskRules.RefuseIfCompleted(task) is { } completed) return completed;
        if (TaskRules.RefuseIfNotLeadUnit(task, Unit, "only-lead-unit-requests-extension", "requests an extension") is { } notLead) return notLead;
        if (task.Deadline is not { } deadline)
            return Decision.Refuse("no-deadline-to-extend", $"Task {task.Number} has no deadline to extend.");
        if (RequestedDeadline <= deadline)
            return Decision.Refuse("extension-not-after-deadline", $"An extension's new date must be after the current deadline {deadline:yyyy-MM-dd}.");
        if (task.PendingExtensions.Count > 0)
            return Decision.Refuse("extension-already-pending", $"An extension request for task {task.Number} already awaits the office's decision.");
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
            return Decision.Refuse("no-such-pending-extension", $"No extension request {RequestId} of task {task.Number} awaits a decision.");
        if (!Grant)
            return string.IsNullOrWhiteSpace(Reason)
                ? Decision.Refuse("refusal-needs-reason", "Refusing an extension needs a reason.")
                : Decision.Accept(new DeadlineExtensionRefused(RequestId, Reason, actor, now));
        var date = NewDeadline ?? pending.RequestedDeadline;
        if (task.Deadline is { } deadline && date <= deadline)
            return Decision.Refuse("extension-not-after-deadline", $"A granted deadline must be after the current deadline {deadline:yyyy-MM-dd}.");
        return Decision.Accept(new DeadlineExtensionGranted(RequestId, date, Reason, actor, now));
    }
}
