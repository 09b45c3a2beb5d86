using System.Globalization;
using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Tests.Calendar;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Domain.Tests.Timeliness;

/// <summary>Builds a task's state the way the event store does, by folding events written in China dates and times.</summary>
internal static class TaskHistory
{
    public const string CivilAffairs = "市民政局";
    public const string Health = "市卫健委";
    public const string Insurance = "市医保局";

    /// <summary>The real calendar with the State Council's 2026 holidays.</summary>
    public static readonly WorkingDayCalendar Mainland = WorkingDayCalendar.ChinaMainland;
    public static readonly TimelinessRules Rules = TimelinessRules.Default;

    private static readonly Actor Office = new("office", "联席会议办公室", "office", null);

    /// <summary>"2026-04-03 10:00" read as China Standard Time.</summary>
    public static DateTimeOffset China(string dateTime) =>
        new(DateTime.ParseExact(dateTime, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), ChinaTime.Offset);

    public static SupervisedTask Task(params object[] events) =>
        events.Aggregate((SupervisedTask?)null, SupervisedTask.Evolve) ?? throw new ArgumentException("The history must start with TaskAssigned.");

    public static SupervisedTask Then(this SupervisedTask task, params object[] events) =>
        events.Aggregate(task, (state, e) => SupervisedTask.Evolve(state, e)!);

    public static TaskAssigned Assigned(string at, string[] leads, string[]? cooperating = null, string? deadline = null,
        ReportingCycle cycle = ReportingCycle.Monthly) =>
        new("plan-2026", 1, "推进医养结合机构建设", leads, cooperating ?? [], ResponsibilityMode.LeadAndCooperate,
            deadline is null ? null : Day.Of(deadline), deadline, cycle, Office, China(at));

    public static TaskAcknowledgedByLeadUnit Acknowledged(string unit, string at) => new(unit, Liaison(unit), China(at));

    public static ProgressReported Reported(string unit, string periodStart, string periodEnd, string at,
        ProgressStatus status = ProgressStatus.OnTrack, Guid? id = null, Guid? supersedes = null) =>
        new(id ?? Guid.NewGuid(), unit, Day.Of(periodStart), Day.Of(periodEnd), status, 50, "进展顺利", [], supersedes, Liaison(unit), China(at));

    public static CompletionReported CompletionReported(string unit, string at) => new(unit, "已办结", Liaison(unit), China(at));

    public static CompletionAccepted CompletionAccepted(string at) => new(null, Office, China(at));

    public static CompletionRejected CompletionRejected(string at) => new("材料不全", Office, China(at));

    public static DeadlineExtensionGranted ExtensionGranted(string newDeadline, string at) =>
        new(Guid.NewGuid(), Day.Of(newDeadline), null, Office, China(at));

    public static SupervisionFindingRecorded Finding(SupervisionRating rating, string at) => new(rating, "督查", Office, China(at));

    public static AdmonishmentIssued Admonished(string at, params string[] units) => new(units, "推进不力", Office, China(at));

    private static Actor Liaison(string unit) => new($"liaison:{unit}", "联络员", "liaison", unit);
}
