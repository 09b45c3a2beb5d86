namespace YiyangTasks.Domain.Tasks;

/// <summary>A unit on the task reports progress for a period; to correct a report, supersede it with a new one.</summary>
public sealed record ReportProgress(
    Guid ReportId,
    string Unit,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    ProgressStatus Status,
    int PercentDone,
    string Narrative,
    IReadOnlyList<string> Attachments,
    Guid? Supersedes)
{
    public Decision Decide(SupervisedTask task, Actor actor, DateTimeOffset now)
    {
        if (TaskRules.RefuseIfCompleted(task) is { } completed) return completed;
        if (!task.IsOnTask(Unit))
            return Decision.Refuse(RuleCode.UnitNotOnTask, ("unit", Unit), ("number", task.Number));
        if (TaskRules.RefusePeriod(task, PeriodStart, PeriodEnd, now) is { } badPeriod) return badPeriod;
        if (PercentDone is < 0 or > 100)
            return Decision.Refuse(RuleCode.PercentOutOfRange);
        if (Supersedes is { } earlier)
        {
            // The task keeps the report in force per unit and period and the one it replaced: a report replaced longer
            // ago is no longer one the task knows.
            var report = task.Reports.FirstOrDefault(r => r.ReportId == earlier && r.Unit == Unit);
            if (report is null && !task.Reports.Any(r => r.Replaced == earlier && r.Unit == Unit))
                return Decision.Refuse(RuleCode.SupersededReportUnknown, ("unit", Unit), ("report", earlier), ("number", task.Number));
            if (report is null || report.Superseded)
                return Decision.Refuse(RuleCode.ReportAlreadySuperseded, ("report", earlier));
        }
        return Decision.Accept(new ProgressReported(ReportId, Unit, PeriodStart, PeriodEnd, Status, PercentDone, Narrative,
            Attachments, Supersedes, actor, now));
    }
}
