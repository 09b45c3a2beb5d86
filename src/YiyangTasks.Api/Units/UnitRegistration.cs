using Marten;

namespace YiyangTasks.Api.Units;

/// <summary>Puts the units a plan names into the directory: known names resolve, new ones become units.</summary>
public sealed class UnitRegistration(UnitDirectoryCache directory)
{
    /// <summary>Answers each name's canonical unit, storing (in the caller's session) a new unit for each unknown name.</summary>
    public async Task<IReadOnlyDictionary<string, string>> EnsureAsync(IDocumentSession session, IEnumerable<string> names,
        string jurisdiction, CancellationToken cancellationToken)
    {
        var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names.Select(n => n.Trim()).Distinct())
        {
            var known = await directory.ResolveAsync(name, cancellationToken);
            if (known is null)
            {
                var existing = await session.LoadAsync<UnitRecord>(name, cancellationToken);
                session.Store(existing is null
                    ? new UnitRecord { Id = name, Jurisdictions = [jurisdiction] }
                    : existing with { Jurisdictions = existing.Jurisdictions.Union([jurisdiction]).ToArray() });
            }
            canonical[name] = known ?? name;
        }
        return canonical;
    }
}
