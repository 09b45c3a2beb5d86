using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using YiyangTasks.Api.Storage;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Api.Units;

namespace YiyangTasks.Api.Tests.Storage;

/// <summary>Documents over PostgreSQL's 2 KB are compressed with lz4 once the host has started (DocumentCompression).</summary>
public class DocumentCompressionTests(ApiFactory api) : IClassFixture<ApiFactory>
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
        Assert.Equal(DocumentCompression.Method, row.GetString(0));
    }
}
