namespace YiyangTasks.Domain.Tasks;

/// <summary>
/// A cooperating unit (配合单位) reports what it contributed on its part for a reporting period; reporting the same
/// period again replaces what the task shows for it, the period counting as reported from the first report.
/// </summary>
public sealed record ReportCooperation(Guid ReportId, string Unit, DateOnly PeriodStart, DateOnly PeriodEnd, string Narrative)
{
    public Decision Decide(SupervisedTask task, Actor actor, DateTimeOffset now)
    {
        if (TaskRules.RefuseIfCompleted(task) is { } completed) return completed;
        if (CooperationRules.RefuseIfNotCooperating(task, Unit, RuleCode.OnlyCooperatingUnitReportsItsPart, RuleCode.LeadUnitReportsNoPart) is { } notCooperating)
            return notCooperating;
        if (TaskRules.RefusePeriod(task, PeriodStart, PeriodEnd, now) is { } badPeriod) return badPeriod;
        if (string.IsNullOrWhiteSpace(Narrative))
            return Decision.Refuse(RuleCode.CooperationReportNeedsNarrative);
        return Decision.Accept(new CooperationReported(ReportId, Unit, PeriodStart, PeriodEnd, Narrative.Trim(), actor, now));
    }
}
