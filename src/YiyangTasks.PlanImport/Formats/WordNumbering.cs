using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace YiyangTasks.PlanImport;

/// <summary>Word's automatic list numbering (w:numPr) rendered as the text Word shows: （一） 一、 1. （1） ①.
/// Offices number items with it, so without it a .docx plan's items have no numbers in their text.
/// Counters run in document order, one set per list definition (w:abstractNum), deeper levels restarting
/// under a higher one, as Word counts them.</summary>
internal sealed class WordNumbering
{
    private readonly Dictionary<int, NumberingInstance> instances = [];
    private readonly Dictionary<int, AbstractNum> definitions = [];
    private readonly Dictionary<string, Style> styles = [];
    private readonly Dictionary<int, int?[]> counters = [];
    private readonly HashSet<(int, int)> overridesApplied = [];

    public WordNumbering(MainDocumentPart main)
    {
        if (main.NumberingDefinitionsPart?.Numbering is { } numbering)
        {
            foreach (var num in numbering.Elements<NumberingInstance>())
                if (num.NumberID?.Value is { } id) instances[id] = num;
            foreach (var definition in numbering.Elements<AbstractNum>())
                if (definition.AbstractNumberId?.Value is { } id) definitions[id] = definition;
        }
        if (main.StyleDefinitionsPart?.Styles is { } all)
            foreach (var style in all.Elements<Style>())
                if (style.StyleId?.Value is { } id) styles.TryAdd(id, style);
    }

    /// <summary>The marker Word shows before this paragraph ("（三）", "2."), or null when it is not numbered. Counts it.</summary>
    public string? Next(Paragraph paragraph)
    {
        if (Reference(paragraph) is not { } reference || !instances.TryGetValue(reference.NumId, out var num)) return null;
        var (numId, level) = reference;
        if (Definition(num) is not { } definition || definition.AbstractNumberId?.Value is not { } listId) return null;
        var levels = Levels(num, definition);
        if (!levels.TryGetValue(level, out var current)) return null;

        var count = counters.TryGetValue(listId, out var c) ? c : counters[listId] = new int?[9];
        var start = StartOf(current);
        // A list instance that says "restart at" (w:startOverride) restarts the shared counter where it is first used.
        var restart = num.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == level)?.StartOverrideNumberingValue?.Val?.Value;
        if (restart is not null && overridesApplied.Add((numId, level))) count[level] = restart - 1;
        count[level] = count[level] is { } n ? n + 1 : start;
        for (var deeper = level + 1; deeper < count.Length; deeper++)
            if (!levels.TryGetValue(deeper, out var d) || d.LevelRestart?.Val?.Value != 0) count[deeper] = null;

