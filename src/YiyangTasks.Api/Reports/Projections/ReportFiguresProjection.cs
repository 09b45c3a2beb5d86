using System.Collections.Concurrent;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using YiyangTasks.Api.Calendar;
using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Reports.Projections;

/// <summary>
/// Keeps the reports' figures from the task events alone, run by the projection daemon: per task (<see cref="TaskFigures"/>,
/// <see cref="WatchedTask"/>), per unit and plan (<see cref="UnitPlanFigures"/>) and per plan (<see cref="PlanFigures"/>).
/// </summary>
/// <remarks>
/// On time or late is judged when an event is projected, by the domain's own rules with the plan's rules (its registration)
/// and the working-day calendar in force (the committed years and the notices loaded), both read in the daemon's session:
/// a lapse event says only that something fell due unmet, not whether the late act that follows it was late by the rules,
/// and the rules already answer that from the task's state. A task's counts change as its events come and as the clock
/// passes its due instants; the latter are kept as dated steps, so a read adds the steps up to now and judges nothing.
/// One pass over a batch: each task's previous counts are taken out of its units' rows and its new counts put in, in the
/// same transaction as the daemon's progress, so a batch is counted once whichever process runs it.
/// </remarks>
public sealed class ReportFiguresProjection : IProjection
{
    public const string Name = "ReportFigures";

    private (string Key, WorkingDayCalendar Calendar)? _calendar;

