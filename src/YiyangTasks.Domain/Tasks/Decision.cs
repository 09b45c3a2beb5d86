namespace YiyangTasks.Domain.Tasks;

/// <summary>
/// A rule of the task that forbids a command now: its code and the facts a sentence needs (unit, task number, dates),
/// worded by the host in the reader's language.
/// </summary>
public sealed record RuleViolation(RuleCode Code, IReadOnlyDictionary<string, object?> Args)
{
    /// <summary>The rule's stable code, as clients see it in the problem's <c>rule</c>.</summary>
    public string Rule => Code.Rule;

    public override string ToString() =>
        Args.Count == 0 ? Code.Key : $"{Code.Key} ({string.Join(", ", Args.Select(a => $"{a.Key}={a.Value}"))})";
}

/// <summary>What the task's rules decided about a command: the events to record, or the rule that refuses it.</summary>
public sealed record Decision(IReadOnlyList<object> Events, RuleViolation? Refusal)
{
    public bool IsAccepted => Refusal is null;

    public static Decision Accept(params object[] events) => new(events, null);

    public static Decision Refuse(RuleCode code, params (string Name, object? Value)[] args) =>
        new([], new RuleViolation(code, args.ToDictionary(a => a.Name, a => a.Value)));
}