        var format = FormatOf(current);
        if (format == "bullet" || format == "none") return null;
        var legal = current.IsLegalNumberingStyle is not null;
        var text = new StringBuilder();
        var pattern = current.LevelText?.Val?.Value ?? $"%{level + 1}.";
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '%' && i + 1 < pattern.Length && pattern[i + 1] is >= '1' and <= '9')
            {
                var at = pattern[++i] - '1';
                var shown = levels.TryGetValue(at, out var l) ? l : current;
                text.Append(Format(count[at] ?? StartOf(shown), legal && at != level ? "decimal" : FormatOf(shown)));
            }
            else text.Append(pattern[i]);
        }
        return text.ToString();
    }

    private (int NumId, int Level)? Reference(Paragraph paragraph)
    {
        var own = paragraph.ParagraphProperties?.NumberingProperties;
        if (own?.NumberingId?.Val?.Value is { } numId)
            return numId == 0 ? null : (numId, own.NumberingLevelReference?.Val?.Value ?? 0);
        // A heading style (标题 2) may carry the numbering; the list's level names the style (w:pStyle).
        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        for (var depth = 0; styleId is not null && depth < 10 && styles.TryGetValue(styleId, out var style); depth++)
        {
            var numbering = style.StyleParagraphProperties?.NumberingProperties;
            if (numbering?.NumberingId?.Val?.Value is { } styled)
            {
                if (styled == 0) return null;
                var level = numbering.NumberingLevelReference?.Val?.Value
                            ?? LevelForStyle(styled, paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value) ?? 0;
                return (styled, level);
            }
            styleId = style.BasedOn?.Val?.Value;
        }
        return null;
    }

    private int? LevelForStyle(int numId, string? styleId) =>
        instances.TryGetValue(numId, out var num) && Definition(num) is { } definition
            ? definition.Elements<Level>().FirstOrDefault(l => l.ParagraphStyleIdInLevel?.Val?.Value == styleId)?.LevelIndex?.Value
            : null;

    private AbstractNum? Definition(NumberingInstance num)
    {
        if (num.AbstractNumId?.Val?.Value is not { } id || !definitions.TryGetValue(id, out var definition)) return null;
        // A list style (w:numStyleLink) keeps its levels in the list its style points to.
        if (definition.NumberingStyleLink?.Val?.Value is { } link && styles.TryGetValue(link, out var style)
            && style.StyleParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value is { } linked
            && instances.TryGetValue(linked, out var target) && target.AbstractNumId?.Val?.Value is { } targetId
            && targetId != id && definitions.TryGetValue(targetId, out var linkedDefinition))
            return linkedDefinition;
        return definition;
    }

    private static Dictionary<int, Level> Levels(NumberingInstance num, AbstractNum definition)
    {
        var levels = new Dictionary<int, Level>();
        foreach (var level in definition.Elements<Level>())
            if (level.LevelIndex?.Value is { } index) levels[index] = level;
        foreach (var o in num.Elements<LevelOverride>())
            if (o.LevelIndex?.Value is { } index && o.Level is { } replaced) levels[index] = replaced;
        return levels;
    }

    private static int StartOf(Level level) => level.StartNumberingValue?.Val?.Value ?? 1;

    private static string FormatOf(Level level) => level.NumberingFormat?.Val?.InnerText ?? "decimal";

    /// <summary>A counter in one of Word's number formats (w:numFmt) that plans use.</summary>
    internal static string Format(int n, string format) => format switch
    {
        "chineseCounting" or "chineseCountingThousand" or "taiwaneseCounting" or "taiwaneseCountingThousand"
            or "japaneseCounting" or "ideographLegalTraditional" => Chinese(n),
        "chineseLegalSimplified" => Chinese(n).Replace('一', '壹').Replace('二', '贰').Replace('三', '叁').Replace('四', '肆')
            .Replace('五', '伍').Replace('六', '陆').Replace('七', '柒').Replace('八', '捌').Replace('九', '玖').Replace('十', '拾').Replace('百', '佰'),
        "ideographTraditional" when n is >= 1 and <= 10 => "甲乙丙丁戊己庚辛壬癸"[n - 1].ToString(),
        "ideographZodiac" when n is >= 1 and <= 12 => "子丑寅卯辰巳午未申酉戌亥"[n - 1].ToString(),
        "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" when n is >= 1 and <= 20 => ((char)('①' + n - 1)).ToString(),
        "decimalEnclosedParen" when n is >= 1 and <= 20 => ((char)('⑴' + n - 1)).ToString(),
        "decimalEnclosedFullstop" when n is >= 1 and <= 20 => ((char)('⒈' + n - 1)).ToString(),
        "decimalFullWidth" or "decimalFullWidth2" => string.Concat(n.ToString().Select(d => (char)('０' + d - '0'))),
        "decimalZero" => n.ToString("00"),
        "lowerLetter" => Letters(n, 'a'),
        "upperLetter" => Letters(n, 'A'),
        "lowerRoman" => Roman(n).ToLowerInvariant(),
        "upperRoman" => Roman(n),
        _ => n.ToString(),
    };

    private const string Digits = "零一二三四五六七八九";

    private static string Chinese(int n) => n switch
    {
        <= 0 or > 999 => n.ToString(),
        < 10 => Digits[n].ToString(),
        < 20 => "十" + (n % 10 == 0 ? "" : Digits[n % 10].ToString()),
        < 100 => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10].ToString()),
        _ => Digits[n / 100] + "百" + (n % 100 == 0 ? "" : n % 100 < 10 ? "零" + Digits[n % 100] : n % 100 < 20 ? "一" + Chinese(n % 100) : Chinese(n % 100)),
    };

    // Word repeats the letter past z: aa, bb …
    private static string Letters(int n, char a) => n < 1 ? n.ToString() : new string((char)(a + (n - 1) % 26), (n - 1) / 26 + 1);

    private static string Roman(int n)
    {
        if (n is < 1 or > 3999) return n.ToString();
        var text = new StringBuilder();
        foreach (var (value, numeral) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
            for (; n >= value; n -= value) text.Append(numeral);
        return text.ToString();
    }
}
