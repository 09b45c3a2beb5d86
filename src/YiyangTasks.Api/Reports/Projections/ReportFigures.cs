using System.Linq.Expressions;
using System.Text.Json.Serialization;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;
using TaskStatus = YiyangTasks.Domain.Tasks.TaskStatus;

namespace YiyangTasks.Api.Reports.Projections;

/// <summary>
/// One task as the figures projection keeps it (任务计数): its compacted state (to judge it again at the next event), its counts
/// per unit and the steps the clock brings (<see cref="FigureTimeline"/>), which the unit rows hold summed.
/// </summary>
public sealed class TaskFigures
{
    public string Id { get; set; } = "";
    public string PlanId { get; set; } = "";
    public int Number { get; set; }
    public TaskStatus Status { get; set; }

    /// <summary>The last event folded in: an event at or below it is not folded twice.</summary>
    public long LastSequence { get; set; }

    /// <summary>The task's lead and cooperating units, for a range report of one unit (<c>from</c>/<c>to</c>).</summary>
    public IReadOnlyList<string> Units { get; set; } = [];

    /// <summary>The task's state with its reports compacted (<see cref="Compact"/>): what the timeliness rules read.</summary>
    public SupervisedTask Task { get; set; } = new();

    /// <summary>The instant the counts were judged at: the latest instant any of the task's events happened.</summary>
    public DateTimeOffset JudgedAt { get; set; }

    /// <summary>From when the steps no longer answer (the next lapse check did not come); <see cref="DateTimeOffset.MaxValue"/>: never.</summary>
    public DateTimeOffset ValidUntil { get; set; } = DateTimeOffset.MaxValue;

    public Dictionary<string, int[]> Figures { get; set; } = [];
    public List<FigureStep> Steps { get; set; } = [];

    /// <summary>What the task adds to its plan's lights and overdue list at <see cref="JudgedAt"/> (<see cref="AttentionTimeline"/>).</summary>
    public int[] Attention { get; set; } = AttentionTimeline.Empty();

    public List<AttentionStep> AttentionSteps { get; set; } = [];

    // The two views below are built from the stored fields: not stored themselves (they were a sixth of every write).
    [JsonIgnore]
    public FigureTimeline Timeline => new(JudgedAt, Figures, Steps, ValidUntil == DateTimeOffset.MaxValue ? null : ValidUntil);

    [JsonIgnore]
    public AttentionTimeline AttentionTimeline => new(Attention, AttentionSteps);

    /// <summary>
    /// The tasks whose timelines do not answer for <paramref name="now"/> (<see cref="FigureTimeline.Covers"/>: their lapse check is
    /// late, or the clock stands before their last event), as a query filter: the reports judge those afresh from their state.
    /// </summary>
    public static Expression<Func<TaskFigures, bool>> NotCovering(DateTimeOffset now) => t => t.ValidUntil <= now || t.JudgedAt > now;

    /// <summary>
    /// Keeps of the task's reports only what the rules read: for each unit and period range the first report (a period
    /// counts as reported from the first one, Obligations), and each unit's latest reports not superseded (the light's
    /// "at risk" reason and whether a missed period was made up, TrafficLight). A task reporting for years keeps a few
    /// reports per period, however many corrections it received.
    /// </summary>
    public static SupervisedTask Compact(SupervisedTask task)
    {
        if (task.Reports.Count <= 1) return task;
        var latest = task.Reports.GroupBy(r => r.Unit).ToDictionary(g => g.Key, g => g.Max(r => r.ReportedAt));
        var first = task.Reports.GroupBy(r => (r.Unit, r.PeriodStart, r.PeriodEnd))
            .Select(g => g.MinBy(r => r.ReportedAt)!.ReportId).ToHashSet();
        var kept = task.Reports.Where(r => first.Contains(r.ReportId) || (!r.Superseded && r.ReportedAt == latest[r.Unit])).ToArray();
        return kept.Length == task.Reports.Count ? task : task with { Reports = kept };
    }
}

/// <summary>
/// A unit's timeliness counts on one plan (单位在一个计划中的履职计数): the sum of what each task adds, judged when its
/// last event was projected, and the later changes the clock brings, summed per instant.
/// </summary>
public sealed class UnitPlanFigures
{
    public string Id { get; set; } = "";
    public string PlanId { get; set; } = "";
    public string Unit { get; set; } = "";
    public int[] Figures { get; set; } = UnitFigures.Empty();

    /// <summary>Each instant at which the clock alone changes the counts, and by how much (all the plan's tasks together).</summary>
    public SortedDictionary<DateTimeOffset, int[]> Steps { get; set; } = [];

    public static string IdFor(string planId, string unit) => $"{planId}|{unit}";

    /// <summary>The counts at <paramref name="now"/>.</summary>
    public int[] At(DateTimeOffset now) => DatedCounts.At(Figures, Steps, now);
}

/// <summary>
/// A plan's tasks by status (计划任务状态统计), counted as their events are projected, and its lights and overdue obligations
/// (<see cref="AttentionTimeline"/>): the sum of what each task adds, and the later changes the clock brings, summed per instant.
/// </summary>
public sealed class PlanFigures
{
    public string Id { get; set; } = "";
    public Dictionary<TaskStatus, int> TasksByStatus { get; set; } = [];
    public int[] Attention { get; set; } = AttentionTimeline.Empty();
    public SortedDictionary<DateTimeOffset, int[]> AttentionSteps { get; set; } = [];

    /// <summary>Yellow lights, red lights and obligations past due at <paramref name="now"/> (<see cref="AttentionTimeline.Attention"/>).</summary>
    public int[] AttentionAt(DateTimeOffset now) => DatedCounts.At(Attention, AttentionSteps, now);
}

/// <summary>
/// A task not completed yet, as the plan overview and the overdue digest read it (任务督办关注): its number, text, lead units
/// and latest report, and its unmet obligations (<see cref="TaskWatch"/>); read only from the instant it may need attention.
/// </summary>
public sealed class WatchedTask
{
    public string Id { get; set; } = "";
    public string PlanId { get; set; } = "";
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public IReadOnlyList<string> LeadUnits { get; set; } = [];
    public TaskWatch Watch { get; set; } = new(false, false, false, []);

    /// <summary>The report filed last, which the digest quotes.</summary>
    public Digest.LastReport? LastReport { get; set; }

    /// <summary>
    /// From this instant the task owes something past due (the earliest unmet obligation's due instant, <see cref="TaskWatch.OverdueAt"/>);
    /// <see cref="DateTimeOffset.MaxValue"/>: nothing. A column of its own, so the digest reads only the tasks overdue now, and the
    /// overview's overdue list is read in its order (with the plan and the number, also columns) a page at a time.
    /// </summary>
    public DateTimeOffset OverdueFrom { get; set; } = DateTimeOffset.MaxValue;
}
