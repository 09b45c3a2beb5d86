using Marten;
using YiyangTasks.Api.Reports.Projections;
using YiyangTasks.Api.Timeliness;
using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;
using TaskStatus = YiyangTasks.Domain.Tasks.TaskStatus;

namespace YiyangTasks.Api.Reports;

/// <summary>
/// The reports read from the figures projection (<see cref="ReportFiguresProjection"/>): the unit rows summed with the steps
/// the clock has passed, and the plan's lights and overdue list judged from the watched tasks' unmet obligations. A task whose
/// timeline does not answer for now (its lapse check is late, or the clock stands before its last event) is judged afresh from
/// its state, alone.
/// </summary>
public sealed class ProjectedReports(TimelinessPolicy policy)
{
    /// <summary>The rows of a plan, a unit, or both (none: every unit over every plan), best on-time rate first.</summary>
    public async Task<IReadOnlyList<UnitTimeliness>> RowsAsync(IQuerySession session, string? plan, string? unit, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var query = session.Query<UnitPlanFigures>().AsQueryable();
        if (plan is not null) query = query.Where(r => r.PlanId == plan);
        if (unit is not null) query = query.Where(r => r.Unit == unit);
        var totals = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var row in await query.ToListAsync(cancellationToken)) UnitFigures.AddTo(totals, row.Unit, row.At(now));
        await JudgeStaleAsync(session, plan, now, totals, cancellationToken);
        var rows = UnitFigures.Ranking(totals);
        return unit is null ? rows : rows.Where(r => r.Unit == unit).ToArray();
    }

    /// <summary>Replaces, in <paramref name="totals"/>, what stale tasks' timelines say with their counts judged at now; answers those tasks.</summary>
    private async Task<IReadOnlyList<TaskFigures>> JudgeStaleAsync(IQuerySession session, string? plan, DateTimeOffset now,
        Dictionary<string, int[]> totals, CancellationToken cancellationToken)
    {
        var query = session.Query<TaskFigures>().Where(t => t.ValidUntil <= now || t.JudgedAt > now);
        if (plan is not null) query = query.Where(t => t.PlanId == plan);
        var stale = await query.ToListAsync(cancellationToken);
        if (stale.Count == 0) return stale;
        var calendar = await policy.CalendarAsync(cancellationToken);
        foreach (var task in stale)
        {
            foreach (var (unit, figures) in task.Timeline.At(now)) UnitFigures.AddTo(totals, unit, figures, -1);
            var rules = await policy.RulesForAsync(task.PlanId, cancellationToken);
            foreach (var (unit, figures) in UnitTimelinessReport.FiguresOf(task.Task, rules, calendar, now)) UnitFigures.AddTo(totals, unit, figures);
        }
        return stale;
    }

    /// <summary>The overview's figures of a plan: statuses, lights, the overdue list (most working days overdue first) and the ranking.</summary>
    public async Task<(IReadOnlyDictionary<TaskStatus, int> ByStatus, IReadOnlyDictionary<Light, int> Lights, IReadOnlyList<OverdueTask> Overdue,
        IReadOnlyList<UnitTimeliness> Ranking)> OverviewAsync(IQuerySession session, string planId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rules = await policy.RulesForAsync(planId, cancellationToken);
        var calendar = await policy.CalendarAsync(cancellationToken);
        var today = ChinaTime.DateOf(now);

        var totals = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var row in await session.Query<UnitPlanFigures>().Where(r => r.PlanId == planId).ToListAsync(cancellationToken))
            UnitFigures.AddTo(totals, row.Unit, row.At(now));
        var stale = (await JudgeStaleAsync(session, planId, now, totals, cancellationToken)).ToDictionary(t => t.Number);

        var statuses = (await session.LoadAsync<PlanFigures>(planId, cancellationToken))?.TasksByStatus ?? [];
        var byStatus = Enum.GetValues<TaskStatus>().Where(s => statuses.GetValueOrDefault(s) > 0).ToDictionary(s => s, s => statuses[s]);

        var watched = (await session.Query<WatchedTask>().Where(w => w.PlanId == planId && w.AttentionFrom <= now).ToListAsync(cancellationToken))
            .Where(w => !stale.ContainsKey(w.Number));
        var attention = new List<(int Number, Light Light, IEnumerable<OverdueTask> Overdue)>();
        foreach (var w in watched)
            attention.Add((w.Number, w.Watch.LightAt(rules, calendar, now), w.Watch.OverdueAt(now)
                .Select(o => new OverdueTask(w.Number, w.Text, w.LeadUnits, o.Kind, o.Unit, o.DueOn, DaysOverdue(o.DueOn)))));
        foreach (var (number, figures) in stale)
        {
            var task = figures.Task;
            var overdue = task.IsCompleted ? [] : Obligations.Of(task, rules, calendar, now).Where(o => !o.IsMet && o.DueAt <= now)
                .Select(o => new OverdueTask(number, task.Text, task.LeadUnits, o.Kind, o.Unit, o.DueOn, DaysOverdue(o.DueOn)));
            attention.Add((number, TrafficLight.Of(task, rules, calendar, now).Light, overdue));
        }
        attention.Sort((a, b) => a.Number.CompareTo(b.Number));

        var lights = attention.Where(a => a.Light != Light.Green).GroupBy(a => a.Light).ToDictionary(g => g.Key, g => g.Count());
        var green = byStatus.Values.Sum() - lights.Values.Sum();
        lights = Enum.GetValues<Light>().Where(l => l == Light.Green ? green > 0 : lights.ContainsKey(l))
            .ToDictionary(l => l, l => l == Light.Green ? green : lights[l]);
        var overdueList = attention.SelectMany(a => a.Overdue).OrderByDescending(o => o.WorkingDaysOverdue).ThenBy(o => o.Number).ToArray();
        return (byStatus, lights, overdueList, UnitFigures.Ranking(totals));

        int DaysOverdue(DateOnly dueOn) => Math.Max(0, calendar.WorkingDaysBetween(dueOn, today));
    }
}
