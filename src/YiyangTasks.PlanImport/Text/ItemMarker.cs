namespace YiyangTasks.PlanImport;

/// <summary>The kinds of item numbering plans use, one level each.</summary>
internal enum MarkerKind
{
    /// <summary>一、</summary>
    ChineseComma,
    /// <summary>（一）</summary>
    ParenChinese,
    /// <summary>1. / 1、 / 1．</summary>
    Arabic,
    /// <summary>（1）</summary>
    ParenArabic,
    /// <summary>①</summary>
    Circled,
}

/// <summary>The number an item starts with (一、 （一） 1、 1. （1） ①) and how many characters it takes.</summary>
internal sealed record ItemMarker(MarkerKind Kind, int Number, int Length)
{
    /// <summary>1.120急救网络 / 11.121人才梯队: digits run on after the point, so the line may be a number (1.5倍)
    /// rather than an item; it is an item only where the numbering continues (see <see cref="DocumentLine.Split"/>).</summary>
    public bool Tentative { get; init; }

    public static ItemMarker? Read(string text)
    {
        if (text.Length < 2) return null;
        var c = text[0];
        if (c is >= '①' and <= '⑳') return new ItemMarker(MarkerKind.Circled, c - '①' + 1, 1);
        if (c is '（' or '(') return ReadParenthesised(text);
        if (char.IsAsciiDigit(c) || c is >= '０' and <= '９') return ReadArabic(text);
        if (ChineseNumber.IsNumeral(c)) return ReadChinese(text);
        return null;
    }

    private static ItemMarker? ReadParenthesised(string text)
    {
        var close = text.IndexOfAny(['）', ')'], 1);
        if (close < 2 || close > 5) return null;
        var inner = text.AsSpan(1, close - 1).Trim();
        if (inner.IsEmpty) return null;
        var kind = char.IsAsciiDigit(inner[0]) || inner[0] is >= '０' and <= '９' ? MarkerKind.ParenArabic : MarkerKind.ParenChinese;
        return ChineseNumber.TryParse(inner, out var n) ? new ItemMarker(kind, n, close + 1) : null;
    }

    private static ItemMarker? ReadArabic(string text)
    {
        var i = 0;
        while (i < text.Length && i < 4 && (char.IsAsciiDigit(text[i]) || text[i] is >= '０' and <= '９')) i++;
        if (i >= text.Length || i > 3) return null;
        var sep = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : ' ';
        // "1．2017年，…" (信阳 发展目标), "1、" and "1﹒" are items; "1.5倍" may be a number (tentative).
        var isItem = sep is '、' or '．' or '，' or '﹒' || (sep is '.' && next != '.');
        if (!isItem || !ChineseNumber.TryParseArabic(text.AsSpan(0, i), out var n) || n == 0) return null;
        return new ItemMarker(MarkerKind.Arabic, n, i + 1) { Tentative = sep == '.' && char.IsAsciiDigit(next) };
    }

    private static ItemMarker? ReadChinese(string text)
    {
        var i = 0;
        while (i < text.Length && i < 5 && ChineseNumber.IsNumeral(text[i])) i++;
        if (i >= text.Length || text[i] is not ('、' or '是')) return null;
        // 一是/二是 (一是加强…) reads like a list but is prose; only 一、 numbers an item.
        if (text[i] == '是') return null;
        return ChineseNumber.TryParse(text.AsSpan(0, i), out var n) ? new ItemMarker(MarkerKind.ChineseComma, n, i + 1) : null;
    }
}
