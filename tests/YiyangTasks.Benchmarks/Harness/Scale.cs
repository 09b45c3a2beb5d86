namespace YiyangTasks.Benchmarks.Harness;

/// <summary>
/// How big a run is: the data set (plans × tasks, over a directory of units) and how long each load lasts.
/// Small runs every scenario in a few minutes on 2 cores; full is the 100,000 tasks / ~2,000,000 events.
/// </summary>
public sealed record Scale(
    string Name,
    int Plans,
    int TasksPerPlan,
    int Units,
    int AcknowledgementPool,
    TimeSpan CommandLoad,
    TimeSpan ReadLoad,
    int BurstRequests,
    int ReadConcurrency)
{
    public int Tasks => Plans * TasksPerPlan;

    public static Scale Named(string name) => name switch
    {
        "tiny" => new("tiny", 2, 50, 20, 1_000, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3), 200, 4),
        "small" => new("small", 4, 250, 40, 6_000, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(8), 1_500, 8),
        "medium" => new("medium", 10, 1_000, 60, 10_000, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), 4_000, 8),
        "full" => new("full", 40, 2_500, 120, 20_000, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20), 10_000, 8),
        _ => throw new ArgumentException($"Unknown scale '{name}': tiny, small, medium or full."),
    };
}
