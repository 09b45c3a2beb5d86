using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace YiyangTasks.PlanImport;

/// <summary>Reads the text layer of a PDF into the plan parser's lines: letters grouped into lines by their baseline,
/// top to bottom and left to right; no spaces between Chinese characters; a wide gap (a table's columns) as a tab.
/// <see cref="PdfPageLayout"/> then drops the running headers and page numbers and rejoins wrapped paragraphs.</summary>
internal static class PdfTextReader
{
    public static PlanFileReading Read(byte[] bytes)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            var pages = pdf.GetPages().Select(page => new PdfPage(page.Number, page.Height, Lines(page))).ToList();
            if (pages.All(p => p.Lines.Count == 0))
                return Refuse("no-text-layer", "这个 PDF 没有文字层（可能是扫描件或图片），无法读取文字。请上传方案的 .docx，或先做文字识别（OCR）后再导出 PDF。");
            return new PlanFileReading(PlanFileFormat.Pdf, PdfPageLayout.Text(pages), null, null);
        }
        catch (PdfDocumentEncryptedException)
        {
            return Refuse("encrypted-pdf", "这个 PDF 已加密，无法读取。请上传未加密的 PDF 或方案的 .docx。");
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
        {
            return Refuse("unreadable-document", $"这个 PDF 已损坏或无法解析（{e.GetType().Name}）。请重新导出 PDF，或上传方案的 .docx。");
        }
    }

    private static PlanFileReading Refuse(string code, string detail) =>
        PlanFile.Refuse(PlanFileFormat.Pdf, PlanFileRefusalKind.Unreadable, code, detail);

    // Letters whose baselines lie within a third of their size share a line; a line's letters read left to right.
    // A ruled table's letters are read by cell first (PdfTableGrid), each row one line.
    internal static List<PdfLine> Lines(Page page)
    {
        var letters = page.Letters.Where(l => l.TextOrientation == TextOrientation.Horizontal && l.Value.Length > 0).ToList();
        var lines = PdfTableGrid.Find(page) is { } grid ? grid.TakeRows(letters, Line) : [];
        lines.AddRange(Group(letters).Select(Line));
        return lines.Where(l => l.Text.Length > 0).OrderByDescending(l => l.Baseline).ToList();
    }

    internal static List<List<Letter>> Group(IEnumerable<Letter> letters)
    {
        var rows = new List<List<Letter>>();
        foreach (var letter in letters.OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X))
        {
            var size = Size(letter);
            var row = rows.LastOrDefault(r => Math.Abs(r[0].StartBaseLine.Y - letter.StartBaseLine.Y) <= size * 0.35);
            if (row is null) rows.Add([letter]);
            else row.Add(letter);
        }
        return rows.Select(r => r.OrderBy(l => l.StartBaseLine.X).ToList()).ToList();
    }

    private static PdfLine Line(List<Letter> letters)
    {
        var text = new StringBuilder();
        Letter? previous = null;
        var spaced = false;
        foreach (var letter in letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value))
            {
                spaced = previous is not null;
                continue;
            }
            if (previous is not null)
            {
                var size = Math.Max(Size(previous), Size(letter));
                var gap = letter.StartBaseLine.X - previous.EndBaseLine.X;
                if (gap > size * 2) text.Append('\t');
                // Chinese is written without spaces; between Latin letters and digits a space is kept.
                else if ((spaced || gap > size * 0.2) && !(IsWide(text[^1]) && IsWide(Character(letter.Value)[0]))) text.Append(' ');
            }
            text.Append(Character(letter.Value));
            previous = letter;
            spaced = false;
        }
        var body = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        if (body.Count == 0) return new PdfLine("", 0, 0, 0, 0);
        return new PdfLine(text.ToString().Trim(), body[0].StartBaseLine.Y, body[0].StartBaseLine.X, body[^1].EndBaseLine.X,
            body.Select(Size).OrderBy(s => s).ElementAt(body.Count / 2));
    }

    // Radicals and compatibility ideographs that a font's glyph sharing put in the text layer are read as the ideograph.
    private static string Character(string value) => CjkRadicals.Unify(value).Normalize(NormalizationForm.FormC);

    private static double Size(Letter letter) => letter.PointSize > 0 ? letter.PointSize : Math.Max(letter.BoundingBox.Height, 1);

    /// <summary>A character of a script written without spaces (CJK ideographs, kana, full-width forms and punctuation).</summary>
    internal static bool IsWide(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFFEF'
            or '\u2014' or '\u2026' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u00B7';
}

/// <summary>One line of a PDF page: its text, baseline height, left and right ends, and its letters' usual size.</summary>
internal sealed record PdfLine(string Text, double Baseline, double Left, double Right, double Size);

/// <summary>A PDF page's lines, top to bottom.</summary>
internal sealed record PdfPage(int Number, double Height, IReadOnlyList<PdfLine> Lines);
