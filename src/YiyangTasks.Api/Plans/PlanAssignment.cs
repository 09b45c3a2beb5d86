using Marten;
using Wolverine;
using YiyangTasks.Api.Timeliness;
using YiyangTasks.Api.Units;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Plans;

/// <summary>A plan as the office registers or imports it: what it is, and its tasks as written.</summary>
public sealed record PlanDraft(string PlanId, string Title, string Jurisdiction, string? DocumentNumber, string? IssuingBody,
    DateOnly? IssuedOn, TimelinessRules? Rules, string? ContentHash, IReadOnlyList<AssignTask> Tasks)
{
    /// <summary>The source states each task's reporting cycle (the 分工表's 报送周期), so a revision may change it.</summary>
    public bool StatesReportingCycles { get; init; }

    /// <summary>A table's 牵头单位 and 配合单位 columns say who leads, not how the units share the work: only a cell's own words
    /// (…分别负责, …按职责分工负责) state a mode, so a revision from a table keeps the mode the plan's text gave otherwise.</summary>
    public bool StatesModesOnlyInWords { get; init; }
}

/// <summary>What a revised version of a plan changed.</summary>
public sealed record PlanDifferences(IReadOnlyList<TaskDifference> Revised, IReadOnlyList<int> Added, IReadOnlyList<int> Withdrawn);

/// <summary>One task a revision changed, and which of its fields.</summary>
public sealed record TaskDifference(int Number, IReadOnlyList<string> Changes);

/// <summary>
/// Stages a new plan (its registration and every task's assignment) or a revision of one (tasks revised,
/// added, withdrawn: never a deleted stream) in the caller's session, so it all commits in one transaction,
/// with each task's first timeliness check scheduled in the same transaction.
/// </summary>
public sealed class PlanAssignment(UnitRegistration units, TimelinessPolicy timeliness)
{
    public async Task<(PlanRegistered? Registered, RuleViolation? Refusal)> StageNewAsync(IDocumentSession session, IMessageBus outbox,
        PlanDraft draft, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var assignments = await DecideAssignmentsAsync(session, draft, actor, now, cancellationToken);
        if (assignments.Refusal is not null) return (null, assignments.Refusal);

        var registered = new PlanRegistered(draft.PlanId, draft.Title, draft.Jurisdiction, draft.DocumentNumber, draft.IssuingBody,
            draft.IssuedOn, assignments.Events.Select(a => a.Number).Order().ToArray(), actor, now, draft.Rules, draft.ContentHash);
        session.Events.StartStream<Plan>(draft.PlanId, registered);
        var rules = draft.Rules ?? TimelinessRules.Default;
        foreach (var assigned in assignments.Events)
        {
            session.Events.StartStream<SupervisedTask>(SupervisedTask.StreamKey(assigned.PlanId, assigned.Number), assigned);
            await TimelinessScheduler.ScheduleNextAsync(session, outbox, SupervisedTask.FromAssignment(assigned), rules, timeliness, now);
        }
        return (registered, null);
    }

    public async Task<(PlanDifferences? Differences, RuleViolation? Refusal)> StageRevisionAsync(IDocumentSession session,
        IMessageBus outbox, Plan existing, PlanDraft draft, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var assignments = await DecideAssignmentsAsync(session, draft, actor, now, cancellationToken);
        if (assignments.Refusal is not null) return (null, assignments.Refusal);
        var rules = await timeliness.RulesForAsync(existing.Id, cancellationToken);
        var revised = new List<TaskDifference>();
        var added = new List<int>();
        foreach (var assigned in assignments.Events)
        {
            var key = SupervisedTask.StreamKey(existing.Id, assigned.Number);
            var stream = await session.Events.FetchForWriting<SupervisedTask>(key, cancellationToken);
            if (stream.Aggregate is not { } task)
            {
                session.Events.StartStream<SupervisedTask>(key, assigned);
                await TimelinessScheduler.ScheduleNextAsync(session, outbox, SupervisedTask.FromAssignment(assigned), rules, timeliness, now);
                added.Add(assigned.Number);
                continue;
            }
            var mode = draft.StatesModesOnlyInWords && assigned.Mode == ResponsibilityMode.LeadAndCooperate ? task.Mode : assigned.Mode;
            var decision = new ReviseTask(assigned.Text, assigned.LeadUnits, assigned.CooperatingUnits, mode,
                assigned.Deadline, assigned.DeadlineWords, draft.StatesReportingCycles ? assigned.ReportingCycle : null, assigned.DeadlineTerms)
                .Decide(task, actor, now);
            if (decision.Refusal is { } refusal) return (null, refusal);
            if (decision.Events.Count == 0) continue;
            stream.AppendMany(decision.Events);
            revised.Add(new TaskDifference(assigned.Number, ((TaskRevised)decision.Events[0]).Changes));
            var after = SupervisedTask.Evolve(task, decision.Events[0])!;
            await TimelinessScheduler.AfterChangeAsync(session, outbox, task, after, rules, timeliness, now);
        }
        var numbers = assignments.Events.Select(a => a.Number).ToHashSet();
        var withdrawn = existing.TaskNumbers.Where(n => !numbers.Contains(n)).Order().ToArray();
        foreach (var number in withdrawn)
        {
            var stream = await session.Events.FetchForWriting<SupervisedTask>(SupervisedTask.StreamKey(existing.Id, number), cancellationToken);
            if (stream.Aggregate is not { } task) continue;
            var decision = new WithdrawTask($"The revised plan (content {draft.ContentHash?[..12]}) no longer lists task {number}.").Decide(task, actor, now);
            stream.AppendMany(decision.Events);
            await TimelinessScheduler.ScheduleNextAsync(session, outbox, decision.Events.Aggregate(task, (s, e) => SupervisedTask.Evolve(s, e)!), rules, timeliness, now);
        }
        var differences = new PlanDifferences(revised, added, withdrawn);
        var allNumbers = existing.TaskNumbers.Union(numbers).Except(withdrawn).Order().ToArray();
        session.Events.Append(existing.Id, new PlanRevised(draft.ContentHash ?? "", draft.Title, allNumbers,
            revised.Select(r => r.Number).ToArray(), added, withdrawn, actor, now));
        return (differences, null);
    }

    private async Task<(IReadOnlyList<TaskAssigned> Events, RuleViolation? Refusal)> DecideAssignmentsAsync(IDocumentSession session,
        PlanDraft draft, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var named = draft.Tasks.SelectMany(t => t.LeadUnits.Concat(t.CooperatingUnits));
        var canonical = await units.EnsureAsync(session, named, draft.Jurisdiction, cancellationToken);
        IReadOnlyList<string> Canonical(IReadOnlyList<string> written) => written.Select(u => canonical[u.Trim()]).Distinct().ToArray();

        var assignments = new List<TaskAssigned>();
        foreach (var task in draft.Tasks)
        {
            var decision = (task with
                {
                    LeadUnits = Canonical(task.LeadUnits), CooperatingUnits = Canonical(task.CooperatingUnits),
                    CooperationDuties = task.CooperationDuties?.Select(d => d with { Unit = canonical.GetValueOrDefault(d.Unit.Trim(), d.Unit) }).ToArray(),
                })
                .Decide(actor, now);
            if (decision.Refusal is { } refusal) return ([], refusal);
            assignments.Add((TaskAssigned)decision.Events.Single());
        }
        return (assignments, null);
    }
}
