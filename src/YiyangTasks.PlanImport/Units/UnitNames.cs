namespace YiyangTasks.PlanImport;

/// <summary>What a unit's name looks like: the endings government bodies carry (局, 委, 办, 人民政府, 管委会 …).</summary>
internal static class UnitNames
{
    // Longest first so that 大队 wins over 队 when a caller wants the ending itself.
    private static readonly string[] Endings =
    [
        "管理区", "开发区", "集团", "海关", "办事处", "委员会", "办公室", "管委会", "分公司", "公司", "中心", "部门", "单位", "街道", "大队", "支队", "分行", "支行",
        "局", "委", "办", "会", "府", "院", "队", "部", "厅", "处", "站", "所", "司", "行", "联", "社", "署", "室", "馆", "台", "校", "团", "协", "组", "科",
    ];

    private static readonly string[] BareLocalKinds = ["街道办事处", "街道", "办事处", "乡镇", "乡镇人民政府", "乡镇政府", "镇人民政府", "社区", "村（居）委会", "村(居)委会"];

    /// <summary>A kind of local body named without a place (街道办事处, 乡镇人民政府): no one office.</summary>
    public static bool IsBareLocalKind(string name) => BareLocalKinds.Contains(name.Trim());

    /// <summary>Ends like a unit (市民政局, 各镇政府, 各管理区) and is short and plain enough to be one.</summary>
    public static bool LooksLikeUnit(ReadOnlySpan<char> name)
    {
        name = name.Trim();
        // 规划信息处(爱卫办): a unit with its other name in brackets after it.
        if (name.Length > 3 && name[^1] is '）' or ')' or '〕' && name.LastIndexOfAny("（(〔") is > 1 and var open) name = name[..open];
        if (name.Length < 2 || name.Length > 40) return false;
        if (name.IndexOfAny("。；;：:！？") >= 0) return false;
        // 办公室 alone is an organ's own office (a department's 台账 names it so).
        if (name.SequenceEqual("办公室")) return true;
        foreach (var ending in Endings)
        {
            // 开发区 alone names a zone's administration (信阳: 各县区政府、各管理区、开发区).
            if (name.EndsWith(ending, StringComparison.Ordinal)) return ending.Length < name.Length || IsZone(name);
        }
        return false;
    }

    /// <summary>A heading that is only a unit's name (一、区卫健委), as member-duty lists are written.</summary>
    public static bool IsBareUnitName(ReadOnlySpan<char> text) =>
        LooksLikeUnit(text) && text.Length <= 20 && text.IndexOfAny("，,、（()）《》“”\"") < 0
        && !text.EndsWith("单位", StringComparison.Ordinal) && !text.EndsWith("部门", StringComparison.Ordinal);

    /// <summary>A group of units standing as one (各镇政府, 各乡镇人民政府, 各县区政府、各管理区、开发区).</summary>
    public static bool IsGroup(string name) => name.StartsWith('各') || name.StartsWith("所有", StringComparison.Ordinal);

    /// <summary>A named county, district or city standing for its government (咸安区、嘉鱼县、通山县人民政府 names three):
    /// not a group (各区) and not a zone that shares the next name's ending (茂名滨海新区、茂名高新区管委会).</summary>
    public static bool IsPlace(string name) =>
        name.Length is >= 3 and <= 5 && name[^1] is '区' or '县' or '市' or '旗' && !name.StartsWith('各')
        && !(name.EndsWith("新区", StringComparison.Ordinal) || name.EndsWith("园区", StringComparison.Ordinal) || IsZone(name))
        && name.All(c => c is >= '\u4e00' and <= '\u9fff');

    /// <summary>A zone that, after a group (各县区政府、各管理区、开发区), belongs to that group.</summary>
    public static bool IsZone(ReadOnlySpan<char> name) =>
        name.EndsWith("管理区", StringComparison.Ordinal) || name.EndsWith("开发区", StringComparison.Ordinal);

    /// <summary>Index just past the shortest leading run that ends like a unit (区卫健委|基层卫生股干部), or -1.</summary>
    public static int ShortestUnitPrefix(string text)
    {
        // 府 is left out: in 区政府办四级主任科员 the unit is 区政府办, not 区政府.
        const string stops = "局委办会队院部站所行";
        for (var i = 2; i <= text.Length && i <= 30; i++)
        {
            var c = text[i - 1];
            if (stops.Contains(c) || c == '心' && text[i - 2] == '中') return i;
        }
        return -1;
    }
}
