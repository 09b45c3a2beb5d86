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
        if (CooperationRules.RefuseIfNotCooperating(task, Unit, "only-cooperating-unit-acknowledges-its-part") is { } notCooperating)
            return notCooperating;
        var part = task.Cooperation.PartOf(Unit, task.AssignedAt);
        if (part.IsAcknowledged)
            return Decision.Refuse("cooperation-already-acknowledged", $"{Unit}已于{part.Acknowledgement!.At.ToOffset(Timeliness.ChinaTime.Offset):yyyy年M月d日}签收任务{task.Number}的配合事项。");
        var duty = string.IsNullOrWhiteSpace(Duty) ? part.PlannedDuty : Duty.Trim();
        if (duty.Length == 0)
            return Decision.Refuse("cooperation-duty-required", $"方案未列明{Unit}在任务{task.Number}中的配合事项：签收时请写明本单位承担的配合事项。");
        return Decision.Accept(new CooperationAcknowledged(Unit, duty, actor, now));
    }
}

/// <summary>Refusals the cooperating units' commands share.</summary>
internal static class CooperationRules
{
    public static Decision? RefuseIfNotCooperating(SupervisedTask task, string unit, string rule) =>
        task.CooperatingUnits.Contains(unit)
            ? null
            : Decision.Refuse(rule, task.IsLeadUnit(unit)
                ? $"{unit}是任务{task.Number}的牵头单位：牵头单位签收任务、报送进展，配合事项由配合单位签收和报送。"
                : $"{unit}不是任务{task.Number}的配合单位。");
}
