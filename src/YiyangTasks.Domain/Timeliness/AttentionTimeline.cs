using YiyangTasks.Domain.Calendar;

namespace YiyangTasks.Domain.Timeliness;

/// <summary>At <paramref name="At"/> the clock alone changes what a task adds to its plan's attention counts by <paramref name="Change"/>.</summary>
public sealed record AttentionStep(DateTimeOffset At, int[] Change);

/// <summary>
/// What one task adds to its plan's lights and overdue list as the clock moves on without another event (督办关注计数):
/// <see cref="Counts"/> at the instant judged (yellow, red, obligations past due: <see cref="Attention"/>), and each later
/// instant at which the watch's light or its obligations past due change. Summed over a plan's tasks, the plan overview reads
/// its lights and the overdue list's length without judging a task.
/// </summary>
public sealed record AttentionTimeline(int[] Counts, IReadOnlyList<AttentionStep> Steps)
{
    /// <summary>The attention timeline's counts: one slot each.</summary>
    public enum Attention { Yellow, Red, Overdue }

    public static int[] Empty() => new int[3];

    /// <summary>The counts of a task whose light is <paramref name="light"/> and which owes <paramref name="overdue"/> obligations past due.</summary>
    public static int[] Of(Light light, int overdue) => [light == Light.Yellow ? 1 : 0, light == Light.Red ? 1 : 0, overdue];

    /// <summary>
    /// The watch judged at <paramref name="at"/> and at every later instant before <paramref name="until"/> at which it can change:
    /// an obligation starting to count, falling due, or entering the yellow window (a date: the working days left change at
    /// midnight). Exact wherever the watch is (<see cref="TaskWatch.HorizonFor"/>).
    /// </summary>
    public static AttentionTimeline Of(TaskWatch watch, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset at, DateTimeOffset until)
    {
        var counts = CountsAt(watch, rules, calendar, at);
        var instants = new SortedSet<DateTimeOffset>();
        foreach (var o in watch.Unmet)
        {
            instants.Add(o.CountsFrom);
            instants.Add(o.DueAt);
            // The yellow window: the midnights of the days before the due date whose working days left reach the rule.
            for (var day = o.DueOn; day >= o.DueOn.AddDays(-TaskWatch.YellowWindowDays(rules) - 1); day = day.AddDays(-1))
            {
                instants.Add(ChinaTime.EndOf(day.AddDays(-1)));
                if (calendar.WorkingDaysBetween(day, o.DueOn) > rules.YellowWithinWorkingDays) break;
            }
        }
        var steps = new List<AttentionStep>();
        var before = counts;
        foreach (var instant in instants)
        {
            if (instant <= at) continue;
            if (instant >= until) break;
            var after = CountsAt(watch, rules, calendar, instant);
            if (after.AsSpan().SequenceEqual(before)) continue;
            steps.Add(new AttentionStep(instant, [after[0] - before[0], after[1] - before[1], after[2] - before[2]]));
            before = after;
        }
        return new AttentionTimeline(counts, steps);
    }

    /// <summary>The counts at <paramref name="now"/>.</summary>
    public int[] At(DateTimeOffset now)
    {
        var counts = (int[])Counts.Clone();
        foreach (var step in Steps.Where(s => s.At <= now)) Add(counts, step.Change, 1);
        return counts;
    }

    private static void Add(int[] into, int[] change, int sign)
    {
        for (var i = 0; i < into.Length && i < change.Length; i++) into[i] += sign * change[i];
    }

    private static int[] CountsAt(TaskWatch watch, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now) =>
        Of(watch.LightAt(rules, calendar, now), watch.OverdueAt(now).Count());
}
