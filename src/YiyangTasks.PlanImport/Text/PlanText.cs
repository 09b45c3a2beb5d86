namespace YiyangTasks.PlanImport;

/// <summary>Lines every reader treats alike: the end of a body (附件, 抄送, a signing date) and standalone dates.</summary>
internal static class PlanText
{
    private static readonly string[] StopStarts = ["附件", "附表", "附：", "抄送", "公开方式", "印发", "联系人", "（此件", "(此件"];

    /// <summary>A line that ends whatever paragraph is open: an annex, a distribution note, a signing date.</summary>
    public static bool IsStop(DocumentLine line) =>
        StopStarts.Any(s => line.Text.StartsWith(s, StringComparison.Ordinal)) || TryReadDateLine(line.Text, out _);

    /// <summary>A sub-heading set off by a dash, with no number: ——推进教育高质量发展, ——加快建设健康武汉 (武汉 2023
    /// 责任分解方案, between numbered tasks). Long dashed lines are sentences (目标 bullets, a task's own list).</summary>
    public static bool IsDashedHeading(DocumentLine line) =>
        line.Marker is null && line.Text.StartsWith('—') && line.Text.TrimStart('—').Length is > 0 and <= 30
        && line.Text.IndexOfAny(['（', '(', '。', '；', ';']) < 0;

    /// <summary>A line that is only a date (2021年10月14日), as plans are signed.</summary>
    public static bool TryReadDateLine(string text, out DateOnly date)
    {
        date = default;
        var t = text.Replace(" ", "", StringComparison.Ordinal).Trim('（', '）', '(', ')');
        if (t.Length is < 8 or > 11 || !t.EndsWith('日')) return false;
        var y = t.IndexOf('年');
        var m = t.IndexOf('月');
        if (y != 4 || m <= y + 1) return false;
        return ChineseNumber.TryParseArabic(t.AsSpan(0, 4), out var year)
            && ChineseNumber.TryParseArabic(t.AsSpan(y + 1, m - y - 1), out var month)
            && ChineseNumber.TryParseArabic(t.AsSpan(m + 1, t.Length - m - 2), out var day)
            && year is > 1949 and < 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && (date = new DateOnly(year, month, day)) != default;
    }
}
