namespace YiyangTasks.PlanImport;

/// <summary>A unit as the jurisdiction knows it (市卫健委), with the other names plans write for it and whether it is a group (各镇政府).</summary>
public sealed record CanonicalUnit(string Name, IReadOnlyList<string> Aliases, bool IsGroup)
{
    /// <summary>A unit first seen in a plan, named as the plan writes it.</summary>
    public static CanonicalUnit Seen(string writtenName) => new(writtenName, [], UnitNames.IsGroup(writtenName));
}

/// <summary>A written unit name and the unit it names, or null when the directory does not know it.</summary>
public sealed record UnitResolution(string Written, CanonicalUnit? Unit)
{
    public bool IsKnown => Unit is not null;
}

/// <summary>The units of one jurisdiction (鄢陵县, 浔阳区, 信阳市, 茂名市): canonical names and the aliases plans use for them.</summary>
public sealed class UnitDirectory
{
    private readonly string _jurisdiction;
    private readonly string _level;
    private readonly Dictionary<string, CanonicalUnit> _byName;

    private UnitDirectory(string jurisdiction, string level, IReadOnlyList<CanonicalUnit> units)
    {
        _jurisdiction = jurisdiction;
        _level = level;
        Units = units;
        _byName = new Dictionary<string, CanonicalUnit>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            foreach (var name in unit.Aliases.Prepend(unit.Name)) _byName.TryAdd(Compact(name), unit);
        }
    }

    public IReadOnlyList<CanonicalUnit> Units { get; }

    /// <summary>The built-in units of a jurisdiction, named with its level prefix (县卫健委 in 鄢陵县, 市卫健委 in 信阳市).</summary>
    public static UnitDirectory For(string jurisdiction)
    {
        var name = (jurisdiction ?? "").Trim();
        var level = name.Length > 0 && name[^1] is '县' or '区' or '市' or '州' or '旗' ? name[^1].ToString() : "";
        var units = UnitAliases.All.Select(e => Canonical(e, level)).ToList();
        return new UnitDirectory(name, level, units);
    }

    private static CanonicalUnit Canonical(UnitAliases.Entry entry, string level)
    {
        string Expand(string s) => s.Replace("{L}", level, StringComparison.Ordinal);
        var hasOwnPrefix = entry.ShortName.Contains("{L}", StringComparison.Ordinal);
        var name = entry.KeepsPrefix && !hasOwnPrefix ? level + entry.ShortName : Expand(entry.ShortName);
        var aliases = entry.Aliases.Select(Expand).Prepend(Expand(entry.ShortName)).Where(a => a != name).Distinct().ToList();
        return new CanonicalUnit(name, aliases, entry.IsGroup);
    }

    /// <summary>The canonical unit a plan's written name means, or an unknown resolution.</summary>
    public UnitResolution Resolve(string writtenName)
    {
        var written = (writtenName ?? "").Trim();
        foreach (var candidate in Candidates(Compact(written)))
        {
            if (_byName.TryGetValue(candidate, out var unit)) return new UnitResolution(written, unit);
        }
        return new UnitResolution(written, null);
    }

    /// <summary>
    /// The canonical units an unknown written name most likely means, nearest first (at most <paramref name="max"/>):
    /// a name whose short form is an abbreviation of it (人社局 in 人力社保局: the same characters in order, same first and
    /// last), or within a third of its length in edits of one of its names (市人力资源和社会保障局 ~ 市人社局).
    /// </summary>
    public IReadOnlyList<string> Suggest(string writtenName, int max = 3)
    {
        var written = Candidates(Compact(writtenName ?? "")).Where(w => w.Length >= 2).Distinct().ToList();
        if (written.Count == 0) return [];
        var scored = new List<(string Name, double Score)>();
        foreach (var unit in Units)
        {
            var best = double.MaxValue;
            foreach (var form in unit.Aliases.Prepend(unit.Name).SelectMany(n => Candidates(Compact(n))).Distinct())
                foreach (var w in written)
                    best = Math.Min(best, Nearness(w, form));
            if (best <= 0.34 && !written.Contains(Compact(unit.Name))) scored.Add((unit.Name, best));
        }
        return scored.OrderBy(s => s.Score).ThenBy(s => s.Name.Length).Select(s => s.Name).Distinct().Take(max).ToList();
    }

    // 0 for the same name, up to 1 for nothing in common; an abbreviation counts as near (0.25) whatever its length.
    private static double Nearness(string a, string b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        var edits = (double)EditDistance(a, b) / longer.Length;
        var abbreviation = shorter.Length >= 2 && shorter.Length < longer.Length && shorter[0] == longer[0] && shorter[^1] == longer[^1]
            && IsSubsequence(shorter, longer);
        return Math.Min(edits, abbreviation ? 0.25 : 1);
    }

    private static bool IsSubsequence(string shorter, string longer)
    {
        var at = 0;
        foreach (var c in longer)
            if (at < shorter.Length && shorter[at] == c) at++;
        return at == shorter.Length;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>This directory with a unit added (one seen in a plan), or its aliases merged into the unit of that name.</summary>
    public UnitDirectory With(CanonicalUnit unit)
    {
        var units = Units.ToList();
        var at = units.FindIndex(u => u.Name == unit.Name);
        if (at >= 0) units[at] = units[at] with { Aliases = units[at].Aliases.Concat(unit.Aliases).Distinct().ToList() };
        else units.Add(unit);
        return new UnitDirectory(_jurisdiction, _level, units);
    }

    // 鄢陵县卫健委 → 卫健委; 市市场监管局 → 市场监管局; 人行信阳市支行 → 人行支行; 茂名银监局 → 银监局.
    private IEnumerable<string> Candidates(string written)
    {
        yield return written;
        var local = written;
        if (_jurisdiction.Length > 0) local = local.Replace(_jurisdiction, "", StringComparison.Ordinal);
        if (_jurisdiction.Length > 2 && _level.Length > 0) local = local.Replace(_jurisdiction[..^1], "", StringComparison.Ordinal);
        if (local != written && local.Length > 0) yield return local;
        // 县委办 keeps its 县: 县委 is the county party committee, not a level prefix.
        if (_level.Length > 0 && local.Length > 2 && local.StartsWith(_level, StringComparison.Ordinal) && local[1] != '委')
            yield return local[1..];
        if (_level.Length == 0 && local.Length > 2 && local[0] is '县' or '区' or '市' && local[1] != '委') yield return local[1..];
    }

    private static string Compact(string name) =>
        string.Concat(name.Where(c => !char.IsWhiteSpace(c))).Replace('(', '（').Replace(')', '）');
}
