using Npgsql;

namespace YiyangTasks.Api.Storage;

/// <summary>
/// The audit's newest-first page of one plan needs an index Marten does not make: the plan id (the stream key
/// before its '/') with the sequence. Created once at start-up, after Marten has applied its own schema.
/// </summary>
public sealed class AuditIndexes(NpgsqlDataSource dataSource, ILogger<AuditIndexes> logger) : IHostedService
{
    public const string PlanOf = "split_part(stream_id, '/', 1)";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"create index if not exists yiyang_events_plan_sequence on {EventStore.Schema}.mt_events ({PlanOf}, seq_id desc)");
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancellationToken);
        logger.LogDebug("Audit index on the events' plan is in place");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
