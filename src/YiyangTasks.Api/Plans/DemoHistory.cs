using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Plans;

/// <summary>
/// A quarter lived by a demo task: from its assignment to now, its liaisons acknowledge (mostly on time, some late, a few
/// never), report monthly (some late, some missed), report completion (the office accepts most, rejects some), and the
/// supervision group records findings and admonishes the worst. Every step is the domain's own command decided by the
/// clock of its day, and the lapses are recorded by <see cref="LapseCheck"/> at the instant the scheduler would have.
/// Deterministic: the same task, start and now always live the same history.
/// </summary>
public static class DemoHistory
{
    /// <summary>Who does what in the demo: the unit's liaison, the office, the supervision group (names as the board's demo sign-in mints them).</summary>
    public static Actor Liaison(string unit) => new($"liaison:{unit}联络员", $"{unit}联络员", Identity.Roles.Liaison, unit);
    public static readonly Actor Office = new("office:联席办", "联席办", Identity.Roles.Office, null);
    public static readonly Actor Supervision = new("supervision:督查组", "督查组", Identity.Roles.Supervision, null);

    /// <summary>One recorded step: the event and who recorded it.</summary>
    public sealed record Step(object Event, Actor Actor);

    private sealed record Planned(DateTimeOffset At, int Order, Actor Actor, Func<SupervisedTask, DateTimeOffset, Decision> Decide);

    /// <summary>The events after <paramref name="assigned"/> that the task lived up to <paramref name="now"/>.</summary>
    public static IReadOnlyList<Step> Live(TaskAssigned assigned, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        var random = new Random(StableSeed(SupervisedTask.StreamKey(assigned.PlanId, assigned.Number)));
        var fresh = SupervisedTask.FromAssignment(assigned);
        var owed = Obligations.Of(fresh, rules, calendar, now);
        var plan = new List<Planned>();
        var late = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var o in owed.Where(o => o.Kind == ObligationKind.Acknowledgement))
        {
            var unit = o.Unit!;
            var diligence = Diligence(unit);
            var roll = random.NextDouble();
            if (roll > diligence + 0.2) { late[unit] = 99; continue; }  // never acknowledged: the to-do's first line
            var days = roll < diligence ? random.Next(0, 3) : 3 + random.Next(2, 9);
            if (days > 3) late[unit] = days - 3;
            var on = calendar.AddWorkingDays(ChinaTime.DateOf(assigned.AssignedAt), Math.Max(days, 0));
            plan.Add(new(At(on, days == 0 ? 14 : 9, random), 0, Liaison(unit), (t, at) => new AcknowledgeTask(unit).Decide(t, Liaison(unit), at)));
        }

        var missed = new Dictionary<string, int>(StringComparer.Ordinal);
        var periods = owed.Where(o => o.Kind == ObligationKind.Report).ToArray();
        foreach (var o in periods)
        {
            var unit = o.Unit!;
            var diligence = Diligence(unit);
            var roll = random.NextDouble();
            if (late.GetValueOrDefault(unit) == 99 || roll > diligence + 0.12)
            {
                missed[unit] = missed.GetValueOrDefault(unit) + 1;
                continue;
            }
            var on = roll < diligence
                ? calendar.AddWorkingDays(o.DueOn, -random.Next(0, 4))
                : calendar.AddWorkingDays(o.DueOn, random.Next(1, 6));
            if (on < o.PeriodEnd!.Value) on = o.PeriodEnd.Value;
            var reportedOn = on;
            var share = (o.PeriodEnd.Value.DayNumber - ChinaTime.DateOf(assigned.AssignedAt).DayNumber) / 120.0;
            var percent = Math.Clamp((int)(share * 100) + random.Next(-10, 15), 5, 95);
            var status = random.NextDouble() switch { < 0.08 => ProgressStatus.Blocked, < 0.22 => ProgressStatus.AtRisk, _ => ProgressStatus.OnTrack };
            var narrative = Narrative(status, percent, random);
            var (start, end) = (o.PeriodStart!.Value, o.PeriodEnd.Value);
            plan.Add(new(At(reportedOn, 15, random), 1, Liaison(unit), (t, at) =>
                new ReportProgress(DeterministicId(t.Id, unit, start), unit, start, end, status, percent, narrative, [], null).Decide(t, Liaison(unit), at)));
        }

