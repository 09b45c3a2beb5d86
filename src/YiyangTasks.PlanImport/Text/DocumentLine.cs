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
            var raw = range.ToString();
            var cleaned = Clean(raw);
            lines.Add(new DocumentLine(number, raw, cleaned, IndentOf(raw), ItemMarker.Read(cleaned)));
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
