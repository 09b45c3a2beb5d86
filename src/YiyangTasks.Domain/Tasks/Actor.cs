namespace YiyangTasks.Domain.Tasks;

/// <summary>The person who did something to a task: who they are, in which role, for which unit (if any).</summary>
public sealed record Actor(string UserId, string DisplayName, string Role, string? Unit)
{
    /// <summary>The system itself, for what time brings (lapses) and for imports run from the command line.</summary>
    public static Actor System { get; } = new("system", "YiyangTasks", "system", null);
}
