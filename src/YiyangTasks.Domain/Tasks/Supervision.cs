namespace YiyangTasks.Domain.Tasks;

/// <summary>The supervision group records a finding (督查); allowed at any point of the task's life, after acceptance too.</summary>
public sealed record RecordSupervisionFinding(SupervisionRating Rating, string Notes)
{
    public Decision Decide(SupervisedTask task, Actor actor, DateTimeOffset now) =>
        Decision.Accept(new SupervisionFindingRecorded(Rating, Notes, actor, now));
}

/// <summary>The supervision group admonishes units on the task (效能告诫).</summary>
public sealed record IssueAdmonishment(IReadOnlyList<string> Units, string Reason)
{
    public Decision Decide(SupervisedTask task, Actor actor, DateTimeOffset now) =>
        TaskRules.RefuseIfCompleted(task)
        ?? TaskRules.RefuseUnitsNotOnTask(task, Units, RuleCode.AdmonishmentNamesNoUnit, RuleCode.AdmonishmentNamesUnitNotOnTask)
        ?? Decision.Accept(new AdmonishmentIssued(Units, Reason, actor, now));
}

/// <summary>
/// The supervision group escalates to accountability (问责) when admonishment has not worked
/// (鄢陵: 不作为的由专项督查组效能告诫, 情节严重的问责): only units admonished on this task before.
/// </summary>
public sealed record EscalateToAccountability(IReadOnlyList<string> Units, string Reason)
{
    public Decision Decide(SupervisedTask task, Actor actor, DateTimeOffset now)
    {
        if ((TaskRules.RefuseIfCompleted(task) ?? TaskRules.RefuseUnitsNotOnTask(task, Units, RuleCode.EscalationNamesNoUnit, RuleCode.EscalationNamesUnitNotOnTask)) is { } refused)
            return refused;
        var notAdmonished = Units.Where(u => task.AdmonishmentsOf(u) == 0).ToArray();
        return notAdmonished.Length > 0
            ? Decision.Refuse(RuleCode.EscalationWithoutAdmonishment, ("units", notAdmonished), ("number", task.Number))
            : Decision.Accept(new AccountabilityEscalated(Units, Reason, actor, now));
    }
}
