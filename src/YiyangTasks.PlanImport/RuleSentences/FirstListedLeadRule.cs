namespace YiyangTasks.PlanImport;

/// <summary>A plan's own rule that the first-listed unit leads (列第一位者为牵头单位，下同), and where it holds.</summary>
internal static class FirstListedLeadRule
{
    private static readonly string[] Leads = ["牵头单位", "牵头部门", "牵头责任单位"];
    private static readonly string[] Firsts = ["第一", "首位", "第1"];

    /// <summary>Where the text states the rule: index of the statement, and whether it says 下同 (here and below).</summary>
    public static (int Index, bool AndBelow)? Find(string text)
    {
        foreach (var lead in Leads)
        {
            var at = text.IndexOf(lead, StringComparison.Ordinal);
            while (at >= 0)
            {
                var from = Math.Max(0, at - 10);
                var window = text[from..at];
                if (Firsts.Any(f => window.Contains(f, StringComparison.Ordinal)))
                {
                    var after = text.AsSpan(at, Math.Min(16, text.Length - at));
                    return (from, after.Contains("下同", StringComparison.Ordinal));
                }
                at = text.IndexOf(lead, at + lead.Length, StringComparison.Ordinal);
            }
        }
        return null;
    }

    /// <summary>The words without the rule's own statement, so that the statement is not read as a unit.</summary>
    public static string Remove(string words)
    {
        if (Find(words) is null) return words;
        var pieces = words.Split(['，', '；', ',', ';']);
        return string.Join("，", pieces.Where(p => Find(p) is null && p.Trim() is not ("下同" or "")));
    }
}
