using System.Globalization;
using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Domain.Timeliness;

/// <summary>How a unit stands on a task: it leads it (牵头) or cooperates on it (配合).</summary>
public enum UnitRole { Led, Cooperated }

/// <summary>Whether a unit's monthly burden grows: its window's last month against the month before.</summary>
public enum BurdenTrend { Rising, Steady, Falling }

/// <summary>What is demanded of a unit: acknowledgements (签收), progress reports (报送) and completions (办结).</summary>
public sealed record Demands(int Acknowledgements, int Reports, int Completions)
{
    public static Demands None { get; } = new(0, 0, 0);

    public int Total => Acknowledgements + Reports + Completions;

    public Demands Plus(ObligationKind kind) => kind switch
    {
        ObligationKind.Acknowledgement => this with { Acknowledgements = Acknowledgements + 1 },
        ObligationKind.Report => this with { Reports = Reports + 1 },
        _ => this with { Completions = Completions + 1 },
    };
}

/// <summary>One month of a unit's burden: what its led and its cooperated tasks demand, due that month.</summary>
/// <param name="Month">yyyy-MM.</param>
/// <param name="ChangeFromPreviousMonth">Total minus the month before's; null for the window's first month.</param>
public sealed record MonthlyBurden(string Month, Demands Led, Demands Cooperated, int Total, int? ChangeFromPreviousMonth);

/// <summary>A task behind a unit's burden, and what it demands of the unit within the window.</summary>
public sealed record BurdenSource(string PlanId, int Number, string Text, UnitRole Role, Demands Demands);

/// <summary>A unit's reporting burden (基层减负) over a window: per month, its trend, and the plans and tasks behind it.</summary>
public sealed record UnitBurden(string Unit, int Total, Demands Led, Demands Cooperated, BurdenTrend Trend,
    IReadOnlyList<MonthlyBurden> Months, IReadOnlyList<BurdenSource> Sources);

/// <summary>
/// What all plans demand of each unit, month by month (为基层减负): every acknowledgement, report and completion the
/// obligation rules give its led and cooperated tasks, counted in the month it is due, met or not.
/// </summary>
public static class ReportingBurden
{
    /// <summary>
    /// One row per unit with anything due between <paramref name="from"/> and <paramref name="to"/> (China dates), the most
    /// burdened first. Months still to come are projected by the same rules as the task stands at <paramref name="now"/>:
    /// an open task is expected to report until its deadline (a period starting after it and after today is not counted).
    /// </summary>
    public static IReadOnlyList<UnitBurden> Of(IEnumerable<(SupervisedTask Task, TimelinessRules Rules)> tasks, WorkingDayCalendar calendar,
        DateOnly from, DateOnly to, DateTimeOffset now)
    {
        var horizon = ChinaTime.EndOf(to);
        var today = ChinaTime.DateOf(now);
        var months = Months(from, to);
        var units = new Dictionary<string, Dictionary<(UnitRole, string), Demands>>(StringComparer.Ordinal);
        var sources = new Dictionary<string, Dictionary<(string TaskId, UnitRole Role), (SupervisedTask Task, Demands Demands)>>(StringComparer.Ordinal);

        foreach (var (task, rules) in tasks)
        {
            var owed = Obligations.Of(task, rules, calendar, horizon).Concat(CooperationObligations.Of(task, rules, calendar, horizon));
            foreach (var o in owed)
            {
                if (o.DueOn < from || o.DueOn > to) continue;
                if (o is { Kind: ObligationKind.Report, PeriodStart: { } start } && start > today && task.Deadline is { } deadline && start > deadline)
                    continue;
                var role = o.Cooperating ? UnitRole.Cooperated : UnitRole.Led;
                foreach (var unit in o.Unit is { } owner ? [owner] : task.LeadUnits)
                {
                    var byMonth = units.TryGetValue(unit, out var m) ? m : units[unit] = [];
                    var key = (role, Month(o.DueOn));
                    byMonth[key] = byMonth.GetValueOrDefault(key, Demands.None).Plus(o.Kind);
                    var byTask = sources.TryGetValue(unit, out var s) ? s : sources[unit] = [];
                    byTask[(task.Id, role)] = (task, (byTask.TryGetValue((task.Id, role), out var d) ? d.Demands : Demands.None).Plus(o.Kind));
                }
            }
        }

        return units.Select(u => Row(u.Key, u.Value, sources[u.Key], months))
            .OrderByDescending(r => r.Total).ThenBy(r => r.Unit, StringComparer.Ordinal)
            .ToArray();
    }

    private static UnitBurden Row(string unit, Dictionary<(UnitRole, string), Demands> byMonth,
        Dictionary<(string TaskId, UnitRole Role), (SupervisedTask Task, Demands Demands)> byTask, IReadOnlyList<string> months)
    {
        var rows = new List<MonthlyBurden>(months.Count);
        foreach (var month in months)
        {
            var led = byMonth.GetValueOrDefault((UnitRole.Led, month), Demands.None);
            var cooperated = byMonth.GetValueOrDefault((UnitRole.Cooperated, month), Demands.None);
            var total = led.Total + cooperated.Total;
            rows.Add(new MonthlyBurden(month, led, cooperated, total, rows.Count == 0 ? null : total - rows[^1].Total));
        }
        var change = rows[^1].ChangeFromPreviousMonth ?? 0;
        var trend = change > 0 ? BurdenTrend.Rising : change < 0 ? BurdenTrend.Falling : BurdenTrend.Steady;
        var taskRows = byTask
            .Select(t => new BurdenSource(t.Value.Task.PlanId, t.Value.Task.Number, t.Value.Task.Text, t.Key.Role, t.Value.Demands))
            .OrderByDescending(s => s.Demands.Total).ThenBy(s => s.PlanId, StringComparer.Ordinal).ThenBy(s => s.Number)
            .ToArray();
        return new UnitBurden(unit, rows.Sum(r => r.Total), Sum(rows.Select(r => r.Led)), Sum(rows.Select(r => r.Cooperated)), trend,
            rows, taskRows);
    }

    private static Demands Sum(IEnumerable<Demands> demands) => demands.Aggregate(Demands.None, (a, b) =>
        new Demands(a.Acknowledgements + b.Acknowledgements, a.Reports + b.Reports, a.Completions + b.Completions));

    private static IReadOnlyList<string> Months(DateOnly from, DateOnly to)
    {
        var months = new List<string>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1)) months.Add(Month(m));
        return months;
    }

    private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
