using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Benchmarks.Data;

/// <summary>An event of a generated stream, with who did it and when (the store's timestamp and actor header).</summary>
public sealed record TimedEvent(object Data, Actor Actor, DateTimeOffset At);

/// <summary>
/// One task's life from its assignment until now, decided by the domain's own commands so every stream is one
/// the API could have written: acknowledgements (most on time, some late, a few never), monthly reports by the
/// lead units (some late, some missed) and now and then by cooperating units, completions reviewed by the office,
/// admonishments after missed reports, and the lapses time brought, recorded when they fell due as the
/// host's timeliness checks record them.
/// </summary>
public sealed class Lifecycle
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.ChinaMainland;
    private static readonly TimelinessRules Rules = TimelinessRules.Default;
    private static readonly Actor Office = new("office:王主任", "王主任", "office", null);
    private static readonly Actor Supervision = new("supervision:陈组长", "陈组长", "supervision", null);

    private readonly Random _random;
    private readonly DateTimeOffset _now;
    private readonly List<TimedEvent> _events = [];
    private readonly PriorityQueue<Func<DateTimeOffset, Decision?>, DateTimeOffset> _plans = new();
    private readonly Dictionary<Func<DateTimeOffset, Decision?>, Actor> _actors = [];
    private SupervisedTask? _task;
    private DateTimeOffset _checkedUpTo;
    private DateTimeOffset _last;

    private Lifecycle(int seed, DateTimeOffset now)
    {
        _random = new Random(seed);
        _now = now;
    }

    public static Actor Liaison(string unit) => new($"liaison:{unit}联络员", $"{unit}联络员", "liaison", unit);

    /// <summary>A task's whole stream and its state now.</summary>
    public static (IReadOnlyList<TimedEvent> Events, SupervisedTask Task) Live(AssignTask assignment, DateTimeOffset assignedAt,
        DateTimeOffset now, int seed)
    {
        var life = new Lifecycle(seed, now);
        life.Record(assignment.Decide(Office, assignedAt), Office, assignedAt);
        life._checkedUpTo = assignedAt;
        life.PlanWork(assignedAt);
        while (life._plans.TryDequeue(out var act, out var planned))
        {
            if (planned > now) continue;
            // Keep each stream's timestamps ascending even when a lapse planned an earlier admonishment.
            var at = planned > life._last ? planned : life._last.AddMinutes(1);
            if (at > now) continue;
            life.CatchUpLapses(at);
            life.Record(act(at), life._actors[act], at);
        }
        life.CatchUpLapses(now);
        return (life._events, life._task!);
    }

    /// <summary>Only the assignment: a task of a plan registered moments ago, waiting for its acknowledgements.</summary>
    public static (IReadOnlyList<TimedEvent> Events, SupervisedTask Task) Assigned(AssignTask assignment, DateTimeOffset assignedAt)
    {
        var life = new Lifecycle(0, assignedAt);
        life.Record(assignment.Decide(Office, assignedAt), Office, assignedAt);
        return (life._events, life._task!);
    }

    private void PlanWork(DateTimeOffset assignedAt)
    {
        var task = _task!;
        foreach (var unit in task.LeadUnits)
        {
            var roll = _random.NextDouble();
            var ackDue = ChinaTime.EndOf(Calendar.AddWorkingDays(ChinaTime.DateOf(assignedAt), Rules.AcknowledgementWorkingDays));
            DateTimeOffset? at = roll switch
            {
                < 0.85 => assignedAt.AddHours(1 + _random.Next(40)),
                < 0.95 => ackDue.AddDays(1 + _random.Next(8)).AddHours(-14),
                _ => null,
            };
            if (at is { } when) Plan(when, Liaison(unit), (t, now) => new AcknowledgeTask(unit).Decide(t, Liaison(unit), now));
        }

        // Monthly periods from the one containing the assignment, each ended before now.
        var month = new DateOnly(ChinaTime.DateOf(assignedAt).Year, ChinaTime.DateOf(assignedAt).Month, 1);
        var percent = 0;
        for (; ChinaTime.EndOf(month.AddMonths(1).AddDays(-1)) <= _now; month = month.AddMonths(1))
        {
            var (start, end) = (month, month.AddMonths(1).AddDays(-1));
            var endsAt = ChinaTime.EndOf(end);
            percent = Math.Min(100, percent + 5 + _random.Next(10));
            var done = percent;
            foreach (var unit in task.LeadUnits)
            {
                var roll = _random.NextDouble();
                DateTimeOffset? at = roll switch
                {
                    < 0.75 => endsAt.AddHours(2 + _random.Next(70)),
                    < 0.90 => endsAt.AddDays(9 + _random.Next(10)),
                    _ => null,
                };
                if (at is { } when) Plan(when, Liaison(unit), Report(unit, start, end, done));
            }
            foreach (var unit in task.CooperatingUnits)
                if (_random.NextDouble() < 0.3) Plan(endsAt.AddHours(10 + _random.Next(60)), Liaison(unit), Report(unit, start, end, done));
        }

        if (task.Deadline is { } deadline && _random.NextDouble() < 0.35)
        {
            var lead = task.LeadUnits[0];
            var reportedAt = ChinaTime.EndOf(deadline).AddDays(_random.NextDouble() < 0.8 ? -1 - _random.Next(20) : 3 + _random.Next(10));
            if (reportedAt < assignedAt.AddDays(20)) reportedAt = assignedAt.AddDays(20 + _random.Next(10));
            Plan(reportedAt, Liaison(lead), (t, now) => new ReportCompletion(lead, "任务已按要求完成，相关制度已印发。").Decide(t, Liaison(lead), now));
            Plan(reportedAt.AddDays(2 + _random.Next(5)), Office, (t, now) => new AcceptCompletion("同意办结。").Decide(t, Office, now));
        }
    }

    private Func<SupervisedTask, DateTimeOffset, Decision> Report(string unit, DateOnly start, DateOnly end, int percent) =>
        (t, now) => new ReportProgress(Guid.NewGuid(), unit, start, end,
                percent > 60 && _random.NextDouble() < 0.1 ? ProgressStatus.AtRisk : ProgressStatus.OnTrack, percent,
                $"{start:yyyy年M月}：已完成摸底调查和工作部署，累计完成{percent}%。", [], null)
            .Decide(t, Liaison(unit), now);

    private void Plan(DateTimeOffset at, Actor actor, Func<SupervisedTask, DateTimeOffset, Decision> decide)
    {
        Func<DateTimeOffset, Decision?> act = now => _task is { } t ? decide(t, now) : null;
        _actors[act] = actor;
        _plans.Enqueue(act, at);
    }

    /// <summary>What the host's timeliness checks would have recorded, each at the instant it fell due.</summary>
    private void CatchUpLapses(DateTimeOffset until)
    {
        while (_task is { } task && LapseCheck.NextCheckAt(task, Rules, Calendar, _checkedUpTo) is { } next && next <= until)
        {
            var lapses = LapseCheck.Due(task, Rules, Calendar, next);
            foreach (var lapse in lapses) Record(Decision.Accept(lapse), Actor.System, next);
            _checkedUpTo = next;
            // 鄢陵 item 13: 不作为的由专项督查组效能告诫 — some missed reports draw an admonishment a few days later.
            var missed = lapses.OfType<ReportMissed>().Select(l => l.Unit).Distinct().ToArray();
            if (missed.Length > 0 && _random.NextDouble() < 0.3)
                Plan(next.AddDays(2 + _random.Next(4)), Supervision,
                    (t, now) => new IssueAdmonishment(missed, "未按期报送工作进展，予以效能告诫。").Decide(t, Supervision, now));
        }
        if (until > _checkedUpTo) _checkedUpTo = until;
    }

    private void Record(Decision? decision, Actor actor, DateTimeOffset at)
    {
        if (decision is null || decision.Refusal is not null) return;
        foreach (var e in decision.Events)
        {
            _task = SupervisedTask.Evolve(_task, e);
            _events.Add(new TimedEvent(e, actor, at));
        }
        if (decision.Events.Count > 0) _last = at;
    }
}
