using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace YiyangTasks.Api.Dossier;

/// <summary>Writes an accountability file as a Word document ready to print (A4, 宋体, headings and bordered tables).</summary>
public static class DossierDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(string title, IReadOnlyList<string> preface, IEnumerable<(string? Part, IReadOnlyList<DossierSection> Sections)> parts)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(title, size: 36, bold: true, center: true));
            foreach (var line in preface) body.Append(Paragraph(line, center: true));
            foreach (var (part, sections) in parts)
            {
                if (part is not null) body.Append(Paragraph(part, size: 30, bold: true));
                foreach (var section in sections)
                {
                    body.Append(Paragraph(section.Heading, size: 28, bold: true));
                    foreach (var line in section.Lines) body.Append(Paragraph(line));
                    if (section.Table is { Count: > 0 } rows) body.Append(Table(rows));
                }
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1440U, Right = 1440U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, int size = 24, bool bold = false, bool center = false)
    {
        var properties = new RunProperties(new RunFonts { Ascii = "SimSun", HighAnsi = "SimSun", EastAsia = "宋体" }, new FontSize { Val = size.ToString() });
        if (bold) properties.Append(new Bold());
        var paragraph = new Paragraph();
        if (center) paragraph.Append(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        paragraph.Append(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static Table Table(IReadOnlyList<string[]> rows)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        for (var i = 0; i < rows.Count; i++)
            table.Append(new TableRow(rows[i].Select(cell => new TableCell(Paragraph(cell, size: 21, bold: i == 0)))));
        return table;
    }
}
