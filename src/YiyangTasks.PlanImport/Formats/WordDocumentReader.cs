using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace YiyangTasks.PlanImport;

/// <summary>Reads a Word document (.docx) into the text the plan parser reads: each paragraph a line, its automatic
/// numbering written as its marker (（一）…); each table row a line of cells split by tabs (序号\t工作任务\t负责单位),
/// the layout <see cref="TextTableReader"/> reads as a table.</summary>
internal static class WordDocumentReader
{
    // A plan's document.xml is well under a megabyte; this bounds what a hostile archive can unpack.
    private const long MaxUnpackedBytes = 64L * 1024 * 1024;

    public static PlanFileReading Read(byte[] bytes)
    {
        try
        {
            if (UnpackedSize(bytes) > MaxUnpackedBytes)
                return Refuse("docx-too-large", "这个 .docx 解压后过大，不像一份方案文件。");
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false,
                new OpenSettings { MaxCharactersInPart = MaxUnpackedBytes / 2 });
            if (document.MainDocumentPart is not { Document.Body: { } body } main)
                return Refuse("unreadable-document", "这个 .docx 没有正文。");
            var text = new Writer(new WordNumbering(main));
            text.Blocks(body);
            var result = text.ToString();
            return result.All(char.IsWhiteSpace)
                ? Refuse("empty-document", "这个 .docx 里没有文字。")
                : new PlanFileReading(PlanFileFormat.Word, result, null, null);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException
                                      or InvalidOperationException or ArgumentException)
        {
            return Refuse("unreadable-document", $"这个 .docx 已损坏或不完整，无法读取（{e.GetType().Name}）。请在 Word 或 WPS 中打开后重新保存再上传。");
        }
    }

    private static long UnpackedSize(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        return zip.Entries.Sum(e => e.Length);
    }

    private static PlanFileReading Refuse(string code, string detail) =>
        PlanFile.Refuse(PlanFileFormat.Word, PlanFileRefusalKind.Unreadable, code, detail);

    private sealed class Writer(WordNumbering numbering)
    {
        private readonly StringBuilder text = new();

        public override string ToString() => text.ToString();

        /// <summary>The body's paragraphs and tables in order, looking inside content controls (w:sdt) and custom XML.</summary>
        public void Blocks(OpenXmlElement container)
        {
            foreach (var element in container.ChildElements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        Line(Paragraph(paragraph, inCell: false));
                        break;
                    case Table table:
                        Table(table);
                        break;
                    case SectionProperties or ParagraphProperties:
                        break;
                    default:
                        if (element.HasChildren) Blocks(element);
                        break;
                }
            }
        }

        private void Line(string line) => text.Append(line).Append('\n');

        private void Table(Table table)
        {
            // A cell merged down from the row above (w:vMerge) repeats that cell's text: the units written once
            // for several rows are the units of each.
            var above = new Dictionary<int, string>();
            foreach (var row in table.Descendants<TableRow>().Where(r => r.Ancestors<Table>().First() == table))
            {
                var cells = new List<string>();
                var column = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
                for (var i = 0; i < column; i++) cells.Add("");
                foreach (var cell in row.Descendants<TableCell>().Where(c => c.Ancestors<TableRow>().First() == row))
                {
                    var properties = cell.TableCellProperties;
                    var merge = properties?.VerticalMerge;
                    var content = merge is not null && merge.Val?.Value != MergedCellValues.Restart
                        ? above.GetValueOrDefault(column, "")
                        : Cell(cell);
                    above[column] = content;
                    cells.Add(content);
                    // A cell spanning columns keeps the cells after it under their headers.
                    var span = Math.Max(1, properties?.GridSpan?.Val?.Value ?? 1);
                    for (var i = 1; i < span; i++) cells.Add("");
                    column += span;
                }
                while (cells.Count > 0 && cells[^1].Length == 0) cells.RemoveAt(cells.Count - 1);
                Line(string.Join('\t', cells));
            }
        }

        // A cell's paragraphs make one line: a paragraph that ends without punctuation (a unit per paragraph,
        // 牵头单位：… then 配合单位：…) is set apart by '；', which the unit lists and labels read as a separator.
        private string Cell(TableCell cell)
        {
            var joined = new StringBuilder();
            foreach (var paragraph in cell.Descendants<Paragraph>())
            {
                var part = Paragraph(paragraph, inCell: true).Replace('\n', ' ').Replace('\t', ' ').Trim();
                if (part.Length == 0) continue;
                if (joined.Length > 0 && !"。；;，,、：:）)".Contains(joined[^1])) joined.Append('；');
                joined.Append(part);
            }
            return joined.ToString();
        }

        private string Paragraph(Paragraph paragraph, bool inCell)
        {
            var line = new StringBuilder();
            Runs(paragraph, line);
            var body = line.ToString().TrimStart(' ', '\t', '\u3000');
            if (numbering.Next(paragraph) is not { } marker || marker.Length == 0) return body;
            // Word shows a bare "1" or "一" followed by a tab; the parser reads an item by its punctuation.
            if (!inCell && marker.All(char.IsLetterOrDigit)) marker += char.IsAsciiDigit(marker[^1]) ? "." : "、";
            return marker + body;
        }

        private static void Runs(OpenXmlElement element, StringBuilder line)
        {
            foreach (var child in element.ChildElements)
            {
                switch (child)
                {
                    case Text t:
                        line.Append(t.Text);
                        break;
                    case TabChar:
                        line.Append('\t');
                        break;
                    case Break or CarriageReturn:
                        line.Append('\n');
                        break;
                    case NoBreakHyphen:
                        line.Append('-');
                        break;
                    // Deleted text, field codes ({ PAGE }), hidden text, the fallback copy of a drawing, and text
                    // boxes floating beside the text are not what the paragraph says.
                    case DeletedText or FieldCode or DeletedFieldCode or Deleted or DeletedRun or MoveFromRun
                        or ParagraphProperties or RunProperties or AlternateContentFallback or Drawing or Picture or EmbeddedObject:
                        break;
                    case Run run when run.RunProperties?.Vanish is { } vanish && vanish.Val?.Value != false:
                        break;
                    case DocumentFormat.OpenXml.Wordprocessing.Paragraph or DocumentFormat.OpenXml.Wordprocessing.Table:
                        break;
                    default:
                        if (child.HasChildren) Runs(child, line);
                        break;
                }
            }
        }
    }
}
