namespace YiyangTasks.PlanImport;

/// <summary>The written parties of a list, split into units and group placeholders, with the qualifiers glued to
/// the last unit taken off: …等有关部门, …等有关部门和单位, …等和各省级人民政府, a bare trailing 等.</summary>
internal sealed record Parties(IReadOnlyList<string> Units, IReadOnlyList<string> Groups)
{
    public static readonly Parties None = new([], []);

    public bool IsEmpty => Units.Count == 0 && Groups.Count == 0;

    public Parties Plus(Parties other) =>
        new(Units.Concat(other.Units).Distinct().ToList(), Groups.Concat(other.Groups).Distinct().ToList());

    /// <summary>Reads a written list (民政部、国家卫生健康委等有关部门和各省级人民政府) into units and placeholders.</summary>
    public static Parties Read(string list)
    {
        var units = new List<string>();
        var groups = new List<string>();
        list = SpacesAsSeparators(list);
        foreach (var part in Qualifiers.Detach(list))
        {
            foreach (var name in UnitListSplitter.Split(part))
            {
                if (GroupParty.Is(name)) groups.Add(name);
                else if (!Qualifiers.IsBareKind(name)) units.Add(name);
            }
        }
        return new Parties(units.Distinct().ToList(), groups.Distinct().ToList());
    }

    // 财政局 住建局 行政审批局 各区镇街道: a table cell that lists its units with spaces alone.
    private static string SpacesAsSeparators(string list)
    {
        var t = list.Trim();
        if (t.IndexOfAny(['、', '，', ',', '；', ';']) >= 0 || t.IndexOfAny([' ', '\u3000']) < 0) return list;
        var tokens = t.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        return tokens.Length > 1 && tokens.All(x => UnitNames.LooksLikeUnit(x) || GroupParty.Is(x)) ? string.Join("、", tokens) : list;
    }
}

/// <summary>The qualifiers a list of units ends with (等, 等有关部门, 等和各省级人民政府).</summary>
internal static class Qualifiers
{
    // 政府 after 党委和: 各州(市)党委和政府 is one party.
    private static readonly string[] BareKinds = ["单位", "部门", "机构", "组织", "企业", "地方", "方面", "政府", "人民政府"];

    /// <summary>A kind standing alone (…和单位), left over from a placeholder; it names no party of its own.</summary>
    public static bool IsBareKind(string name) => BareKinds.Contains(name.Trim());

    /// <summary>The list cut at each top-level 等 that follows a unit: 民政部、财政部等有关部门 → 民政部、财政部 | 有关部门.
    /// 高等院校 and 中等职业学校 keep their 等: what stands before it is no unit.</summary>
    public static List<string> Detach(string list)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            var c = list[i];
            if (c is '（' or '(' or '〔' or '《') depth++;
            else if (c is '）' or ')' or '〕' or '》') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && c == '等' && i > start && UnitNames.LooksLikeUnit(LastName(list[start..i])))
            {
                parts.Add(list[start..i]);
                start = i + 1;
                // 等10个部门, 等部门: the count or bare kind after 等 names no one.
                while (start < list.Length && (char.IsAsciiDigit(list[start]) || ChineseNumber.IsNumeral(list[start]) || list[start] is '个' or '家')) start++;
                while (start < list.Length && list[start] is '和' or '及' or '与' or '、' or '，' or ' ') start++;
                i = start - 1;
            }
        }
        if (start < list.Length) parts.Add(list[start..]);
        return parts;
    }

    private static string LastName(string text)
    {
        var cut = text.LastIndexOfAny(['、', '，', ',', '和', '及', '与', '；']);
        return cut < 0 ? text : text[(cut + 1)..];
    }
}
