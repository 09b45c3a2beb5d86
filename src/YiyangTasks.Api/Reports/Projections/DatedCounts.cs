namespace YiyangTasks.Api.Reports.Projections;

/// <summary>
/// Counts kept as they are at a task's last event plus the changes the clock brings, summed per instant: the unit rows'
/// figures (<see cref="UnitPlanFigures"/>) and the plans' attention counts (<see cref="PlanFigures"/>) alike.
/// </summary>
public static class DatedCounts
{
    /// <summary>Adds <paramref name="change"/> times <paramref name="sign"/> into <paramref name="into"/> (the shorter length).</summary>
    public static void Add(int[] into, int[] change, int sign)
    {
        for (var i = 0; i < change.Length && i < into.Length; i++) into[i] += sign * change[i];
    }

    /// <summary>Adds a step at <paramref name="at"/> into <paramref name="steps"/>; an instant whose changes cancel out is dropped.</summary>
    public static void AddStep(SortedDictionary<DateTimeOffset, int[]> steps, DateTimeOffset at, int[] change, int sign, Func<int[]> empty)
    {
        if (!steps.TryGetValue(at, out var sum)) steps[at] = sum = empty();
        Add(sum, change, sign);
        if (sum.All(c => c == 0)) steps.Remove(at);
    }

    /// <summary>The counts at <paramref name="now"/>: <paramref name="counts"/> and every step up to it.</summary>
    public static int[] At(int[] counts, SortedDictionary<DateTimeOffset, int[]> steps, DateTimeOffset now)
    {
        var sum = (int[])counts.Clone();
        foreach (var (at, change) in steps)
        {
            if (at > now) break;
            Add(sum, change, 1);
        }
        return sum;
    }
}
