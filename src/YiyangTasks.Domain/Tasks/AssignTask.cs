namespace YiyangTasks.Domain.Tasks;

/// <summary>Assign a plan's numbered task to its lead and cooperating units (the first event of its stream).</summary>
public sealed record AssignTask(
    string PlanId,
    int Number,
    string Text,
    IReadOnlyList<string> LeadUnits,
    IReadOnlyList<string> CooperatingUnits,
    ResponsibilityMode Mode,
    DateOnly? Deadline,
    string? DeadlineWords,
    ReportingCycle ReportingCycle = ReportingCycle.Monthly,
    DeadlineTerms? DeadlineTerms = null,
    IReadOnlyList<CooperationDuty>? CooperationDuties = null)
{
    public Decision Decide(Actor actor, DateTimeOffset now)
    {
        if (LeadUnits.Count == 0)
            return Decision.Refuse(RuleCode.TaskNeedsLeadUnit, ("number", Number));
        if (string.IsNullOrWhiteSpace(Text))
            return Decision.Refuse(RuleCode.TaskNeedsText, ("number", Number));
        // A unit that leads is not also listed as cooperating on the same task.
        var cooperating = CooperatingUnits.Where(u => !LeadUnits.Contains(u)).Distinct().ToArray();
        // 配合事项 is kept for the units that cooperate, once each; a plan that names none leaves it empty.
        var duties = (CooperationDuties ?? []).Where(d => cooperating.Contains(d.Unit) && !string.IsNullOrWhiteSpace(d.Duty))
            .DistinctBy(d => d.Unit).Select(d => d with { Duty = d.Duty.Trim() }).ToArray();
        return Decision.Accept(new TaskAssigned(PlanId, Number, Text, LeadUnits.Distinct().ToArray(), cooperating, Mode,
            Deadline, DeadlineWords, ReportingCycle, actor, now, DeadlineTerms, duties));
    }
}
