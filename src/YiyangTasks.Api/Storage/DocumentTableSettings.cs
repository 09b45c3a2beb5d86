using Marten;
using Npgsql;
using NpgsqlTypes;
using YiyangTasks.Api.Reports.Projections;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Storage;

/// <summary>
/// Settings of our document tables that Marten has no option for, set once at start-up after Marten has applied its own
/// schema; a table is altered only when it lacks them.
/// <list type="bullet">
/// <item>Every document's JSON is compressed with lz4, not PostgreSQL's default pglz. A task's snapshot and its report
/// figures are a few kilobytes, over the 2 KB at which PostgreSQL compresses a row, and every command and every event the
/// daemon applies rewrites one of them: with pglz, compressing and decompressing them was the largest single cost of
/// PostgreSQL's CPU under commands (README, "Document compression"). A value is recompressed only when it is written again.</item>
/// <item>The documents that every command or projected event rewrites (<see cref="Rewritten"/>) are never truncated by
/// vacuum, nor are their TOAST tables. To give back the empty pages at a table's end, autovacuum takes the table's
/// exclusive lock, which stops every command and every daemon page that writes or reads it until the deadlock check
/// cancels the vacuum (README, "Vacuum without truncation"). These tables keep their size under load, so the pages
/// are soon filled again anyway.</item>
/// </list>
/// </summary>
public sealed class DocumentTableSettings(NpgsqlDataSource dataSource, IDocumentStore store, ILogger<DocumentTableSettings> logger)
    : IHostedService
{
    public const string Method = "lz4";

    /// <summary>The documents rewritten by every command (the task's snapshot) or every event the daemon applies (the figures).</summary>
    public static readonly Type[] Rewritten =
        [typeof(SupervisedTask), typeof(TaskFigures), typeof(WatchedTask), typeof(UnitPlanFigures), typeof(PlanFigures)];

    /// <summary>The tables of <see cref="Rewritten"/>, as Marten names them.</summary>
    public static string[] RewrittenTables(IReadOnlyStoreOptions options) =>
        Rewritten.Select(type => options.FindOrResolveDocumentType(type).TableName.Name).ToArray();

    /// <summary>
    /// What is not set yet, as the statements that set it: document tables whose JSON column is not lz4, then rewritten
    /// documents' tables (<c>@tables</c>) that vacuum may still truncate.
    /// </summary>
    private const string Pending = $"""
        select format('alter table %I.%I alter column data set compression {Method}', n.nspname, c.relname), 1, c.relname
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = '{EventStore.Schema}' and c.relkind = 'r' and c.relname like 'mt\_doc\_%'
          and a.attname = 'data' and a.attcompression is distinct from 'l'
        union all
        select format('alter table %I.%I set (vacuum_truncate = false, toast.vacuum_truncate = false)', n.nspname, c.relname), 2, c.relname
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = '{EventStore.Schema}' and c.relkind = 'r' and c.relname = any(@tables)
          and not coalesce(c.reloptions, array[]::text[]) @> array['vacuum_truncate=false']
        order by 2, 3
        """;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var statements = new List<string>();
        await using (var pending = new NpgsqlCommand(Pending, connection))
        {
            pending.Parameters.Add(new NpgsqlParameter("tables", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = RewrittenTables(store.Options) });
            await using var reader = await pending.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) statements.Add(reader.GetString(0));
        }
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
            logger.LogInformation("Document tables altered at start-up: {Statements}", string.Join("; ", statements));
        }
        // A server built without lz4 (0A000), a role that does not own the tables (42501) or a table in use (55P03): the
        // tables stay as they are (pglz, truncated by vacuum), which is correct, only slower; the next start tries again.
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.FeatureNotSupported or PostgresErrorCodes.InsufficientPrivilege
                                              or PostgresErrorCodes.LockNotAvailable)
        {
            logger.LogWarning("Document tables keep their settings (pglz, truncated by vacuum): {Reason}", e.MessageText);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
