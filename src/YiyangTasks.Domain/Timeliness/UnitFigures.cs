using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Domain.Timeliness;

/// <summary>The raw counts a unit's timeliness row (<see cref="UnitTimeliness"/>) is made of, as indices of a counts array.</summary>
public enum Figure
{
    /// <summary>Tasks the unit has a row for (leads, cooperates on, owes something on, or was admonished on): the row exists while above 0.</summary>
    Tasks,
    TasksLed,
    TasksCooperated,
    AcknowledgementsOnTime,
    AcknowledgementsLate,
    AcknowledgementsOutstanding,
    AcknowledgementDaysTotal,
    AcknowledgementDaysCount,
    ReportsOnTime,
    ReportsLate,
    ReportsMissed,
    TasksOverdueNow,
    CompletedOnTime,
    CompletedLate,
    RatedGood,
    RatedFair,
    RatedPoor,
    Admonishments,
    Escalations,
    OnTime,
    Judged,
    CooperatedAcknowledgementsOnTime,
    CooperatedAcknowledgementsLate,
    CooperatedAcknowledgementsOutstanding,
    CooperatedReportsOnTime,
    CooperatedReportsLate,
    CooperatedReportsMissed,
    CooperatedOnTime,
    CooperatedJudged,
}

/// <summary>
/// A unit's timeliness as counts that add up (单位履职计数): over tasks, over plans, and over time as obligations fall due.
/// Averages and rates are kept as their numerator and denominator, so a sum of counts gives the same row as the counts of
/// all the tasks at once (<see cref="UnitTimelinessReport"/>).
/// </summary>
public static class UnitFigures
{
    public static readonly int Length = Enum.GetValues<Figure>().Length;

    public static int[] Empty() => new int[Length];

    /// <summary>Adds <paramref name="figures"/> times <paramref name="sign"/> into the unit's counts in <paramref name="totals"/>.</summary>
    public static void AddTo(IDictionary<string, int[]> totals, string unit, IReadOnlyList<int> figures, int sign = 1)
    {
        if (!totals.TryGetValue(unit, out var total)) totals[unit] = total = Empty();
        for (var i = 0; i < figures.Count && i < total.Length; i++) total[i] += sign * figures[i];
    }

    /// <summary>What changed from <paramref name="before"/> to <paramref name="after"/>, per unit; units with no change are left out.</summary>
    public static Dictionary<string, int[]> Change(IReadOnlyDictionary<string, int[]> before, IReadOnlyDictionary<string, int[]> after)
    {
        var change = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (unit, figures) in after) AddTo(change, unit, figures);
        foreach (var (unit, figures) in before) AddTo(change, unit, figures, -1);
        foreach (var unit in change.Where(c => IsZero(c.Value)).Select(c => c.Key).ToArray()) change.Remove(unit);
        return change;
    }

    public static bool IsZero(IReadOnlyList<int> figures) => figures.All(f => f == 0);

    /// <summary>The unit's row from its counts.</summary>
    public static UnitTimeliness Row(string unit, IReadOnlyList<int> f)
    {
        double? Rate(Figure part, Figure whole) => f[(int)whole] == 0 ? null : (double)f[(int)part] / f[(int)whole];
        int F(Figure figure) => f[(int)figure];
        var ratings = Enum.GetValues<SupervisionRating>().ToDictionary(r => r, r => F(r switch
        {
            SupervisionRating.Good => Figure.RatedGood,
            SupervisionRating.Fair => Figure.RatedFair,
            _ => Figure.RatedPoor,
        }));
        return new UnitTimeliness(unit, F(Figure.TasksLed), F(Figure.TasksCooperated), F(Figure.AcknowledgementsOnTime),
            F(Figure.AcknowledgementsLate), F(Figure.AcknowledgementsOutstanding), Rate(Figure.AcknowledgementDaysTotal, Figure.AcknowledgementDaysCount),
            F(Figure.ReportsOnTime), F(Figure.ReportsLate), F(Figure.ReportsMissed), F(Figure.TasksOverdueNow), F(Figure.CompletedOnTime),
            F(Figure.CompletedLate), ratings, F(Figure.Admonishments), Rate(Figure.OnTime, Figure.Judged))
        {
            Cooperated = new CooperatedWork(F(Figure.CooperatedAcknowledgementsOnTime), F(Figure.CooperatedAcknowledgementsLate),
                F(Figure.CooperatedAcknowledgementsOutstanding), F(Figure.CooperatedReportsOnTime), F(Figure.CooperatedReportsLate),
                F(Figure.CooperatedReportsMissed), Rate(Figure.CooperatedOnTime, Figure.CooperatedJudged)),
        };
    }

    /// <summary>The rows of the units that have one, best on-time rate first (none due last), then by unit name: the ranking the reports publish.</summary>
    public static IReadOnlyList<UnitTimeliness> Ranking(IEnumerable<KeyValuePair<string, int[]>> figures) =>
        figures.Where(f => f.Value[(int)Figure.Tasks] > 0)
            .Select(f => Row(f.Key, f.Value))
            .OrderByDescending(r => r.OnTimeRate ?? -1)
            .ThenBy(r => r.Unit, StringComparer.Ordinal)
            .ToArray();
}
