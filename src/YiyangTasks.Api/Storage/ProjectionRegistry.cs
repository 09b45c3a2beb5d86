using Marten;

namespace YiyangTasks.Api.Storage;

/// <summary>Every projection and document the event store keeps, in one place.</summary>
public static class ProjectionRegistry
{
    public static void Register(StoreOptions options)
    {
        // Filled in by the task lifecycle: the SupervisedTask snapshot, plans, units, reports.
        _ = options;
    }
}
