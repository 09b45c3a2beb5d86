namespace YiyangTasks.Api.Units;

/// <summary>A liaison (联络员) a member unit named, as its plan's annex lists them.</summary>
public sealed record LiaisonContact(string Name, string? Title, string? Phone);

/// <summary>
/// A unit of the directory (成员单位): its canonical name (the id tasks use), the other names it is written
/// as, whether it stands for a group (各镇政府), and its liaisons.
/// </summary>
public sealed record UnitRecord
{
    public string Id { get; init; } = "";
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<string> Jurisdictions { get; init; } = [];
    public bool IsGroup { get; init; }
    public IReadOnlyList<LiaisonContact> Liaisons { get; init; } = [];

    public bool IsNamed(string name) => Id == name || Aliases.Contains(name);
}