    /// <summary>
    /// Each plan's rules, which its registration fixes (a revision does not change them): read once, forgotten when a
    /// registration of that plan id passes through (a plan registered again after its data were reset).
    /// </summary>
    private readonly ConcurrentDictionary<string, TimelinessRules> _rules = new();

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var registered in events.Select(e => e.Data).OfType<PlanRegistered>()) _rules.TryRemove(registered.PlanId, out _);
        var byTask = events.Where(e => e.StreamKey is { } key && key.Contains('/') && SupervisedTask.OccurredAt(e.Data) is not null)
            .GroupBy(e => e.StreamKey!)
            .ToArray();
        if (byTask.Length == 0) return;

        // One round trip: the tasks' previous figures and which holiday notices are loaded.
        var batch = operations.CreateBatchQuery();
        var knownTasks = batch.LoadMany<TaskFigures>().ById(byTask.Select(g => g.Key).ToArray());
        var notices = batch.Query<HolidayNoticeLoad>().Select(l => l.Id).ToList();
        await batch.Execute(cancellation);
        var calendar = await CalendarAsync(operations, await notices, cancellation);
        var known = (await knownTasks).ToDictionary(t => t.Id);
        var rows = new Dictionary<string, UnitPlanFigures>();
        var plans = new Dictionary<string, PlanFigures>();

        // Each task's events folded into its state (in order, cheap), then judged (the costly part) on every core at once.
        var folded = new List<(TaskFigures? Before, SupervisedTask Task, DateTimeOffset JudgedAt, long Sequence, string Id)>();
        foreach (var stream in byTask)
        {
            var before = known.GetValueOrDefault(stream.Key);
            var task = before?.Task;
            var judgedAt = before?.JudgedAt ?? DateTimeOffset.MinValue;
            var sequence = before?.LastSequence ?? 0;
            foreach (var e in stream.Where(e => e.Sequence > sequence))
            {
                task = SupervisedTask.Evolve(task, e.Data);
                if (SupervisedTask.OccurredAt(e.Data) is { } at && at > judgedAt) judgedAt = at;
                sequence = e.Sequence;
            }
            if (task is null || sequence == before?.LastSequence) continue;
            if (!_rules.ContainsKey(task.PlanId))
                _rules[task.PlanId] = (await operations.LoadAsync<Plan>(task.PlanId, cancellation))?.Rules ?? TimelinessRules.Default;
            folded.Add((before, task, judgedAt, sequence, stream.Key));
        }
        var judged = new (TaskFigures Figures, WatchedTask? Watched)[folded.Count];
        Parallel.For(0, folded.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            var (_, task, judgedAt, sequence, id) = folded[i];
            var rules = _rules[task.PlanId];
            var timeline = FigureTimeline.Of(task, rules, calendar, judgedAt);
            var watched = Watched(task, rules, calendar, timeline);
            var attention = watched is null
                ? new AttentionTimeline(AttentionTimeline.Empty(), [])
                : AttentionTimeline.Of(watched.Watch, rules, calendar, judgedAt, timeline.ValidUntil ?? DateTimeOffset.MaxValue);
            judged[i] = (new TaskFigures
            {
                Id = id, PlanId = task.PlanId, Number = task.Number, Status = task.Status, LastSequence = sequence,
                Units = [.. task.LeadUnits, .. task.CooperatingUnits.Except(task.LeadUnits)], Task = TaskFigures.Compact(task),
                JudgedAt = judgedAt, ValidUntil = timeline.ValidUntil ?? DateTimeOffset.MaxValue, Figures = timeline.Figures, Steps = [.. timeline.Steps],
                Attention = attention.Counts, AttentionSteps = [.. attention.Steps],
            }, watched);
        });
        var changes = new List<(TaskFigures? Before, TaskFigures After)>(folded.Count);
        for (var i = 0; i < folded.Count; i++)
        {
            var (figures, watched) = judged[i];
            operations.Store(figures);
            // The overview's and the digest's view of a task not completed: kept while it owes something, dropped once completed.
            if (watched is null) operations.Delete<WatchedTask>(figures.Id);
            else operations.Store(watched);
            changes.Add((folded[i].Before, figures));
        }

        // The rows and plans these tasks touch, loaded in one round trip.
        var rowIds = changes.SelectMany(c => Units(c.Before).Concat(Units(c.After)).Select(unit => UnitPlanFigures.IdFor(c.After.PlanId, unit)))
            .Distinct().ToArray();
        var touched = operations.CreateBatchQuery();
        var touchedRows = touched.LoadMany<UnitPlanFigures>().ById(rowIds);
        var touchedPlans = touched.LoadMany<PlanFigures>().ById(changes.Select(c => c.After.PlanId).Distinct().ToArray());
        await touched.Execute(cancellation);
        foreach (var row in await touchedRows) rows[row.Id] = row;
        foreach (var plan in await touchedPlans) plans[plan.Id] = plan;

        UnitPlanFigures Row(string planId, string unit) => rows.TryGetValue(UnitPlanFigures.IdFor(planId, unit), out var row)
            ? row
            : rows[UnitPlanFigures.IdFor(planId, unit)] = new UnitPlanFigures { Id = UnitPlanFigures.IdFor(planId, unit), PlanId = planId, Unit = unit };
        PlanFigures Plan(string planId) => plans.TryGetValue(planId, out var plan) ? plan : plans[planId] = new PlanFigures { Id = planId };

        foreach (var (before, after) in changes)
        {
            if (before is not null) Count(before, -1);
            Count(after, 1);
        }
        foreach (var row in rows.Values) operations.Store(row);
        foreach (var plan in plans.Values) operations.Store(plan);

        void Count(TaskFigures task, int sign)
        {
            foreach (var (unit, figures) in task.Figures) DatedCounts.Add(Row(task.PlanId, unit).Figures, figures, sign);
            foreach (var step in task.Steps) DatedCounts.AddStep(Row(task.PlanId, step.Unit).Steps, step.At, step.Change, sign, UnitFigures.Empty);
            var plan = Plan(task.PlanId);
            DatedCounts.Add(plan.Attention, task.Attention, sign);
            foreach (var step in task.AttentionSteps) DatedCounts.AddStep(plan.AttentionSteps, step.At, step.Change, sign, AttentionTimeline.Empty);
            var byStatus = plan.TasksByStatus;
            byStatus[task.Status] = byStatus.GetValueOrDefault(task.Status) + sign;
            if (byStatus[task.Status] == 0) byStatus.Remove(task.Status);
        }
    }

    private static IEnumerable<string> Units(TaskFigures? task) => task is null ? [] : task.Figures.Keys.Concat(task.Steps.Select(s => s.Unit));

    /// <summary>The overview's and the digest's view of a task not completed (none once completed), looking ahead as far as its timeline needs.</summary>
    private static WatchedTask? Watched(SupervisedTask task, TimelinessRules rules, WorkingDayCalendar calendar, FigureTimeline timeline)
    {
        if (task.IsCompleted) return null;
        var watch = TaskWatch.Of(task, rules, calendar, TaskWatch.HorizonFor(timeline, rules));
        return new WatchedTask
        {
            Id = task.Id, PlanId = task.PlanId, Number = task.Number, Text = task.Text, LeadUnits = task.LeadUnits, Watch = watch,
            LastReport = Digest.LastReport.Of(task),
            // In UTC: a column of type timestamptz takes no other offset (Npgsql).
            OverdueFrom = watch.Unmet.Select(o => o.DueAt.ToUniversalTime()).DefaultIfEmpty(DateTimeOffset.MaxValue).Min(),
        };
    }

    /// <summary>
    /// The calendar in force, as <see cref="HolidayCalendar"/> builds it, read in the daemon's own session; built again only
    /// when the notices loaded (<paramref name="noticeIds"/>, never changed once loaded) are not those it was built from.
    /// </summary>
    private async Task<WorkingDayCalendar> CalendarAsync(IQuerySession session, IReadOnlyList<string> noticeIds, CancellationToken cancellation)
    {
        var key = string.Join(",", noticeIds.Order(StringComparer.Ordinal));
        if (_calendar is { } cached && cached.Key == key) return cached.Calendar;
        var loads = await session.Query<HolidayNoticeLoad>().ToListAsync(cancellation);
        var latest = loads.GroupBy(l => l.Year).Select(g => g.MaxBy(l => l.Revision)!).OrderBy(l => l.Year).ToArray();
        WorkingDayCalendar calendar;
        try
        {
            calendar = new WorkingDayCalendar(HolidayCalendar.Committed.Where(a => latest.All(l => l.Year != a.Year))
                .Concat(latest.Select(l => l.ToArrangement())));
        }
        catch (ArgumentException)
        {
            calendar = WorkingDayCalendar.ChinaMainland; // contradicting loads: HolidayCalendar counts by the committed years too
        }
        _calendar = (key, calendar);
        return calendar;
    }
}
