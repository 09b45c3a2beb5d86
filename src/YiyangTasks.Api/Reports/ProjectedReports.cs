using System.Globalization;
using Marten;
using Marten.Services.BatchQuerying;
using YiyangTasks.Api.Reports.Projections;
using YiyangTasks.Api.Storage;
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
        // The rows and the stale tasks in one round trip.
        var batch = session.CreateBatchQuery();
        var query = batch.Query<UnitPlanFigures>();
        if (plan is not null) query = query.Where(r => r.PlanId == plan);
        if (unit is not null) query = query.Where(r => r.Unit == unit);
        var found = query.ToList();
        var stale = StaleTasks(batch, plan, now);
        await batch.Execute(cancellationToken);

        var totals = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var row in await found) UnitFigures.AddTo(totals, row.Unit, row.At(now));
        await JudgeStaleAsync(await stale, now, totals, cancellationToken);
        var rows = UnitFigures.Ranking(totals);
        return unit is null ? rows : rows.Where(r => r.Unit == unit).ToArray();
    }

    /// <summary>The tasks whose timelines do not answer for now (their lapse check is late, or the clock stands before their last event).</summary>
    private static Task<IReadOnlyList<TaskFigures>> StaleTasks(IBatchedQuery batch, string? plan, DateTimeOffset now)
    {
        var query = batch.Query<TaskFigures>().Where(TaskFigures.NotCovering(now));
        if (plan is not null) query = query.Where(t => t.PlanId == plan);
        return query.ToList();
    }

    /// <summary>Replaces, in <paramref name="totals"/>, what the stale tasks' timelines say with their counts judged at now.</summary>
    private async Task JudgeStaleAsync(IReadOnlyList<TaskFigures> stale, DateTimeOffset now, Dictionary<string, int[]> totals,
        CancellationToken cancellationToken)
    {
        if (stale.Count == 0) return;
        var calendar = await policy.CalendarAsync(cancellationToken);
        foreach (var task in stale)
        {
            foreach (var (unit, figures) in task.Timeline.At(now)) UnitFigures.AddTo(totals, unit, figures, -1);
            var rules = await policy.RulesForAsync(task.PlanId, cancellationToken);
            foreach (var (unit, figures) in UnitTimelinessReport.FiguresOf(task.Task, rules, calendar, now)) UnitFigures.AddTo(totals, unit, figures);
        }
    }

    /// <summary>
    /// The overview's figures of a plan: statuses, lights, one page of the overdue list (most working days overdue first, then by
    /// number), the list's length, every task on it, and the ranking.
    /// </summary>
    public async Task<OverviewFigures> OverviewAsync(IQuerySession session, string planId, DateTimeOffset now, OverduePage page,
        CancellationToken cancellationToken)
    {
        var rules = await policy.RulesForAsync(planId, cancellationToken);
        var calendar = await policy.CalendarAsync(cancellationToken);
        var today = ChinaTime.DateOf(now);

        // The rows, the stale tasks and the statuses in one round trip.
        var batch = session.CreateBatchQuery();
        var found = batch.Query<UnitPlanFigures>().Where(r => r.PlanId == planId).ToList();
        var staleTasks = StaleTasks(batch, planId, now);
        var planFigures = batch.Load<PlanFigures>(planId);
        await batch.Execute(cancellationToken);

        var totals = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var row in await found) UnitFigures.AddTo(totals, row.Unit, row.At(now));
        await JudgeStaleAsync(await staleTasks, now, totals, cancellationToken);
        var stale = (await staleTasks).ToDictionary(t => t.Number);

        var statuses = (await planFigures)?.TasksByStatus ?? [];
        var byStatus = Enum.GetValues<TaskStatus>().Where(s => statuses.GetValueOrDefault(s) > 0).ToDictionary(s => s, s => statuses[s]);

        var attention = new List<(int Number, Light Light)>();
        var overdue = new List<(int Number, ObligationKind Kind, string? Unit, DateOnly DueOn, int Days)>();
        foreach (var w in await WatchesAsync(session, planId, now, rules, cancellationToken))
        {
            if (stale.ContainsKey(w.Number)) continue;
            attention.Add((w.Number, w.Watch.LightAt(rules, calendar, now)));
            foreach (var o in w.Watch.OverdueAt(now)) overdue.Add((w.Number, o.Kind, o.Unit, o.DueOn, DaysOverdue(o.DueOn)));
        }
        foreach (var (number, figures) in stale)
        {
            var task = figures.Task;
            attention.Add((number, TrafficLight.Of(task, rules, calendar, now).Light));
            if (task.IsCompleted) continue;
            foreach (var o in Obligations.Of(task, rules, calendar, now).Where(o => !o.IsMet && o.DueAt <= now))
                overdue.Add((number, o.Kind, o.Unit, o.DueOn, DaysOverdue(o.DueOn)));
        }

        var lights = attention.Where(a => a.Light != Light.Green).GroupBy(a => a.Light).ToDictionary(g => g.Key, g => g.Count());
        var green = byStatus.Values.Sum() - lights.Values.Sum();
        lights = Enum.GetValues<Light>().Where(l => l == Light.Green ? green > 0 : lights.ContainsKey(l))
            .ToDictionary(l => l, l => l == Light.Green ? green : lights[l]);

        // A task's obligations keep the order the rules list them in (a stable sort); only the page is given its text and lead units.
        var shown = overdue.OrderByDescending(o => o.Days).ThenBy(o => o.Number)
            .Skip((int)Math.Min(int.MaxValue, (long)(page.Page - 1) * page.PageSize)).Take(page.PageSize).ToArray();
        var named = await NamesAsync(session, planId, shown.Select(o => o.Number).Where(n => !stale.ContainsKey(n)).Distinct().ToArray(), cancellationToken);
        foreach (var (number, figures) in stale) named[number] = (figures.Task.Text, figures.Task.LeadUnits);
        // A task completed between the two reads has no watch left to name it: its entry stays, without text, rather than failing the answer.
        var list = shown.Select(o =>
        {
            var (text, leadUnits) = named.TryGetValue(o.Number, out var name) ? name : ("", []);
            return new OverdueTask(o.Number, text, leadUnits, o.Kind, o.Unit, o.DueOn, o.Days);
        }).ToArray();
        return new OverviewFigures(byStatus, lights, list, overdue.Count, overdue.Select(o => o.Number).ToHashSet(), UnitFigures.Ranking(totals));

        int DaysOverdue(DateOnly dueOn) => Math.Max(0, calendar.WorkingDaysBetween(dueOn, today));
    }

    /// <summary>
    /// The watched tasks of a plan that may need attention at <paramref name="now"/>, each with only the obligations due by
    /// <see cref="TaskWatch.LatestDueCounting"/>: a watch lists 400 days of obligations ahead, which no light or overdue list
    /// reads today, and reading them made up most of the overview's time (3.3 of 3.7 MB for a plan of 1,000 tasks).
    /// </summary>
    private static async Task<IReadOnlyList<Watched>> WatchesAsync(IQuerySession session, string planId, DateTimeOffset now, TimelinessRules rules,
        CancellationToken cancellationToken)
    {
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(WatchedTask)).TableName.QualifiedName;
        var latest = TaskWatch.LatestDueCounting(rules, now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // The same expressions as the plan and attention indexes (ProjectionRegistry); dueOn is ISO (yyyy-MM-dd), so it compares as text.
        return await session.AdvancedSql.QueryAsync<Watched>('^', $$"""
            select jsonb_build_object('number', data -> 'number', 'watch', jsonb_set(data -> 'watch', '{unmet}',
                jsonb_path_query_array(data -> 'watch' -> 'unmet', '$[*] ? (@.dueOn <= $latest)', jsonb_build_object('latest', ^::text))))
            from {{table}}
            where data ->> 'planId' = ^ and {{EventStore.Schema}}.mt_immutable_timestamptz(data ->> 'attentionFrom') <= ^
            """, cancellationToken, latest, planId, now.ToUniversalTime());
    }

    /// <summary>The text and lead units of some of a plan's watched tasks, by number.</summary>
    private static async Task<Dictionary<int, (string Text, IReadOnlyList<string> LeadUnits)>> NamesAsync(IQuerySession session, string planId,
        int[] numbers, CancellationToken cancellationToken)
    {
        if (numbers.Length == 0) return [];
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(WatchedTask)).TableName.QualifiedName;
        var names = await session.AdvancedSql.QueryAsync<Named>('^', $"""
            select jsonb_build_object('number', data -> 'number', 'text', data -> 'text', 'leadUnits', data -> 'leadUnits')
            from {table} where data ->> 'planId' = ^ and (data ->> 'number')::int = any(^)
            """, cancellationToken, planId, numbers);
        return names.ToDictionary(n => n.Number, n => (n.Text, n.LeadUnits));
    }

    private sealed record Watched(int Number, TaskWatch Watch);

    private sealed record Named(int Number, string Text, IReadOnlyList<string> LeadUnits);
}

/// <summary>A page of the overview's overdue list: <paramref name="Page"/> from 1, <paramref name="PageSize"/> entries.</summary>
public sealed record OverduePage(int Page, int PageSize);

/// <summary>What the overview reads from the figures: statuses, lights, a page of the overdue list and its length, the tasks on it, the ranking.</summary>
public sealed record OverviewFigures(IReadOnlyDictionary<TaskStatus, int> ByStatus, IReadOnlyDictionary<Light, int> Lights,
    IReadOnlyList<OverdueTask> Overdue, int OverdueTotal, IReadOnlySet<int> OverdueNumbers, IReadOnlyList<UnitTimeliness> Ranking);