        PlanCompletion(assigned, calendar, now, random, plan, late);
        PlanSupervision(assigned, owed, calendar, now, random, plan, late, missed);
        return Apply(fresh, plan.Where(p => p.At < now).OrderBy(p => p.At).ThenBy(p => p.Order).ToArray(), rules, calendar, now);
    }

    // About a third of the tasks are reported done; the office accepts most at the first try and sends some back.
    private static void PlanCompletion(TaskAssigned assigned, WorkingDayCalendar calendar, DateTimeOffset now, Random random,
        List<Planned> plan, Dictionary<string, int> late)
    {
        var lead = assigned.LeadUnits.FirstOrDefault(u => late.GetValueOrDefault(u) != 99);
        if (lead is null || random.NextDouble() > 0.35) return;
        var first = ChinaTime.DateOf(assigned.AssignedAt);
        var today = ChinaTime.DateOf(now);
        var reportOn = calendar.AddWorkingDays(first, random.Next(25, 60));
        if (reportOn >= today) return;
        var summary = "已按方案要求完成全部工作，相关制度文件、台账资料已归档，请联席办审核。";
        plan.Add(new(At(reportOn, 16, random), 2, Liaison(lead), (t, at) => new ReportCompletion(lead, summary).Decide(t, Liaison(lead), at)));
        var decideOn = calendar.AddWorkingDays(reportOn, random.Next(1, 4));
        if (random.NextDouble() < 0.3)
        {
            plan.Add(new(At(decideOn, 10, random), 3, Office, (t, at) =>
                new RejectCompletion("佐证材料不全，请补充工作成效的数据和正式文件后重新申请办结。").Decide(t, Office, at)));
            var again = calendar.AddWorkingDays(decideOn, random.Next(5, 12));
            plan.Add(new(At(again, 16, random), 2, Liaison(lead), (t, at) =>
                new ReportCompletion(lead, "已补充佐证材料（正式文件及数据台账），再次申请办结。").Decide(t, Liaison(lead), at)));
            decideOn = calendar.AddWorkingDays(again, random.Next(1, 4));
        }
        plan.Add(new(At(decideOn, 10, random), 3, Office, (t, at) => new AcceptCompletion("材料齐全，同意办结。").Decide(t, Office, at)));
    }

    // 鄢陵 item 13: 不作为的由专项督查组效能告诫 — a unit that never acknowledged, or missed two reports, is admonished.
    private static void PlanSupervision(TaskAssigned assigned, IReadOnlyList<Obligation> owed, WorkingDayCalendar calendar, DateTimeOffset now,
        Random random, List<Planned> plan, Dictionary<string, int> late, Dictionary<string, int> missed)
    {
        var acknowledgementDue = owed.FirstOrDefault(o => o.Kind == ObligationKind.Acknowledgement)?.DueOn;
        foreach (var unit in assigned.LeadUnits)
        {
            string? reason = null;
            DateOnly? on = null;
            if (late.GetValueOrDefault(unit) == 99 && acknowledgementDue is { } due)
                (reason, on) = ("逾期未签收任务，经督促仍未落实，予以效能告诫。", calendar.AddWorkingDays(due, 10));
            else if (missed.GetValueOrDefault(unit) >= 2 &&
                     owed.Where(o => o.Kind == ObligationKind.Report && o.Unit == unit).Skip(1).FirstOrDefault() is { } second)
                (reason, on) = ("连续两期未报送工作进展，予以效能告诫。", calendar.AddWorkingDays(second.DueOn, 3));
            if (reason is null || on is not { } day || random.NextDouble() > 0.7) continue;
            var units = new[] { unit };
            plan.Add(new(At(day, 11, random), 4, Supervision, (t, at) => new IssueAdmonishment(units, reason).Decide(t, Supervision, at)));
        }
        if (random.NextDouble() < 0.2)
        {
            var rating = random.NextDouble() switch { < 0.5 => SupervisionRating.Good, < 0.85 => SupervisionRating.Fair, _ => SupervisionRating.Poor };
            var notes = rating switch
            {
                SupervisionRating.Good => "实地督查：工作推进有力，台账规范。",
                SupervisionRating.Fair => "实地督查：工作有序推进，但进度偏慢，需加快落实。",
                _ => "实地督查：工作推进迟缓，责任未压实，限期整改。",
            };
            var day = calendar.AddWorkingDays(ChinaTime.DateOf(assigned.AssignedAt), random.Next(20, 55));
            plan.Add(new(At(day, 14, random), 4, Supervision, (t, at) => new RecordSupervisionFinding(rating, notes).Decide(t, Supervision, at)));
        }
    }

    private static IReadOnlyList<Step> Apply(SupervisedTask task, IReadOnlyList<Planned> plan, TimelinessRules rules,
        WorkingDayCalendar calendar, DateTimeOffset now)
    {
        var steps = new List<Step>();
        var cursor = task.AssignedAt;
        void Record(object e, Actor actor)
        {
            steps.Add(new Step(e, actor));
            task = SupervisedTask.Evolve(task, e)!;
        }
        // What the scheduled timeliness checks would have recorded, each at the instant it fell due.
        void LapsesUntil(DateTimeOffset until)
        {
            for (var guard = 0; guard < 200 && LapseCheck.NextCheckAt(task, rules, calendar, cursor) is { } check && check <= until; guard++)
            {
                foreach (var lapse in LapseCheck.Due(task, rules, calendar, check)) Record(lapse, Actor.System);
                cursor = check;
            }
        }
        foreach (var step in plan)
        {
            LapsesUntil(step.At);
            cursor = step.At;
            var decision = step.Decide(task, step.At);
            // A step the task's rules refuse by then (a report after the office accepted completion) simply did not happen.
            if (decision.Refusal is null) foreach (var e in decision.Events) Record(e, step.Actor);
        }
        LapsesUntil(now);
        foreach (var lapse in LapseCheck.Due(task, rules, calendar, now)) Record(lapse, Actor.System);
        return steps;
    }

    /// <summary>How reliably a unit does its part, the same for the unit on every task: the ranking has a top and a bottom.</summary>
    private static double Diligence(string unit) => 0.55 + StableSeed(unit) % 43 / 100.0;

    private static DateTimeOffset At(DateOnly day, int hour, Random random) =>
        new(day.ToDateTime(new TimeOnly(hour, random.Next(0, 60))), ChinaTime.Offset);

    private static string Narrative(ProgressStatus status, int percent, Random random) => status switch
    {
        ProgressStatus.Blocked => $"工作推进受阻：涉及跨部门协调的事项尚未落实，已提请联席办协调。完成约{percent}%。",
        ProgressStatus.AtRisk => $"按计划推进，资金（或场地）尚未完全到位，存在延期风险。完成约{percent}%。",
        _ => random.Next(3) switch
        {
            0 => $"已召开专题会议部署，制定工作方案，按时间节点推进。完成约{percent}%。",
            1 => $"已完成摸底调查，正在组织实施，相关台账同步建立。完成约{percent}%。",
            _ => $"本期按计划推进，督促配合单位落实分工，无重大困难。完成约{percent}%。",
        },
    };

    private static Guid DeterministicId(string key, string unit, DateOnly period)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{key}|{unit}|{period:yyyy-MM-dd}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    // string.GetHashCode differs between processes: the demo must not.
    private static int StableSeed(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return (int)(hash & 0x7fffffff);
    }
}
