using System.Text.RegularExpressions;

namespace YiyangTasks.PlanImport;

/// <summary>Turns a PDF's page lines into a plan's text: drops what the page adds (running headers and footers that
/// repeat from page to page, page numbers such as "- 3 -" or "第3页 共5页") and rejoins each paragraph that the page
/// width wrapped, across a page break too, so that an item reads as the one line it was written as.</summary>
internal static partial class PdfPageLayout
{
    /// <summary>Headers and footers sit in the top and bottom eighth of a page, within its first or last two lines.</summary>
    private const double MarginZone = 0.125;

    public static string Text(IReadOnlyList<PdfPage> pages)
    {
        var body = WithoutRunningLines(pages);
        var all = body.SelectMany(p => p).ToList();
        if (all.Count == 0) return "";
        // The text column: where most lines start, and how far the longest lines reach.
        var left = all.GroupBy(l => Math.Round(l.Left)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var right = all.Select(l => l.Right).OrderBy(r => r).ElementAt((int)(all.Count * 0.95));

        var text = new List<string>();
        PdfLine? previous = null;
        foreach (var page in body)
        {
            for (var i = 0; i < page.Count; i++)
            {
                var line = page[i];
                var lineGap = i > 0 ? page[i - 1].Baseline - line.Baseline : line.Size * 1.6;
                if (previous is not null && Continues(previous, line, lineGap, left, right))
                    text[^1] += (char.IsAsciiLetterOrDigit(text[^1][^1]) && char.IsAsciiLetterOrDigit(line.Text[0]) ? " " : "") + line.Text;
                // A table row the page break cut: its cells go on at the top of the next page with the number cell empty.
                else if (i == 0 && text.Count > 0 && line.Text.StartsWith('\t') && text[^1].Contains('\t'))
                    text[^1] = MergeCells(text[^1], line.Text);
                else text.Add(line.Text);
                previous = line;
            }
        }
        return string.Join('\n', text) + "\n";
    }

    private static string MergeCells(string row, string rest)
    {
        var cells = row.Split('\t').ToList();
        var more = rest.Split('\t');
        for (var c = 0; c < more.Length; c++)
        {
            if (c < cells.Count) cells[c] += more[c];
            else cells.Add(more[c]);
        }
        return string.Join('\t', cells);
    }

    // A line that reaches the right edge goes on in the next line when that one starts at the left edge (a new
    // paragraph is indented), has the same size (a heading does not), and is no new item after a finished sentence.
    private static bool Continues(PdfLine line, PdfLine next, double lineGap, double left, double right)
    {
        if (line.Text.Contains('\t') || next.Text.Contains('\t')) return false;
        if (line.Right < right - line.Size * 1.5) return false;
        if (next.Left > left + next.Size * 0.5) return false;
        if (Math.Abs(line.Size - next.Size) > 0.5) return false;
        if (lineGap > next.Size * 2.5) return false;
        var finished = "。；;：:！!？?）)".Contains(line.Text[^1]);
        return !(finished && ItemMarker.Read(next.Text) is not null);
    }

    private static List<List<PdfLine>> WithoutRunningLines(IReadOnlyList<PdfPage> pages)
    {
        var candidates = pages.SelectMany(p => Margins(p).Select(l => Normalised(l.Text))).ToList();
        var repeated = candidates.GroupBy(c => c).Where(g => g.Count() >= 2 && (pages.Count <= 3 || g.Count() * 3 >= pages.Count))
            .Select(g => g.Key).ToHashSet();
        return pages.Select(p =>
        {
            var running = Margins(p).Where(l => repeated.Contains(Normalised(l.Text)) || PageNumber().IsMatch(l.Text)).ToHashSet();
            return p.Lines.Where(l => !running.Contains(l)).ToList();
        }).ToList();
    }

    private static IEnumerable<PdfLine> Margins(PdfPage page)
    {
        var lines = page.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var top = i < 2 && lines[i].Baseline > page.Height * (1 - MarginZone);
            var bottom = i >= lines.Count - 2 && lines[i].Baseline < page.Height * MarginZone;
            if (top || bottom) yield return lines[i];
        }
    }

    // Page numbers change from page to page; the rest of a running line does not.
    private static string Normalised(string text) => Digits().Replace(text.Replace(" ", "").Replace("\t", ""), "#");

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    // "3", "- 3 -", "— 3 —", "第 3 页", "第3页 共5页", "3/5", "Page 3 of 5".
    [GeneratedRegex(@"^[\s\-—–_·•]*(第\s*\d+\s*页(\s*[，,/]?\s*共\s*\d+\s*页)?|\d+(\s*[/／]\s*\d+)?|Page\s+\d+(\s+of\s+\d+)?)[\s\-—–_·•]*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
