namespace YiyangTasks.PlanImport;

/// <summary>Reads a plan's heading facts: title, document number (茂卫〔2020〕63号), issuing body, signing date, jurisdiction.</summary>
internal static class PlanHeaderReader
{
    private static readonly string[] TitleEndings =
        ["方案", "意见", "制度", "办法", "计划", "规划", "细则", "要点", "措施", "清单", "分工", "通知", "决定", "规定", "纲要"];
    private static readonly string[] Levels = ["自治州", "自治县", "县", "区", "市", "州", "旗"];

    public sealed record Header(string? Title, string? DocumentNumber, string? IssuingBody, DateOnly? IssuedOn, string? Jurisdiction);

    public static Header Read(IReadOnlyList<DocumentLine> lines)
    {
        var head = lines.Take(80).ToList();
        var numberLine = head.FirstOrDefault(l => IsDocumentNumber(l.Text));
        var documentNumber = numberLine?.Text.Trim('（', '）', '(', ')').Replace(" ", "", StringComparison.Ordinal);
        DateOnly? issuedOn = null;
        foreach (var line in lines.Take(200))
        {
            if (PlanText.TryReadDateLine(line.Text, out var date)) { issuedOn = date; break; }
        }
        var title = Title(head);
        var body = IssuingBody(head, numberLine?.Number ?? int.MaxValue);
        return new Header(title, documentNumber, body, issuedOn, Jurisdiction(title, body));
    }

    // 浔府办字〔2021〕38号 standing on its own line (a number cited in the text is someone else's document).
    private static bool IsDocumentNumber(string text)
    {
        var t = text.Trim('（', '）', '(', ')').Replace(" ", "", StringComparison.Ordinal);
        if (t.Length is < 8 or > 24 || !t.EndsWith('号')) return false;
        var open = t.IndexOfAny(['〔', '[', '【', '（', '(']);
        if (open < 1 || open + 6 >= t.Length || t[open + 5] is not ('〕' or ']' or '】' or '）' or ')')) return false;
        return ChineseNumber.TryParseArabic(t.AsSpan(open + 1, 4), out _)
            && ChineseNumber.TryParseArabic(t.AsSpan(open + 6, t.Length - open - 7), out _)
            && t[..open].All(c => c is >= '\u4e00' and <= '\u9fff');
    }

    // The plan's own title: a short line ending in 方案/意见/制度 …; a covering notice (…的通知) yields to the
    // plan it issues when the plan's own title follows (浔阳, 茂名).
    private static string? Title(List<DocumentLine> head)
    {
        var candidates = head.Where(l => IsTitleLike(l.Text)).Select(l => l.Text).ToList();
        return candidates.FirstOrDefault(t => !t.EndsWith("通知", StringComparison.Ordinal)) ?? candidates.FirstOrDefault();
    }

    private static bool IsTitleLike(string text) =>
        text.Length is >= 6 and <= 70 && text.IndexOfAny(['。', '；', '：', '，']) < 0 && !text.StartsWith('附')
        && TitleEndings.Any(e => text.EndsWith(e, StringComparison.Ordinal)) && ItemMarker.Read(text) is null;

    // The lines above the document number that name bodies (九江市浔阳区人民政府办公室; the ten 茂名 bureaus, then 文件).
    private static string? IssuingBody(List<DocumentLine> head, int numberLine)
    {
        var bodies = new List<string>();
        foreach (var line in head)
        {
            if (line.Number >= numberLine) break;
            if (line.IsBlank) continue;
            var text = line.Text.EndsWith("文件", StringComparison.Ordinal) ? line.Text[..^2].Trim() : line.Text;
            if (text.Length == 0) continue;
            if (UnitNames.LooksLikeUnit(text) && text.IndexOfAny(['，', '。', '、', '《']) < 0) bodies.Add(text);
            else break;
        }
        return bodies.Count > 0 ? string.Join("、", bodies) : null;
    }

    // 鄢陵县创建… → 鄢陵县; 九江市浔阳区人民政府办公室 → 浔阳区 (the most local level named first in the heading).
    private static string? Jurisdiction(string? title, string? body)
    {
        foreach (var text in new[] { body, title })
        {
            if (text is null) continue;
            var name = Place(text);
            if (name is not null) return name;
        }
        return null;
    }

    // Consecutive place names at the start: 九江市|浔阳区|人民政府办公室 → the last of them.
    private static string? Place(string text)
    {
        string? found = null;
        var start = 0;
        while (true)
        {
            var next = -1;
            for (var i = start + 2; i <= start + 4 && next < 0 && i < text.Length; i++)
            {
                foreach (var level in Levels)
                {
                    if (string.CompareOrdinal(text, i, level, 0, level.Length) == 0) { next = i + level.Length; break; }
                }
            }
            if (next < 0) return found;
            found = text[start..next];
            start = next;
        }
    }
}
