namespace YiyangTasks.PlanImport;

/// <summary>One physical line of a plan: its 1-based number, its cleaned text, its indentation and its item marker if it starts with one.</summary>
internal sealed record DocumentLine(int Number, string Raw, string Text, string Indent, ItemMarker? Marker)
{
    public bool IsBlank => Text.Length == 0;

    /// <summary>The text after the item marker (the whole text when there is none).</summary>
    public string Body => Marker is { } m ? Text[m.Length..].TrimStart() : Text;

    public static IReadOnlyList<DocumentLine> Split(string text)
    {
        var lines = new List<DocumentLine>();
        var number = 0;
        foreach (var range in text.AsSpan().EnumerateLines())
        {
            number++;
            foreach (var raw in RunOnItems(range.ToString()))
            {
                var cleaned = Clean(raw);
                lines.Add(new DocumentLine(number, raw, cleaned, IndentOf(raw), ItemMarker.Read(cleaned)));
            }
        }
        return ResolveTentative(lines);
    }

    // Pages copied from a site sometimes lose their line breaks: the whole plan on one line, items apart by a space
    // only (…圆满完成。 一、加快提振市场信心 (一)全面促进消费增长。 1.把恢复…). A long line with two or more items
    // starting after a space is split there; the pieces keep the physical line's number. Table rows (tabs) stay whole.
    private const int RunOnLength = 300;

    private static IEnumerable<string> RunOnItems(string raw)
    {
        if (raw.Length < RunOnLength || raw.Contains('\t')) return [raw];
        var starts = new List<int>();
        for (var k = 1; k < raw.Length - 2; k++)
        {
            if (raw[k + 1] is ' ' or '\u3000') continue;
            // An item starts after a space or a full stop, or right after the annotation that closes the item before it
            // (…(市劳动和社会保障局负责,市国资委配合)2、202223年,… — a 医改 实施方案 copied with no spaces at all).
            var afterSpace = raw[k] is ' ' or '\u3000' or '。';
            if (!afterSpace && !ClosesAnnotation(raw, k)) continue;
            if (ItemMarker.Read(raw[(k + 1)..Math.Min(raw.Length, k + 12)]) is { Tentative: false }) starts.Add(k + 1);
        }
        if (starts.Count < 2) return [raw];
        var pieces = new List<string>(starts.Count + 1);
        var from = 0;
        foreach (var start in starts)
        {
            pieces.Add(raw[from..start]);
            from = start;
        }
        pieces.Add(raw[from..]);
        return pieces;
    }

    // Whether raw[close] is the closing bracket of a responsibility annotation ((X负责,Y配合), （责任单位：…）).
    private static bool ClosesAnnotation(string raw, int close)
    {
        if (raw[close] is not ('）' or ')' or '〕')) return false;
        var open = raw.LastIndexOfAny(['（', '(', '〔'], close);
        return open >= 0 && close - open is > 2 and < 200 && ResponsibilityReader.ReadBracket(raw[(open + 1)..close]) is not null;
    }

    // 11.121人才梯队 is item 11 where item 10 came before it (or, for 1.120急救, where a 2 follows); 1.5倍 elsewhere is a number.
    private static List<DocumentLine> ResolveTentative(List<DocumentLine> lines)
    {
        var last = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Marker is not { Kind: MarkerKind.Arabic } m) continue;
            var continues = m.Number == last + 1 || m.Number == 1 && lines.Skip(i + 1).Take(60).Any(l => l.Marker is { Kind: MarkerKind.Arabic, Number: 2 });
            if (m.Tentative && !continues)
            {
                lines[i] = lines[i] with { Marker = null };
                continue;
            }
            last = m.Number;
        }
        return lines;
    }

    // The seeds come as published: markdown headings (## 一、), bold (**（一）…**), list dashes (- （一）),
    // full-width spaces and tabs as indentation. None of it is content.
    internal static string Clean(string raw)
    {
        var s = raw.Replace("**", "", StringComparison.Ordinal).Replace('\u00A0', ' ').Trim().Trim('\u3000', '\uFEFF').Trim();
        var start = 0;
        while (start < s.Length && s[start] is '#' or '>') start++;
        if (start < s.Length - 1 && s[start] is '-' or '*' or '•' or '·' && s[start + 1] is ' ' or '\u3000') start += 2;
        return start == 0 ? s : s[start..].Trim().Trim('\u3000').Trim();
    }

    private static string IndentOf(string raw)
    {
        var i = 0;
        while (i < raw.Length && raw[i] is ' ' or '\t' or '\u3000') i++;
        return raw[..i];
    }
}
