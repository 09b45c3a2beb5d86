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
        if (CooperationRules.RefuseIfNotCooperating(task, Unit, "only-cooperating-unit-reports-its-part") is { } notCooperating)
            return notCooperating;
        if (TaskRules.RefusePeriod(task, PeriodStart, PeriodEnd, now) is { } badPeriod) return badPeriod;
        if (string.IsNullOrWhiteSpace(Narrative))
            return Decision.Refuse("cooperation-report-needs-narrative", "请写明本期配合工作的进展。");
        return Decision.Accept(new CooperationReported(ReportId, Unit, PeriodStart, PeriodEnd, Narrative.Trim(), actor, now));
    }
}
