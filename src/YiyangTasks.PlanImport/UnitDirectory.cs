namespace YiyangTasks.PlanImport;

/// <summary>A unit as the directory knows it: its canonical name, the other names it is written as, whether it is a group (各镇政府).</summary>
public sealed record CanonicalUnit(string Name, IReadOnlyList<string> Aliases, bool IsGroup);

/// <summary>What a written unit name resolved to; Unit is null when the directory does not know it.</summary>
public sealed record UnitResolution(string Written, CanonicalUnit? Unit);

/// <summary>
/// A jurisdiction's unit directory: every way a plan writes a unit resolves to one canonical name. 卫健委 =
/// 县卫健委 = 卫生健康委员会 = 卫生健康局 within 鄢陵县; historic names (卫生计生委) map to their successors;
/// group units (各镇政府) are units of their own.
/// </summary>
public sealed class UnitDirectory
{
    private readonly string _jurisdiction;
    private readonly string _level;
    private readonly Dictionary<string, CanonicalUnit> _byName;

    private UnitDirectory(string jurisdiction, string level, Dictionary<string, CanonicalUnit> byName)
    {
        _jurisdiction = jurisdiction;
        _level = level;
        _byName = byName;
    }

    public IReadOnlyList<CanonicalUnit> Units => _byName.Values.Distinct().OrderBy(u => u.Name, StringComparer.Ordinal).ToArray();

    /// <summary>The directory of a jurisdiction (鄢陵县, 浔阳区, 信阳市, 茂名市): the common departments under its level's prefix.</summary>
    public static UnitDirectory For(string jurisdiction)
    {
        jurisdiction = jurisdiction.Trim();
        var level = jurisdiction.Length > 0 && jurisdiction[^1] is '县' or '区' or '市' or '镇' or '乡' ? jurisdiction[^1].ToString() : "";
        var directory = new UnitDirectory(jurisdiction, level, new Dictionary<string, CanonicalUnit>(StringComparer.Ordinal));
        foreach (var (core, aliases) in CommonUnits.Departments)
            directory.Add(new CanonicalUnit(level + core, aliases.Prepend(core).SelectMany(a => directory.Spellings(a)).Distinct().ToArray(), false));
        return directory;
    }

    /// <summary>A copy that also knows this unit (a member from a plan's annex, or one the admin keeps).</summary>
    public UnitDirectory With(CanonicalUnit unit)
    {
        var copy = new UnitDirectory(_jurisdiction, _level, new Dictionary<string, CanonicalUnit>(_byName, StringComparer.Ordinal));
        var known = copy.Resolve(unit.Name).Unit;
        var merged = known is null ? unit : known with { Aliases = known.Aliases.Union(unit.Aliases).Union([unit.Name]).ToArray() };
        copy.Add(merged);
        return copy;
    }

    public UnitResolution Resolve(string writtenName)
    {
        var written = writtenName.Trim();
        if (written.Length == 0) return new UnitResolution(writtenName, null);
        if (_byName.TryGetValue(written, out var unit)) return new UnitResolution(writtenName, unit);
        var core = Core(written);
        if (_byName.TryGetValue(core, out unit) || _byName.TryGetValue(_level + core, out unit)) return new UnitResolution(writtenName, unit);
        // 各镇政府, 各县区政府、各管理区、开发区: a group unit stands for itself.
        if (written.StartsWith('各')) return new UnitResolution(writtenName, new CanonicalUnit(written, [], true));
        return new UnitResolution(writtenName, null);
    }

    private void Add(CanonicalUnit unit)
    {
        foreach (var name in unit.Aliases.Append(unit.Name)) _byName[name] = unit;
    }

    /// <summary>A name as written with and without the jurisdiction's name or level in front: 卫健委, 县卫健委, 鄢陵县卫健委.</summary>
    private IEnumerable<string> Spellings(string core)
    {
        yield return core;
        if (_level.Length > 0) yield return _level + core;
        if (_jurisdiction.Length > 0) yield return _jurisdiction + core;
    }

    /// <summary>The name without the jurisdiction's name or level in front (茂名市卫生健康局 → 卫生健康局), party organs (县委办) excepted.</summary>
    private string Core(string written)
    {
        var name = written;
        if (_jurisdiction.Length > 0 && name.StartsWith(_jurisdiction, StringComparison.Ordinal) && name.Length > _jurisdiction.Length)
            name = name[_jurisdiction.Length..];
        if (name.Length > 2 && name[0] is '市' or '县' or '区' && name[1] != '委') name = name[1..];
        return name;
    }
}
