using System.Text.Json;
using Marten;
using Npgsql;
using YiyangTasks.Api.Storage;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.FaultDrill;

/// <summary>One fault's figures: what was sent and acknowledged, what the store holds, what was lost or doubled, how long recovery took.</summary>
public sealed record FaultReport(string Fault, int Sent, int Acknowledged, int Found, int Lost, int Duplicated, double RecoverySeconds,
    bool ProjectionsMatchRebuild, string Notes);

/// <summary>Reads the store after a fault and compares it with the clients' ledger.</summary>
public static class Ledger
{
    public static async Task<FaultReport> CheckAsync(string fault, string connectionString, string planId, int tasks,
        IReadOnlyCollection<CommandOutcome> outcomes, TimeSpan recovery, string notes)
    {
        connectionString = Unpooled(connectionString);
        var stored = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            EventStore.Configure(options);
            options.AutoCreateSchemaObjects = JasperFx.AutoCreate.None;
        });
        await using var session = store.QuerySession();
        var consistent = true;
        for (var number = 1; number <= tasks; number++)
        {
            var key = SupervisedTask.StreamKey(planId, number);
            var events = await session.Events.FetchStreamAsync(key);
            foreach (var report in events.Select(e => e.Data).OfType<ProgressReported>())
                stored[report.Narrative] = stored.GetValueOrDefault(report.Narrative) + 1;
            var rebuilt = events.Aggregate((SupervisedTask?)null, (state, e) => SupervisedTask.Evolve(state, e.Data));
            var projected = await session.LoadAsync<SupervisedTask>(key);
            consistent &= JsonSerializer.Serialize(rebuilt) == JsonSerializer.Serialize(projected);
        }
        var ours = outcomes.Select(o => o.Key).ToHashSet();
        var acknowledged = outcomes.Where(o => o.Acknowledged).Select(o => o.Key).ToArray();
        return new FaultReport(fault, outcomes.Count, acknowledged.Length,
            stored.Keys.Count(ours.Contains),
            acknowledged.Count(k => !stored.ContainsKey(k)),
            stored.Where(s => ours.Contains(s.Key)).Sum(s => s.Value - 1),
            Math.Round(recovery.TotalSeconds, 2), consistent, notes);
    }

    /// <summary>The drill's own reads open fresh connections: a pooled one may have died with the database restart.</summary>
    private static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(Unpooled(connectionString));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
