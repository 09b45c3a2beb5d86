using System.Text.Json;
using JasperFx.Events.Projections;
using Marten;
using YiyangTasks.Api.Reports.Projections;
using YiyangTasks.Api.Storage;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Api.Tests.Reports;
using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Tests.Storage;

/// <summary>
/// A rebuild as `projections rebuild` runs it (ProjectionRebuilds: large pages, changed documents held and written once,
/// first writes by COPY) leaves every task state and summary equal to a fold of its events, also when the tasks' events
/// are interleaved as in a real store and the rebuild crosses many pages and flush windows.
/// </summary>
public class ProjectionRebuildTests
{
    [Fact]
    public void Every_projection_rebuilds_in_large_pages_with_deferred_writes()
    {
        var options = new StoreOptions();
        EventStore.Configure(options);
        var projections = options.Projections.All.OfType<ProjectionBase>().ToArray();
        Assert.Contains(projections, p => p is SupervisedTaskProjection);
        Assert.Contains(projections, p => p.Name == ReportFiguresProjection.Name);
        Assert.All(projections, p =>
        {
            Assert.Equal(ProjectionRebuilds.BatchSize, p.Options.BatchSize);
            Assert.Equal(ProjectionRebuilds.RebuildFlushThreshold, p.Options.RebuildFlushThreshold);
            Assert.Equal(ProjectionRebuilds.HopperSize, p.Options.MaximumHopperSize);
        });
        Assert.True(options.Projections.RebuildWithBulkCopy);
    }

    [Fact]
    public async Task Rebuilt_task_states_and_summaries_equal_a_fold_of_interleaved_events_across_pages_and_flush_windows()
    {
        var connection = await TestPostgres.CreateDatabaseAsync(nameof(ProjectionRebuildTests));
        await using var store = DocumentStore.For(o =>
        {
            o.Connection(connection);
            EventStore.Configure(o);
            // Small pages and windows, so that a few hundred events cross many of each (the same code paths as 5,000 / 20,000).
            foreach (var projection in o.Projections.All.OfType<ProjectionBase>())
            {
                projection.Options.BatchSize = 37;
                projection.Options.MaximumHopperSize = 74;
                projection.Options.RebuildFlushThreshold = 7;
            }
        });
        const string planId = "plan-rebuild";
        var lives = Enumerable.Range(0, 30)
            .Select(seed => TaskLives.Live(new Random(500 + seed), planId, seed + 1, ApiFactory.Start, WorkingDayCalendar.ChinaMainland, TimelinessRules.Default).Events)
            .ToArray();
        // Interleaved: each round appends the next event of every task that has one.
        for (var round = 0; round < lives.Max(l => l.Count); round++)
        {
            await using var session = store.LightweightSession();
            for (var i = 0; i < lives.Length; i++)
                if (round < lives[i].Count) session.Events.Append(SupervisedTask.StreamKey(planId, i + 1), lives[i][round]);
            await session.SaveChangesAsync();
        }

        using (var daemon = await store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync<SupervisedTaskProjection>(TimeSpan.FromMinutes(2), CancellationToken.None);
            await daemon.RebuildProjectionAsync(ReportFiguresProjection.Name, TimeSpan.FromMinutes(2), CancellationToken.None);
        }

        await using var query = store.QuerySession();
        for (var i = 0; i < lives.Length; i++)
        {
            var key = SupervisedTask.StreamKey(planId, i + 1);
            var folded = TaskLives.Fold(lives[i]);
            Assert.Equal(JsonSerializer.Serialize(folded), JsonSerializer.Serialize(await query.LoadAsync<SupervisedTask>(key)));
            var compacted = lives[i].Aggregate((SupervisedTask?)null, (s, e) => SupervisedTask.Evolve(s, e) is { } t ? TaskFigures.Compact(t) : s)!;
            Assert.Equal(JsonSerializer.Serialize(compacted), JsonSerializer.Serialize((await query.LoadAsync<TaskFigures>(key))!.Task));
        }
        Assert.Equal(lives.Length, await query.Query<TaskFigures>().CountAsync());
    }
}
