using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Domain.Timeliness;

/// <summary>
/// A lead unit's obligation not met yet (未履行的义务), as the traffic light and the overdue list read it: counted from
/// <paramref name="CountsFrom"/> (when its period starts running, for the light), due on <paramref name="DueOn"/>;
/// <paramref name="MadeUp"/>: a missed report the unit has followed with a later one (no longer red).
/// </summary>
public sealed record WatchedObligation(
    ObligationKind Kind, string? Unit, DateOnly? PeriodStart, DateOnly? PeriodEnd, DateOnly DueOn, DateTimeOffset CountsFrom, bool MadeUp)
{
    public DateTimeOffset DueAt => ChinaTime.EndOf(DueOn);
}

/// <summary>
/// What the clock alone can turn red or yellow on a task (督办关注): its lead units' unmet obligations up to a horizon, and
/// whether a unit's latest report says at risk. Small, so that a plan's lights and overdue list are judged at read time without
/// the tasks' states; equal to <see cref="TrafficLight.Of"/> and <see cref="Obligations.Of"/> for any instant the watch covers.
/// </summary>
public sealed record TaskWatch(bool Closed, bool Completed, bool AtRisk, IReadOnlyList<WatchedObligation> Unmet)
{
    /// <summary>The task's watch as of its state, looking ahead to <paramref name="horizon"/>.</summary>
    public static TaskWatch Of(SupervisedTask task, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset horizon)
    {
        var obligations = Obligations.WithRunningPeriod(task, rules, calendar, horizon);
        // The first recurrence (or yearly review) of the terms counts from the start even when it starts later (Obligations.OfTerms).
        var firstOfTerms = obligations.Where(o => o.Kind is ObligationKind.Recurrence or ObligationKind.Review).Min(o => o.PeriodStart);
        var unmet = obligations.Where(o => !o.IsMet)
            .Select(o => new WatchedObligation(o.Kind, o.Unit, o.PeriodStart, o.PeriodEnd, o.DueOn,
                o.PeriodStart is not { } start || o.Kind != ObligationKind.Report && start == firstOfTerms
                    ? DateTimeOffset.MinValue
                    : ChinaTime.EndOf(start.AddDays(-1)),
                TrafficLight.IsMadeUp(task, o)))
            .ToArray();
        var atRisk = task.CurrentReports.GroupBy(r => r.Unit).Select(g => g.MaxBy(r => r.ReportedAt)!)
            .Any(r => r.Status is ProgressStatus.AtRisk or ProgressStatus.Blocked);
        return new TaskWatch(LapseCheck.IsClosed(task), task.IsCompleted, atRisk, unmet);
    }

    /// <summary>The light at <paramref name="now"/>, as <see cref="TrafficLight.Of"/> gives it.</summary>
    public Light LightAt(TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        if (Closed) return Light.Green;
        if (Unmet.Any(o => o.DueAt <= now && !o.MadeUp)) return Light.Red;
        var today = ChinaTime.DateOf(now);
        return AtRisk || Unmet.Any(o => o.CountsFrom <= now && o.DueAt > now && calendar.WorkingDaysBetween(today, o.DueOn) <= rules.YellowWithinWorkingDays)
            ? Light.Yellow
            : Light.Green;
    }

    /// <summary>The obligations past due and unmet at <paramref name="now"/>, in the order <see cref="Obligations.Of"/> lists them; none once completed.</summary>
    public IEnumerable<WatchedObligation> OverdueAt(DateTimeOffset now) => Completed ? [] : Unmet.Where(o => o.DueAt <= now);

    /// <summary>
    /// The latest due date that can count at <paramref name="now"/>: an obligation due later is neither past due nor within the
    /// yellow window then, so <see cref="LightAt"/> and <see cref="OverdueAt"/> answer the same without it (a reader may leave it out).
    /// </summary>
    public static DateOnly LatestDueCounting(TimelinessRules rules, DateTimeOffset now) => ChinaTime.DateOf(now).AddDays(YellowWindowDays(rules) + 1);

    /// <summary>
    /// How far ahead a watch must look to answer every instant a task's <paramref name="timeline"/> covers: up to the end of the
    /// timeline and the yellow window after it (<see cref="LatestDueCounting"/>); a closed task's, or one that never expires,
    /// <see cref="FigureTimeline.Horizon"/> on. Past the timeline's end the task is judged afresh from its state, not from its watch.
    /// </summary>
    public static DateTimeOffset HorizonFor(FigureTimeline timeline, TimelinessRules rules)
    {
        var far = timeline.JudgedAt + FigureTimeline.Horizon;
        if (timeline.ValidUntil is not { } until) return far;
        var covering = ChinaTime.EndOf(LatestDueCounting(rules, until));
        return covering < far ? covering : far;
    }

    /// <summary>Calendar days that hold at most <see cref="TimelinessRules.YellowWithinWorkingDays"/> working days: twice as many and a holiday's length.</summary>
    public static int YellowWindowDays(TimelinessRules rules) => 2 * rules.YellowWithinWorkingDays + 12;
}
