using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Domain.Tests.Tasks;

/// <summary>Given these events, when this command, then these events or this refusal.</summary>
internal sealed class TaskSpec
{
    public const string Health = "县卫健委";
    public const string CivilAffairs = "县民政局";
    public const string Insurance = "县医保局";
    public const string Finance = "县财政局";

    public static readonly DateTimeOffset Assigned = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    public static readonly Actor Office = new("office-1", "王主任", "office", null);
    public static readonly Actor Supervision = new("sup-1", "陈组长", "supervision", null);
    public static Actor Liaison(string unit) => new($"liaison-{unit}", $"{unit}联络员", "liaison", unit);

    private readonly List<object> _history = [];
    private DateTimeOffset _now = Assigned.AddHours(1);

    /// <summary>Task 7 of plan "yanling": led by 县卫健委 and 县民政局, 县医保局 cooperating, due 2026-06-30.</summary>
    public static TaskSpec GivenAssigned(DateOnly? deadline = null, bool noDeadline = false) =>
        new TaskSpec().Given(new TaskAssigned("yanling", 7, "推进医养结合机构建设。", [Health, CivilAffairs], [Insurance],
            ResponsibilityMode.LeadAndCooperate, noDeadline ? null : deadline ?? new DateOnly(2026, 6, 30), "2026年6月底前",
            ReportingCycle.Monthly, Office, Assigned));

    public TaskSpec Given(params object[] events)
    {
        _history.AddRange(events);
        return this;
    }

    public SupervisedTask State => _history.Aggregate((SupervisedTask?)null, (s, e) => SupervisedTask.Evolve(s, e))!;

    public Decision When(Func<SupervisedTask, Actor, DateTimeOffset, Decision> decide, Actor actor)
    {
        var decision = decide(State, actor, _now);
        _history.AddRange(decision.Events);
        _now = _now.AddMinutes(1);
        return decision;
    }

    public DateTimeOffset Now => _now;
}

internal static class DecisionAssertions
{
    public static T Single<T>(this Decision decision)
    {
        Assert.True(decision.IsAccepted, decision.Refusal?.ToString());
        return Assert.IsType<T>(Assert.Single(decision.Events));
    }

    public static void RefusedBy(this Decision decision, string rule)
    {
        Assert.False(decision.IsAccepted, "expected a refusal");
        Assert.Empty(decision.Events);
        Assert.Equal(rule, decision.Refusal!.Rule);
        Assert.Contains(decision.Refusal.Code, RuleCode.All);
    }
}
