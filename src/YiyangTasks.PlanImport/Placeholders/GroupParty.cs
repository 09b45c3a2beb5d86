namespace YiyangTasks.PlanImport;

/// <summary>A group placeholder (有关部门, 各有关单位, 各地, 各省级人民政府, 各县（市、区）人民政府): a party the plan
/// names by kind rather than by body. It is kept as written, in <see cref="ParsedTask.GroupParties"/>, never as a unit.</summary>
internal static class GroupParty
{
    // Words that make a group indefinite wherever they stand: 有关部门, 市直相关单位, 其他成员单位.
    private static readonly string[] Indefinite = ["有关", "相关", "其他", "其它", "各级", "以上地方", "县级以上"];

    // 各 + one of these (with or without 人民政府/政府/党委和政府) is every body of a kind: 各地, 各部门, 各省级人民政府.
    private static readonly string[] Kinds =
    [
        "地", "地区", "地方", "级", "方", "方面", "部门", "单位", "成员单位", "省级", "省", "省份", "城市", "试点地区", "试点城市",
        "地市", "设区市", "市州", "市（州）", "地级市", "县级", "县市区", "市县", "直属机构", "行业", "机关",
    ];

    private static readonly string[] GovernmentSuffixes = ["党委和人民政府", "党委和政府", "人民政府", "政府", "党委", "部门", "单位"];

    /// <summary>Whether a written party is a group placeholder rather than a unit.</summary>
    public static bool Is(string name)
    {
        var n = name.Trim();
        if (n.Length < 2) return false;
        if (Indefinite.Any(w => n.Contains(w, StringComparison.Ordinal))) return true;
        if (!n.StartsWith('各')) return false;
        var kind = WithoutGovernment(n[1..]);
        if (Kinds.Contains(kind)) return true;
        // 各省（区、市）, 各县（市、区）人民政府, 各区、县级市, 各地、州、盟: the levels written with their
        // alternatives are the standard addressees of a notice (主送) — every government of a kind, not one body.
        // 各镇政府 and 各县区政府 name one local level and stay units (鄢陵 and 信阳 list them as members).
        return kind.IndexOfAny(['、', '（', '(']) >= 0 && !kind.Contains("管理区", StringComparison.Ordinal) && !kind.Contains("开发区", StringComparison.Ordinal);
    }

    private static string WithoutGovernment(string text)
    {
        foreach (var suffix in GovernmentSuffixes)
        {
            if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.Ordinal)) return text[..^suffix.Length];
        }
        return text;
    }
}
