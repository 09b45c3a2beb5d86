using Microsoft.Extensions.Diagnostics.HealthChecks;
using YiyangTasks.Api.Reports.Projections;

namespace YiyangTasks.Api.Health;

/// <summary>
/// The projection daemon's progress: each projection's sequence against the store's high-water mark and its latest event.
/// Degraded when the reports' summaries lag far behind (the daemon stopped, or cannot keep up).
/// </summary>
public sealed class ProjectionsHealthCheck(ReportProjections projections) : IHealthCheck
{
    /// <summary>Events the summaries may lag behind before the service reports itself degraded.</summary>
    public const long DegradedLag = 10_000;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var progress = await projections.ProgressAsync(cancellationToken);
            var latest = await projections.LatestEventAsync(cancellationToken);
            var summaries = await projections.SequenceAsync(cancellationToken);
            var data = new Dictionary<string, object> { ["latestEvent"] = latest };
            foreach (var (shard, sequence) in progress) data[shard] = sequence;
            data["lag"] = latest - summaries;
            return latest - summaries > DegradedLag
                ? HealthCheckResult.Degraded($"报表投影落后{latest - summaries}个事件。", data: data)
                : HealthCheckResult.Healthy($"报表投影已读至第{summaries}个事件（最新第{latest}个）。", data);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The projections' progress cannot be read.");
        }
    }
}
