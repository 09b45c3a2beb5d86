using System.Text;

namespace YiyangTasks.PlanImport;

/// <summary>Splits a written list of units (市民政局、卫生计生委和各县区政府) into the names as written.</summary>
public static class UnitListSplitter
{
    private const string Separators = "、，,；;/／";

    /// <summary>Splits on 、，, 和 及 without breaking a name that contains them (人力资源和社会保障局, 各区、县级市人民政府).</summary>
    public static IReadOnlyList<string> Split(string list)
    {
        if (string.IsNullOrWhiteSpace(list)) return [];
        var fragments = Fragments(list);
        var names = new List<string>();
        var pending = new StringBuilder();
        for (var i = 0; i < fragments.Count; i++)
        {
            var (text, separator) = fragments[i];
            if (text.Length == 0) continue;
            pending.Append(text);
            var current = pending.ToString();
            var isLast = i == fragments.Count - 1;
            // 各区、县级市人民政府 and 茂名滨海新区、茂名高新区管委会: a fragment that is no unit by itself
            // (各区, 茂名滨海新区) is the first half of a name whose list shares one ending.
            if (!isLast && !UnitNames.LooksLikeUnit(current) && !UnitNames.IsPlace(current) && !GroupParty.IsWhole(current) && separator != '\0')
            {
                pending.Append(separator);
                continue;
            }
            pending.Clear();
            // 信阳: 各县区政府、各管理区、开发区 always stand together as one responsible group.
            // A named zone (县开发区 — 青阳 2023) is a body of its own, not part of the group.
            if (names.Count > 0 && UnitNames.IsGroup(names[^1]) && UnitNames.IsZone(current) && (UnitNames.IsGroup(current) || current is "开发区" or "管理区"))
            {
                names[^1] = names[^1] + fragments[i - 1].Separator + current;
                continue;
            }
            // 各乡镇人民政府、街道办事处 (谯城 2025 分解表): 各 governs the bare kind of local body after it, one placeholder.
            if (names.Count > 0 && names[^1].StartsWith('各') && GroupParty.Is(names[^1]) && UnitNames.IsBareLocalKind(current))
            {
                names[^1] = names[^1] + fragments[i - 1].Separator + current;
                continue;
            }
            names.Add(current);
        }
        if (pending.Length > 0) names.Add(pending.ToString().TrimEnd(Separators.ToCharArray()));
        return names.Select(Tidy).Where(n => n.Length > 0).ToList();
    }

    // Fragments between top-level separators; 和/及 separate only when what comes before is a whole unit
    // (人力资源|和|社会保障局 is one name, 市民政局|和|各县区政府 is two).
    private static List<(string Text, char Separator)> Fragments(string list)
    {
        var result = new List<(string, char)>();
        var current = new StringBuilder();
        var depth = 0;
        for (var i = 0; i < list.Length; i++)
        {
            var c = list[i];
            if (c is '（' or '(' or '〔' or '《' or '【' or '[') depth++;
            else if (c is '）' or ')' or '〕' or '》' or '】' or ']') depth = Math.Max(0, depth - 1);
            if (depth == 0 && Separators.Contains(c))
            {
                result.Add((current.ToString().Trim(), c));
                current.Clear();
            }
            else if (depth == 0 && c is '和' or '及' or '与' && UnitNames.LooksLikeUnit(current.ToString()) && !BareKindFollows(list, i + 1))
            {
                result.Add((current.ToString().Trim(), c));
                current.Clear();
            }
            else current.Append(c);
        }
        result.Add((current.ToString().Trim(), '\0'));
        return result;
    }

    // 有关部门和单位: the kind after 和 (单位, 部门) is no party of its own; it stays in the placeholder as written.
    private static bool BareKindFollows(string list, int at)
    {
        var end = list.IndexOfAny(Separators.ToCharArray(), at);
        return Qualifiers.IsBareKind(end < 0 ? list[at..] : list[at..end]);
    }

    private static string Tidy(string name)
    {
        var s = name.Trim().Trim('\u3000', '。', '.', '；', ';', '，', ',', '、', ' ');
        foreach (var tail in (string[])["等有关单位", "等相关单位", "等单位", "等部门", "等"])
        {
            if (s.Length > tail.Length + 1 && s.EndsWith(tail, StringComparison.Ordinal)) { s = s[..^tail.Length]; break; }
        }
        if (s.StartsWith('由') && s.Length > 2) s = s[1..];
        return s.Trim();
    }
}
