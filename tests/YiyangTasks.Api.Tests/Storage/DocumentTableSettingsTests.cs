using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using YiyangTasks.Api.Storage;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Api.Units;

namespace YiyangTasks.Api.Tests.Storage;

/// <summary>The document tables' settings once the host has started (DocumentTableSettings).</summary>
public class DocumentTableSettingsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_document_table_compresses_its_JSON_with_lz4_and_a_large_document_is_stored_so()
    {
        using var _ = api.CreateClient();
        var store = api.Services.GetRequiredService<IDocumentStore>();
        var unit = new UnitRecord
        {
            Id = $"压缩检查单位{Guid.NewGuid():N}",
            // About 6 KB of JSON: over the size at which PostgreSQL compresses a row.
            Aliases = Enumerable.Range(1, 200).Select(i => $"信阳市卫生健康委员会第{i}科").ToArray(),
        };
        await using (var session = store.LightweightSession())
        {
            session.Store(unit);
            await session.SaveChangesAsync();
        }

        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        var methods = new Dictionary<string, string>();
        await using (var tables = new NpgsqlCommand($"""
            select c.relname, a.attcompression::text from pg_attribute a join pg_class c on c.oid = a.attrelid
            join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = '{EventStore.Schema}' and c.relkind = 'r' and c.relname like 'mt\_doc\_%' and a.attname = 'data'
            """, connection))
        await using (var reader = await tables.ExecuteReaderAsync())
            while (await reader.ReadAsync()) methods[reader.GetString(0)] = reader.GetString(1);
        Assert.Contains("mt_doc_supervisedtask", methods.Keys);
        Assert.Contains("mt_doc_taskfigures", methods.Keys);
        Assert.All(methods, table => Assert.Equal("l", table.Value));

        await using var stored = new NpgsqlCommand(
            $"select pg_column_compression(data), octet_length(data::text) from {EventStore.Schema}.mt_doc_unitrecord where id = @id", connection);
        stored.Parameters.AddWithValue("id", unit.Id);
        await using var row = await stored.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.True(row.GetInt32(1) > 4_000, $"the document is {row.GetInt32(1)} bytes of JSON");
        Assert.Equal(DocumentTableSettings.Method, row.GetString(0));
    }

    [Fact]
    public async Task The_documents_every_command_or_projected_event_rewrites_are_never_truncated_by_vacuum_nor_their_TOAST()
    {
        using var _ = api.CreateClient();
        var store = api.Services.GetRequiredService<IDocumentStore>();
        var tables = DocumentTableSettings.RewrittenTables(store.Options);
        Assert.Contains("mt_doc_supervisedtask", tables);
        Assert.Contains("mt_doc_taskfigures", tables);

        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        var options = new Dictionary<string, (string[] Table, string[] Toast)>();
        await using (var query = new NpgsqlCommand($"""
            select c.relname, coalesce(c.reloptions, array[]::text[]), coalesce(t.reloptions, array[]::text[])
            from pg_class c join pg_namespace n on n.oid = c.relnamespace left join pg_class t on t.oid = c.reltoastrelid
            where n.nspname = '{EventStore.Schema}' and c.relkind = 'r' and c.relname like 'mt\_doc\_%'
            """, connection))
        await using (var reader = await query.ExecuteReaderAsync())
            while (await reader.ReadAsync()) options[reader.GetString(0)] = (reader.GetFieldValue<string[]>(1), reader.GetFieldValue<string[]>(2));

        foreach (var table in tables)
        {
            Assert.Contains("vacuum_truncate=false", options[table].Table);
            Assert.Contains("vacuum_truncate=false", options[table].Toast);
        }
        // Documents written now and then (a unit's record) are left as PostgreSQL has them.
        Assert.DoesNotContain("vacuum_truncate=false", options["mt_doc_unitrecord"].Table);

        // A vacuum of a rewritten table runs with the setting in place.
        await using var vacuum = new NpgsqlCommand($"vacuum {EventStore.Schema}.mt_doc_taskfigures", connection);
        await vacuum.ExecuteNonQueryAsync();
    }
}
