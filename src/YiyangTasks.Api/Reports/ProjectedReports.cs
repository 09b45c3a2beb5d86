using System.Globalization;
using Marten;
using Marten.Services.BatchQuerying;
using YiyangTasks.Api.Digest;
using YiyangTasks.Api.Reports.Projections;
using YiyangTasks.Api.Storage;
using YiyangTasks.Api.Timeliness;
using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Plans;
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
    /// <summary>
    /// The rows of a plan, a unit, or both (none: every unit over every plan), best on-time rate first, and the event sequence
    /// they reflect; null when <paramref name="plan"/> names no plan.
    /// </summary>
    public async Task<ProjectedRows?> RowsAsync(IQuerySession session, string? plan, string? unit, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // The sequence (first: the figures read after it reflect at least every event up to it), whether the plan is there, the
        // rows and the stale tasks in one round trip.
        var batch = session.CreateBatchQuery();
        var sequence = ReportProjections.SequenceOf(batch, ReportFiguresProjection.Name);
        var planFound = plan is null ? Task.FromResult(true) : batch.CheckExists<Plan>(plan);
        var query = batch.Query<UnitPlanFigures>();
        if (plan is not null) query = query.Where(r => r.PlanId == plan);
        if (unit is not null) query = query.Where(r => r.Unit == unit);
        var found = query.ToList();
        var stale = StaleTasks(batch, plan, now);
        await batch.Execute(cancellationToken);
        if (!await planFound) return null;

        var totals = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var row in await found) UnitFigures.AddTo(totals, row.Unit, row.At(now));
        await JudgeStaleAsync(await stale, now, totals, cancellationToken);
        var rows = UnitFigures.Ranking(totals);
        return new ProjectedRows(unit is null ? rows : rows.Where(r => r.Unit == unit).ToArray(), await sequence);
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
    /// The overview's figures of a plan (null: no such plan): statuses, lights, one page of the overdue list (earliest due first,
    /// which is most working days overdue first, then by number), the list's length, every task on it, the ranking, the latest
    /// digest's numbers of the plan and the event sequence all of it reflects. The lights and the list's length are the plan's
    /// attention counts at now (<see cref="PlanFigures.AttentionAt"/>); the page reads the plan's watched tasks in the order of
    /// their earliest past-due obligation, only as many as the page needs.
    /// </summary>
    /// <remarks>
    /// One round trip, the sequence first (what the batch reads after it reflects at least every event up to it). A second
    /// only when a task on the page read is stale: its entries are judged from its state instead, so the page is read again
    /// without it.
    /// </remarks>
    public async Task<OverviewFigures?> OverviewAsync(IQuerySession session, string planId, DateTimeOffset now, OverduePage page,
        CancellationToken cancellationToken)
    {
        var rules = await policy.RulesForAsync(planId, cancellationToken);
        var calendar = await policy.CalendarAsync(cancellationToken);
        var today = ChinaTime.DateOf(now);

        var batch = session.CreateBatchQuery();
        var sequence = ReportProjections.SequenceOf(batch, ReportFiguresProjection.Name);
        var title = batch.Query<Plan>().Where(p => p.Id == planId).Select(p => p.Title).ToList();
        var found = batch.Query<UnitPlanFigures>().Where(r => r.PlanId == planId).ToList();
        var staleTasks = StaleTasks(batch, planId, now);
        var planFigures = batch.Load<PlanFigures>(planId);
        var overdueNumbers = batch.Query<WatchedTask>().Where(w => w.PlanId == planId && w.OverdueFrom <= now).Select(w => w.Number).ToList();
        var firstRead = OverdueReads(batch, session, planId, now, page, []);
        var lastDigest = LastDigest(batch, session, planId);
        await batch.Execute(cancellationToken);
        if (await title is not [var planTitle]) return null;

        var totals = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var row in await found) UnitFigures.AddTo(totals, row.Unit, row.At(now));
        await JudgeStaleAsync(await staleTasks, now, totals, cancellationToken);
        var stale = (await staleTasks).ToDictionary(t => t.Number);

        var figures = await planFigures;
        var statuses = figures?.TasksByStatus ?? [];
        var byStatus = Enum.GetValues<TaskStatus>().Where(s => statuses.GetValueOrDefault(s) > 0).ToDictionary(s => s, s => statuses[s]);

        // The stale tasks' part of the counts judged afresh, as the rows' part is (JudgeStaleAsync), and their overdue obligations.
        var counts = figures?.AttentionAt(now) ?? AttentionTimeline.Empty();
        var numbers = (await overdueNumbers).Where(n => !stale.ContainsKey(n)).ToHashSet();
        var staleOverdue = new List<OverdueTask>();
        foreach (var (number, task) in stale)
        {
            DatedCounts.Add(counts, task.AttentionTimeline.At(now), -1);
            var overdue = task.Task.IsCompleted ? [] : Obligations.Of(task.Task, rules, calendar, now).Where(o => !o.IsMet && o.DueAt <= now).ToArray();
            DatedCounts.Add(counts, AttentionTimeline.Of(TrafficLight.Of(task.Task, rules, calendar, now).Light, overdue.Length), 1);
            if (overdue.Length > 0) numbers.Add(number);
            staleOverdue.AddRange(overdue.Select(o => new OverdueTask(number, task.Task.Text, task.Task.LeadUnits, o.Kind, o.Unit, o.DueOn, DaysOverdue(o.DueOn))));
        }

        var (yellow, red) = (counts[(int)AttentionTimeline.Attention.Yellow], counts[(int)AttentionTimeline.Attention.Red]);
        var green = byStatus.Values.Sum() - yellow - red;
        var lights = new Dictionary<Light, int> { [Light.Green] = green, [Light.Yellow] = yellow, [Light.Red] = red }
            .Where(l => l.Value > 0).ToDictionary();

        var read = await firstRead;
        if (read.Any(w => stale.ContainsKey(w.Number)))
        {
            var again = session.CreateBatchQuery();
            var reread = OverdueReads(again, session, planId, now, page, stale.Keys.ToArray());
            await again.Execute(cancellationToken);
            read = await reread;
        }
        var list = OverduePage(read, now, page, staleOverdue, DaysOverdue);
        return new OverviewFigures(planTitle, await sequence, byStatus, lights, list, counts[(int)AttentionTimeline.Attention.Overdue], numbers,
            UnitFigures.Ranking(totals), (await lastDigest) is [var digest] ? digest : null);

        int DaysOverdue(DateOnly dueOn) => Math.Max(0, calendar.WorkingDaysBetween(dueOn, today));
    }

    /// <summary>
    /// The plan's watched tasks that hold a page of its overdue list, but for <paramref name="excluded"/>: read in the order of
    /// their earliest past-due obligation (<see cref="WatchedTask.OverdueFrom"/>, then number), only as many as the page needs.
    /// Each task read adds an entry no later than the last task read, and every task not read owes only later ones, so the
    /// first <c>page × size</c> tasks hold the page.
    /// </summary>
    private static Task<IReadOnlyList<OverdueRead>> OverdueReads(IBatchedQuery batch, IQuerySession session, string planId, DateTimeOffset now,
        OverduePage page, int[] excluded)
    {
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(WatchedTask)).TableName.QualifiedName;
        // dueOn is ISO (yyyy-MM-dd), so it compares as text; a watch's due instant is the end of its day (due by now: before today).
        return batch.Query<OverdueRead>('^', $$"""
            select jsonb_build_object('number', d.number, 'text', d.data -> 'text', 'leadUnits', d.data -> 'leadUnits',
                'overdue', jsonb_path_query_array(d.data -> 'watch' -> 'unmet', '$[*] ? (@.dueOn < $today)', jsonb_build_object('today', ^::text)))
            from {{table}} d
            where d.plan_id = ^ and d.overdue_from <= ^ and d.number <> all(^)
            order by d.overdue_from, d.number
            limit ^
            """, ChinaTime.DateOf(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), planId, now.ToUniversalTime(),
            excluded, (long)page.Page * page.PageSize);
    }

    /// <summary>
    /// One page of a plan's overdue list, ordered by due date, number and the order the rules list a task's obligations in:
    /// the stale tasks' entries, judged from their states, with those of the watched tasks read.
    /// </summary>
    private static IReadOnlyList<OverdueTask> OverduePage(IReadOnlyList<OverdueRead> read, DateTimeOffset now, OverduePage page,
        IReadOnlyList<OverdueTask> staleOverdue, Func<DateOnly, int> daysOverdue)
    {
        var skip = (long)(page.Page - 1) * page.PageSize;
        var entries = staleOverdue.Select((o, i) => (Task: o, Order: i)).Concat(read
            .SelectMany(w => w.Overdue.Where(o => o.DueAt <= now).Select((o, i) =>
                (Task: new OverdueTask(w.Number, w.Text, w.LeadUnits, o.Kind, o.Unit, o.DueOn, daysOverdue(o.DueOn)), Order: i))));
        return entries.OrderBy(e => e.Task.DueOn).ThenBy(e => e.Task.Number).ThenBy(e => e.Order)
            .Skip((int)Math.Min(int.MaxValue, skip)).Take(page.PageSize).Select(e => e.Task).ToArray();
    }

    /// <summary>
    /// The latest digest's date and the plan's task numbers in it (none before the first digest). Only those are read: a digest
    /// names every overdue task of every plan with its last report and its Markdown (tens of thousands of tasks at the
    /// province's scale).
    /// </summary>
    private static Task<IReadOnlyList<DigestNumbers>> LastDigest(IBatchedQuery batch, IQuerySession session, string planId)
    {
        var options = session.DocumentStore.Options;
        var digests = options.FindOrResolveDocumentType(typeof(StoredDigest)).TableName.QualifiedName;
        var numbers = options.FindOrResolveDocumentType(typeof(DigestOverdueNumbers)).TableName.QualifiedName;
        // The latest digest found by its id (its date, yyyy-MM-dd) without reading its JSON; the plan's numbers from the
        // digest's numbers kept apart (DigestOverdueNumbers: the mark, and the plan's own, id as its IdFor, if it had any overdue). A digest stored
        // before those were kept apart gives them from its plain list per plan or, before that list, from its units (its
        // whole JSON read).
        return batch.Query<DigestNumbers>('^', $"""
            with latest as (select id from {digests} order by id desc limit 1)
            select coalesce(
                (select jsonb_build_object('date', m.data -> 'date', 'numbers',
                    coalesce((select n.data -> 'numbers' from {numbers} n where n.id = latest.id || '/' || ^), '[]'::jsonb))
                 from {numbers} m where m.id = latest.id),
                (select jsonb_build_object('date', d.data -> 'date', 'numbers', coalesce(d.data -> 'overdueByPlan' -> ^, (
                    select jsonb_agg(distinct i -> 'number')
                    from jsonb_array_elements(case jsonb_typeof(d.data -> 'units') when 'array' then d.data -> 'units' else '[]' end) u,
                        jsonb_array_elements(u -> 'items') i
                    where i ->> 'planId' = ^), '[]'::jsonb))
                 from {digests} d where d.id = latest.id))
            from latest
            """, planId, planId, planId);
    }

    private sealed record OverdueRead(int Number, string Text, IReadOnlyList<string> LeadUnits, IReadOnlyList<WatchedObligation> Overdue);
}

/// <summary>The report's rows and the event sequence they reflect.</summary>
public sealed record ProjectedRows(IReadOnlyList<UnitTimeliness> Rows, long Sequence);

/// <summary>A page of the overview's overdue list: <paramref name="Page"/> from 1, <paramref name="PageSize"/> entries.</summary>
public sealed record OverduePage(int Page, int PageSize);

/// <summary>
/// What the overview reads from the figures: the plan's title, the event sequence they reflect, statuses, lights, a page of the
/// overdue list and its length, the tasks on it, the ranking, and the latest digest's numbers of the plan.
/// </summary>
public sealed record OverviewFigures(string Title, long Sequence, IReadOnlyDictionary<TaskStatus, int> ByStatus, IReadOnlyDictionary<Light, int> Lights,
    IReadOnlyList<OverdueTask> Overdue, int OverdueTotal, IReadOnlySet<int> OverdueNumbers, IReadOnlyList<UnitTimeliness> Ranking, DigestNumbers? LastDigest);

/// <summary>A digest's date and the numbers of one plan's tasks it listed overdue.</summary>
public sealed record DigestNumbers(DateOnly Date, IReadOnlyList<int> Numbers);
