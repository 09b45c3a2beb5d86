using System.Text.RegularExpressions;

namespace YiyangTasks.PlanImport;

/// <summary>A line of the document, numbered from 1, with layout noise (markdown marks, indentation, full-width spaces) removed.</summary>
public sealed record DocumentLine(int Number, string Text, string Raw);

/// <summary>Splits a document into clean, numbered lines.</summary>
public static partial class DocumentLines
{
    /// <summary>Lines longer than this are cut: no real paragraph is this long, and a huge line must not slow the parse.</summary>
    public const int MaxLineLength = 20_000;

    public static IReadOnlyList<DocumentLine> Read(string text)
    {
        var raw = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\f', '\n').Split('\n');
        var lines = new List<DocumentLine>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var line = raw[i].Length > MaxLineLength ? raw[i][..MaxLineLength] : raw[i];
            lines.Add(new DocumentLine(i + 1, Clean(line), line));
        }
        return lines;
    }

    /// <summary>Removes markdown emphasis and heading marks, list bullets, tabs and surrounding (full-width) spaces.</summary>
    public static string Clean(string line)
    {
        var text = line.Replace('\u3000', ' ').Replace('\t', ' ').Replace("**", "").Replace("__", "").Trim();
        text = HeadingMarks().Replace(text, "");
        text = Bullet().Replace(text, "");
        if (Rule().IsMatch(text)) return "";
        return text.Trim();
    }

    [GeneratedRegex(@"^#{1,6}\s*")]
    private static partial Regex HeadingMarks();

    [GeneratedRegex(@"^[-*•·]\s+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^[-=_*]{3,}$")]
    private static partial Regex Rule();
}

/// <summary>How an item is numbered: 1. / 1、 / （一） / 一、 / (1) — the families a plan's lists are written in.</summary>
public enum MarkerFamily { ArabicDot, ArabicComma, ParenChinese, ChineseComma, ParenArabic }

/// <summary>An item's number as written at the start of a line.</summary>
public sealed record ItemMarker(MarkerFamily Family, int Number, string Rest);

/// <summary>Reads the item number a line starts with, if any.</summary>
public static partial class ItemMarkers
{
    public static ItemMarker? Read(string line)
    {
        var m = Arabic().Match(line);
        if (m.Success && int.TryParse(m.Groups[1].Value, out var n) && n is > 0 and < 10000)
            return new ItemMarker(m.Groups[2].Value is "、" or "，" ? MarkerFamily.ArabicComma : MarkerFamily.ArabicDot, n, line[m.Length..].Trim());
        m = ParenChineseNumber().Match(line);
        if (m.Success && ChineseNumerals.TryParse(m.Groups[1].Value, out n))
            return new ItemMarker(MarkerFamily.ParenChinese, n, line[m.Length..].Trim());
        m = ParenArabicNumber().Match(line);
        if (m.Success && int.TryParse(m.Groups[1].Value, out n) && n is > 0 and < 10000)
            return new ItemMarker(MarkerFamily.ParenArabic, n, line[m.Length..].Trim());
        m = ChineseComma().Match(line);
        if (m.Success && ChineseNumerals.TryParse(m.Groups[1].Value, out n))
            return new ItemMarker(MarkerFamily.ChineseComma, n, line[m.Length..].Trim());
        return null;
    }

    // "2017年" or "1.5万" must not read as items: the number is followed by 、 . ． or ，and not by a digit.
    [GeneratedRegex(@"^(\d{1,4})\s*([、.．，])(?!\d)")]
    private static partial Regex Arabic();

    [GeneratedRegex(@"^[（(]\s*([一二三四五六七八九十百零〇两]{1,6})\s*[）)]")]
    private static partial Regex ParenChineseNumber();

    [GeneratedRegex(@"^[（(]\s*(\d{1,4})\s*[）)]")]
    private static partial Regex ParenArabicNumber();

    [GeneratedRegex(@"^([一二三四五六七八九十百零〇两]{1,6})\s*[、.．]")]
    private static partial Regex ChineseComma();
}

/// <summary>Chinese numerals as plans number their items: 一 … 十 … 二十三 … 一百零五.</summary>
public static class ChineseNumerals
{
    public static bool TryParse(string text, out int value)
    {
        value = 0;
        if (text.Length == 0) return false;
        var section = 0;
        var digit = -1;
        foreach (var c in text)
        {
            var d = Digit(c);
            if (d >= 0)
            {
                if (digit >= 0 && digit != 0) return false; // two digits in a row: not a numeral we write
                digit = d;
                continue;
            }
            var unit = c switch { '十' => 10, '百' => 100, _ => 0 };
            if (unit == 0) return false;
            section += (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        }
        if (digit > 0) section += digit;
        value = section;
        return value > 0;
    }

    private static int Digit(char c) => c switch
    {
        '零' or '〇' => 0, '一' => 1, '二' or '两' => 2, '三' => 3, '四' => 4, '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9,
        _ => -1,
    };
}
