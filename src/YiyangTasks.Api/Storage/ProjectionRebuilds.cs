using JasperFx.Events.Projections;
using Marten;

namespace YiyangTasks.Api.Storage;

/// <summary>
/// How the projection daemon reads and writes when it rebuilds a projection (`projections rebuild`) or catches one up
/// after a start, and how often it looks for new events (<see cref="Polling"/>); measured in README, "Projections, lag and
/// rebuild" and "Projection lag". Applies to every projection registered.
/// </summary>
public static class ProjectionRebuilds
{
    /// <summary>Events read per page (Marten's default is 500): a rebuild costs a few round trips per page, so fewer pages.</summary>
    /// <remarks>
    /// 1,000, not 5,000: with no page loaded ahead (<see cref="HopperSize"/>), a projection behind the writers applies a full
    /// page, and at 5,000 events its documents took the API's working set to 813 MB at full scale (397 MB at 1,000, commands
    /// no slower; the daemon's catch-up 15,821 events/s instead of 18,525).
    /// </remarks>
    public const int BatchSize = 1_000;

    /// <summary>
    /// Events per page when the host is built for a command (`projections rebuild`): no API works beside it and its memory is
    /// its own, so larger pages; each page writes a task touched several times in it once. Full scale, `-p ReportFigures`
    /// (2.4 million events, the machine shared): 1,000 events a page 196 s, 5,000 144 s, 10,000 117 s (497 MB resident).
    /// </summary>
    public const int CommandBatchSize = 10_000;

    /// <summary>
    /// During a rebuild, keep up to this many changed documents in memory and write each once (Marten's default writes
    /// every page). A task's events are spread over years in a real store, so each page touches thousands of tasks;
    /// this bounds the rebuild's memory to about this many documents.
    /// </summary>
    public const int RebuildFlushThreshold = 20_000;

    /// <summary>
    /// Events loaded ahead of the one page being applied: none. The daemon loads a page each time the high-water mark
    /// moves (several times a second under steady writes) and applies each page as its own batch, so with room to load
    /// ahead a projection that falls behind goes on applying many small pages, each paying the batch's fixed cost, and
    /// never catches up. Loading the next page only when the last is applied makes it hold everything that arrived
    /// meanwhile (up to <see cref="BatchSize"/>): the further behind, the larger the batch.
    /// </summary>
    public const int HopperSize = 1;

    /// <summary>The pages of a command's host (<see cref="CommandBatchSize"/>); the API's processes keep <see cref="BatchSize"/>.</summary>
    public static void TuneForCommand(StoreOptions options)
    {
        foreach (var projection in options.Projections.All.OfType<ProjectionBase>()) projection.Options.BatchSize = CommandBatchSize;
    }

    /// <summary>
    /// How often the daemon looks for new events: Marten's 250 ms after a look that found the store moving, and now after
    /// every look. Marten waits 1 s instead when a look finds the newest event already numbered in order (its "caught up"),
    /// which under steady writes is almost every look: a month-end burst reached the reports a second late, and the
    /// daemon applied a second's events at once. Medium burst: p99 commit to report 1.54 s at 1 s, 0.54 s at 250 ms, 0.31
    /// to 0.41 s at 100 ms, which also cut the reports per second by a fifth (README, "Projection lag"). A look is one read
    /// of the event sequence.
    /// </summary>
    public static readonly TimeSpan Polling = TimeSpan.FromMilliseconds(250);

    public static void Tune(StoreOptions options)
    {
        options.Projections.FastPollingTime = Polling;
        options.Projections.SlowPollingTime = Polling;
        foreach (var projection in options.Projections.All.OfType<ProjectionBase>())
        {
            projection.Options.BatchSize = BatchSize;
            projection.Options.MaximumHopperSize = HopperSize;
            projection.Options.RebuildFlushThreshold = RebuildFlushThreshold;
        }
        // The rebuild's first write of a document is an insert: Marten's binary COPY instead of one upsert each.
        options.Projections.RebuildWithBulkCopy = true;
        // Every projection at once (Marten's default for a pool of 20 is 2 at a time, so the third waited).
        options.Projections.MaxConcurrentRebuildsPerDatabase = 4;
    }
}
