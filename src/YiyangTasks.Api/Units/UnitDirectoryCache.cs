using Marten;

namespace YiyangTasks.Api.Units;

/// <summary>
/// Resolves the unit a token or a request names to its canonical unit, from the unit directory kept in
/// the database. Cached briefly: the directory changes rarely (imports, admin edits), and every liaison
/// request asks.
/// </summary>
public sealed class UnitDirectoryCache(IDocumentStore store, TimeProvider clock)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _snapshot;

    public async Task<string?> ResolveAsync(string name, CancellationToken cancellationToken = default)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        return snapshot.ByName.GetValueOrDefault(name.Trim());
    }

    /// <summary>Forget what was cached; the next resolution reads the directory again.</summary>
    public void Invalidate() => _snapshot = null;

    private async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_snapshot is { } fresh && now - fresh.LoadedAt < Freshness) return fresh;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } loaded && now - loaded.LoadedAt < Freshness) return loaded;
            await using var session = store.QuerySession();
            var units = await session.Query<UnitRecord>().ToListAsync(cancellationToken);
            var byName = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var unit in units)
            {
                byName[unit.Id] = unit.Id;
                foreach (var alias in unit.Aliases) byName.TryAdd(alias, unit.Id);
            }
            return _snapshot = new Snapshot(byName, now);
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, string> ByName, DateTimeOffset LoadedAt);
}
