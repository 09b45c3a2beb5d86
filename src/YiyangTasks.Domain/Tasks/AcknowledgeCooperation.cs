namespace YiyangTasks.Domain.Tasks;

/// <summary>
/// A cooperating unit (配合单位) acknowledges (签收) its part of the task, saying what it owes (配合事项): as the plan
/// names it when <paramref name="Duty"/> is empty, or in its own words (required when the plan names none).
/// </summary>
public sealed record AcknowledgeCooperation(string Unit, string? Duty)
{
    public const int MaxDutyLength = 200;

    public Decision Decide(SupervisedTask task, Actor actor, DateTimeOffset now)
    {
        if (TaskRules.RefuseIfCompleted(task) is { } completed) return completed;
        if (CooperationRules.RefuseIfNotCooperating(task, Unit, RuleCode.OnlyCooperatingUnitAcknowledgesItsPart, RuleCode.LeadUnitAcknowledgesNoPart) is { } notCooperating)
            return notCooperating;
        var part = task.Cooperation.PartOf(Unit, task.AssignedAt);
        if (part.IsAcknowledged)
            return Decision.Refuse(RuleCode.CooperationAlreadyAcknowledged, ("unit", Unit), ("number", task.Number),
                ("date", Timeliness.ChinaTime.DateOf(part.Acknowledgement!.At)));
        var duty = string.IsNullOrWhiteSpace(Duty) ? part.PlannedDuty : Duty.Trim();
        if (duty.Length == 0)
            return Decision.Refuse(RuleCode.CooperationDutyRequired, ("unit", Unit), ("number", task.Number));
        return Decision.Accept(new CooperationAcknowledged(Unit, duty, actor, now));
    }
}

/// <summary>Refusals the cooperating units' commands share.</summary>
internal static class CooperationRules
{
    public static Decision? RefuseIfNotCooperating(SupervisedTask task, string unit, RuleCode notCooperating, RuleCode leads) =>
        task.CooperatingUnits.Contains(unit)
            ? null
            : Decision.Refuse(task.IsLeadUnit(unit) ? leads : notCooperating, ("unit", unit), ("number", task.Number));
}
