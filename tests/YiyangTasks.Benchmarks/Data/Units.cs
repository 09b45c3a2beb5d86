namespace YiyangTasks.Benchmarks.Data;

/// <summary>The member units (成员单位) of the generated plans: a city's departments, then its districts' departments.</summary>
public static class Units
{
    private static readonly string[] Departments =
    [
        "卫健委", "民政局", "医保局", "财政局", "人社局", "发改委", "自然资源局", "住建局", "市场监管局", "中医药局",
        "残联", "老龄办", "教育局", "科技局", "商务局", "税务局", "应急局", "文旅局", "体育局", "农业农村局",
    ];

    private static readonly string[] Districts = ["市", "浉河区", "平桥区", "罗山县", "光山县", "新县", "商城县", "固始县"];

    public static IReadOnlyList<string> Directory(int count) =>
        Enumerable.Range(0, count)
            .Select(i => i < Departments.Length * Districts.Length
                ? Districts[i / Departments.Length] + Departments[i % Departments.Length]
                : $"第{i / Departments.Length}片区{Departments[i % Departments.Length]}")
            .ToArray();
}
