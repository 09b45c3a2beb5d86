namespace YiyangTasks.PlanImport;

/// <summary>
/// Splits a written list of units (市民政局、卫生计生委和各县区政府) into unit names, without breaking names that
/// contain the separators (人力资源和社会保障局, 发展和改革委员会) or group units written as lists
/// (各县区政府、各管理区、开发区; 各区、县级市人民政府).
/// </summary>
public static class UnitListSplitter
{
    /// <summary>Endings of a unit name: what a part must end with for a following 和/及 to separate two units.</summary>
    internal static readonly string[] UnitEndings =
    [
        "局", "委", "办", "院", "会", "中心", "政府", "部", "队", "站", "所", "行", "处", "科", "室", "团", "联", "社", "厅",
        "区", "县", "市", "镇", "乡", "街道", "管委会", "公司", "集团", "机构", "单位", "部门", "分行", "支队", "大队",
    ];

    /// <summary>Endings of a place (rather than a department): a group unit (各…) goes on through parts like these.</summary>
    private static readonly string[] PlaceEndings = ["区", "县", "市", "镇", "乡", "街道", "政府", "人民政府", "管委会", "开发区", "管理区", "新区"];

    public static IReadOnlyList<string> Split(string list)
    {
        var units = new List<string>();
        // A comma (，) closes a group unit; 、 and 和 run inside one.
        foreach (var piece in list.Split(['，', ',', '；', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = piece.Split(['、', '/', '／'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(SplitOnConjunctions).Where(p => p.Length > 0).ToArray();
            units.AddRange(MergeGroups(parts));
        }
        return units.Select(Tidy).Where(u => u.Length > 0).Distinct().ToArray();
    }

    /// <summary>和 and 及 separate units only where the text before them is already a whole unit name.</summary>
    private static IEnumerable<string> SplitOnConjunctions(string piece)
    {
        var start = 0;
        for (var i = 1; i < piece.Length - 1; i++)
        {
            if (piece[i] is not ('和' or '及')) continue;
            var before = piece[start..i].Trim();
            if (before.Length < 2 || !EndsLikeUnit(before)) continue;
            yield return before;
            start = i + 1;
        }
        yield return piece[start..].Trim();
    }

    /// <summary>A part starting with 各 (各县区政府) takes the place-like parts after it (、各管理区、开发区): one group unit.</summary>
    private static IEnumerable<string> MergeGroups(IReadOnlyList<string> parts)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            var unit = parts[i];
            if (unit.StartsWith('各'))
                while (i + 1 < parts.Count && IsPlaceLike(parts[i + 1])) unit += "、" + parts[++i];
            yield return unit;
        }
    }

    internal static bool EndsLikeUnit(string text) => UnitEndings.Any(text.EndsWith);

    private static bool IsPlaceLike(string text) => PlaceEndings.Any(text.EndsWith);

    private static string Tidy(string unit) => unit.Trim().TrimEnd('。', '.', '：', ':').Trim();
}
