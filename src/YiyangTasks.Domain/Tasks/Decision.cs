namespace YiyangTasks.Domain.Tasks;

/// <summary>A rule of the task that forbids a command now: a stable code and a sentence a person can act on.</summary>
public sealed record RuleViolation(string Rule, string Message);

/// <summary>What the task's rules decided about a command: the events to record, or the rule that refuses it.</summary>
public sealed record Decision(IReadOnlyList<object> Events, RuleViolation? Refusal)
{
    public bool IsAccepted => Refusal is null;

    public static Decision Accept(params object[] events) => new(events, null);

    public static Decision Refuse(string rule, string message) => new([], new RuleViolation(rule, message));
}
