using YiyangTasks.Domain.Timeliness;

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
            return Decision.Refuse("unit-not-on-task", $"{Unit} is neither a lead nor a cooperating unit of task {task.Number}.");
        if (PeriodEnd < PeriodStart)
            return Decision.Refuse("period-ends-before-it-starts", "A report's period must not end before it starts.");
        // A report speaks of work done: of a period already begun (by Beijing's calendar), within the task's life.
        var today = ChinaTime.DateOf(now);
        if (PeriodStart > today)
            return Decision.Refuse("report-period-in-future",
                $"报告期自{PeriodStart:yyyy-MM-dd}开始，晚于今天（{today:yyyy-MM-dd}）：只能报告已经开始的报告期。");
        var assignedOn = ChinaTime.DateOf(task.AssignedAt);
        if (PeriodEnd < assignedOn)
            return Decision.Refuse("report-period-before-assignment",
                $"报告期至{PeriodEnd:yyyy-MM-dd}结束，早于任务{task.Number}的交办日（{assignedOn:yyyy-MM-dd}）：交办前的期间无需报告。");
        if (PercentDone is < 0 or > 100)
            return Decision.Refuse("percent-out-of-range", "Percent done is between 0 and 100.");
        if (Supersedes is { } earlier)
        {
            // The task keeps the report in force per unit and period and the one it replaced: a report replaced longer
            // ago is no longer one the task knows.
            var report = task.Reports.FirstOrDefault(r => r.ReportId == earlier && r.Unit == Unit);
            if (report is null && !task.Reports.Any(r => r.Replaced == earlier && r.Unit == Unit))
                return Decision.Refuse("superseded-report-unknown", $"{Unit} has no report {earlier} in force on task {task.Number} to correct.");
            if (report is null || report.Superseded)
                return Decision.Refuse("report-already-superseded", $"Report {earlier} was already corrected; correct the latest version instead.");
        }
        return Decision.Accept(new ProgressReported(ReportId, Unit, PeriodStart, PeriodEnd, Status, PercentDone, Narrative,
            Attachments, Supersedes, actor, now));
    }
}
