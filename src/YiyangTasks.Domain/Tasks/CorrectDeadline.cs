namespace YiyangTasks.Domain.Tasks;

/// <summary>The office corrected how the task's deadline reads (完成时限更正): the terms as they were and as they now are, and why.</summary>
public sealed record DeadlineCorrected(DeadlineTerms? OldTerms, DeadlineTerms NewTerms, string Reason, Actor CorrectedBy, DateTimeOffset CorrectedAt);

/// <summary>The office corrects the deadline the import read (a kind misread, a horizon's end, a cycle): obligations follow the new terms.</summary>
public sealed record CorrectDeadline(DeadlineTerms Terms, string Reason)
{
    public Decision Decide(SupervisedTask task, Actor actor, DateTimeOffset now)
    {
        if (TaskRules.RefuseIfCompleted(task) is { } closed) return closed;
        if (string.IsNullOrWhiteSpace(Reason))
            return Decision.Refuse(RuleCode.CorrectionNeedsReason);
        if (Terms.Problem() is { } problem)
            return Decision.Refuse(problem);
        if (task.DeadlineTerms == Terms)
            return Decision.Refuse(RuleCode.DeadlineUnchanged, ("number", task.Number));
        return Decision.Accept(new DeadlineCorrected(task.DeadlineTerms, Terms, Reason.Trim(), actor, now));
    }
}
