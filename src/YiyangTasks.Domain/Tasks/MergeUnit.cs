namespace YiyangTasks.Domain.Tasks;

/// <summary>
/// The unit directory learned that a name a plan wrote (市人力资源社会保障部门) is a unit it already knows (市人社局):
/// the task names that unit instead, wherever it named the other, recorded as a revision of its units.
/// </summary>
public sealed record MergeUnit(string Unit, string IntoUnit)
{
    public Decision Decide(SupervisedTask task, Actor actor, DateTimeOffset now)
    {
        if (Unit == IntoUnit)
            return Decision.Refuse(RuleCode.SameUnit, ("unit", Unit));
        // A withdrawn task keeps the names it was withdrawn with; a task without the name has nothing to follow.
        if (task.IsWithdrawn || !task.IsOnTask(Unit)) return Decision.Accept();
        var leads = task.LeadUnits.Select(Renamed).Distinct().ToArray();
        var cooperating = task.CooperatingUnits.Select(Renamed).Distinct().Where(u => !leads.Contains(u)).ToArray();
        var changes = new List<string>();
        if (!task.LeadUnits.SequenceEqual(leads)) changes.Add("leadUnits");
        if (!task.CooperatingUnits.SequenceEqual(cooperating)) changes.Add("cooperatingUnits");
        var planned = task.Planned;
        return Decision.Accept(new TaskRevised(task.Text, leads, cooperating, task.Mode, planned.Deadline, planned.Words, changes, actor, now,
            DeadlineTerms: planned.Terms));
    }

    private string Renamed(string unit) => unit == Unit ? IntoUnit : unit;
}
