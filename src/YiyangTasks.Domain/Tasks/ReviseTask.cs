namespace YiyangTasks.Domain.Tasks;

/// <summary>A revised version of the plan words this task anew: record what changed, or nothing if nothing did.</summary>
public sealed record ReviseTask(
    string Text,
    IReadOnlyList<string> LeadUnits,
    IReadOnlyList<string> CooperatingUnits,
    ResponsibilityMode Mode,
    DateOnly? Deadline,
    string? DeadlineWords,
    ReportingCycle? ReportingCycle = null,
    DeadlineTerms? DeadlineTerms = null)
{
    public Decision Decide(SupervisedTask task, Actor actor, DateTimeOffset now)
    {
        if (task.IsWithdrawn)
            return Decision.Refuse(RuleCode.RevisionOfWithdrawnTask, ("number", task.Number));
        var changes = new List<string>();
        if (task.Text != Text) changes.Add("text");
        if (!task.LeadUnits.SequenceEqual(LeadUnits)) changes.Add("leadUnits");
        if (!task.CooperatingUnits.SequenceEqual(CooperatingUnits)) changes.Add("cooperatingUnits");
        if (task.Mode != Mode) changes.Add("mode");
        // Against the deadline as the document wrote it: what the office extended or corrected since is not the document's.
        var planned = task.Planned;
        if (planned.Deadline != Deadline || DeadlineTerms is not null && planned.Terms != DeadlineTerms) changes.Add("deadline");
        // Only a source that states the cycle (the 分工表's 报送周期) changes it; a plan's text leaves it as it is.
        if (ReportingCycle is { } cycle && task.ReportingCycle != cycle) changes.Add("reportingCycle");
        if (changes.Count == 0) return Decision.Accept();
        if (LeadUnits.Count == 0)
            return Decision.Refuse(RuleCode.RevisionNeedsLeadUnit, ("number", task.Number));
        return Decision.Accept(new TaskRevised(Text, LeadUnits, CooperatingUnits, Mode, Deadline, DeadlineWords, changes, actor, now,
            changes.Contains("reportingCycle") ? ReportingCycle : null, DeadlineTerms));
    }
}

/// <summary>A revised version of the plan no longer lists this task: withdraw it, keeping its history.</summary>
public sealed record WithdrawTask(string Reason)
{
    public Decision Decide(SupervisedTask task, Actor actor, DateTimeOffset now) =>
        task.IsWithdrawn
            ? Decision.Accept()
            : Decision.Accept(new TaskWithdrawn(Reason, actor, now));
}
