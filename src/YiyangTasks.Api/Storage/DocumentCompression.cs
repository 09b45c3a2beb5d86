using Npgsql;

namespace YiyangTasks.Api.Storage;

/// <summary>
/// Our documents' JSON is compressed with lz4, not PostgreSQL's default pglz. A task's snapshot and its report figures are
/// a few kilobytes, over the 2 KB at which PostgreSQL compresses a row, and every command and every event the daemon
/// applies rewrites one of them: with pglz, compressing and decompressing them was the largest single cost of
/// PostgreSQL's CPU under commands (README, "Document compression"). Set once at start-up, after Marten has applied its
/// own schema (Marten has no setting for it); a value is recompressed only when it is written again.
/// </summary>
public sealed class DocumentCompression(NpgsqlDataSource dataSource, ILogger<DocumentCompression> logger) : IHostedService
{
    public const string Method = "lz4";

    /// <summary>The document tables whose JSON column is not lz4 yet, as the statements that make it so.</summary>
    private const string Pending = $"""
        select format('alter table %I.%I alter column data set compression {Method}', n.nspname, c.relname)
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = '{EventStore.Schema}' and c.relkind = 'r' and c.relname like 'mt\_doc\_%'
          and a.attname = 'data' and a.attcompression is distinct from 'l'
        order by c.relname
        """;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var statements = new List<string>();
        await using (var pending = new NpgsqlCommand(Pending, connection))
        await using (var reader = await pending.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) statements.Add(reader.GetString(0));
        if (statements.Count == 0) return;

        try
        {
            // A catalog change only, but it waits for the table's lock: never behind a long transaction for more than a moment.
            // `set local` ends with the transaction, so the pooled connection (never reset, ConnectionBudget) keeps no timeout.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var statement in statements.Prepend("set local lock_timeout = '5s'"))
            {
                await using var command = new NpgsqlCommand(statement, connection, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Document JSON of {Count} tables is now compressed with {Method}", statements.Count, Method);
        }
        // A server built without lz4 (0A000), a role that does not own the tables (42501) or a table in use (55P03): the
        // documents stay as they are (pglz), which is correct, only slower; the next start tries again.
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.FeatureNotSupported or PostgresErrorCodes.InsufficientPrivilege
                                              or PostgresErrorCodes.LockNotAvailable)
        {
            logger.LogWarning("Document JSON stays compressed with pglz: {Reason}", e.MessageText);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
