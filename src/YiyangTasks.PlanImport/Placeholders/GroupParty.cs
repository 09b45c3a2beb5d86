namespace YiyangTasks.PlanImport;

/// <summary>A group placeholder (有关部门, 各有关单位, 各地, 各省级人民政府, 各乡镇人民政府, 省政府各部门, 联席会议成员单位):
/// a party the plan names by kind rather than as one body. It is kept as written, in <see cref="ParsedTask.GroupParties"/>,
/// never as a unit.</summary>
internal static class GroupParty
{
    // 各 (every …), 有关/相关 (the … concerned), 其他 (the other …), 各级/县级以上 (every level):
    // wherever they stand (各地, 省政府各部门, 县政府有关部门, 其他成员单位), the party is a kind, not a body.
    private static readonly string[] KindWords = ["各", "有关", "相关", "其他", "其它", "县级以上", "以上地方"];

    // The members of a conference or group, named together: 联席会议成员单位, 领导小组成员单位.
    private static readonly string[] KindEndings = ["成员单位", "成员部门"];

    // Placeholders complete in themselves, though they end like no unit: 各地、各有关单位 is two parties, while
    // 各区、县级市人民政府 is one (各区 shares the ending after it).
    // 各乡镇、县开发区 (青阳 2023) is two parties: the townships are a whole kind, not the first half of a shared ending.
    private static readonly string[] Whole = ["各地", "各地区", "各地方", "各级", "各方", "各方面", "各界", "各行业",
        "各乡镇", "各镇", "各街道", "各乡镇街道", "各村", "各社区", "有关乡镇", "相关乡镇"];

    public static bool IsWhole(string name) => Whole.Contains(name.Trim());

    /// <summary>Whether a written party is a group placeholder rather than a unit.</summary>
    public static bool Is(string name)
    {
        var n = name.Trim();
        if (n.Length < 2) return false;
        return KindWords.Any(w => n.Contains(w, StringComparison.Ordinal)) || KindEndings.Any(e => n.EndsWith(e, StringComparison.Ordinal));
    }
}
