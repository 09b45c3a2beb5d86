using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace YiyangTasks.PlanImport.Tests.Formats;

/// <summary>A .docx written in the test with the Open XML SDK as Word writes one: paragraphs, automatic list numbering
/// (w:numPr), real tables with merged cells. Shared with the API tests.</summary>
public sealed class WordFile
{
    private readonly List<OpenXmlElement> blocks = [];
    private readonly List<AbstractNum> lists = [];
    private readonly List<NumberingInstance> instances = [];

    /// <summary>A list definition, one (numFmt, lvlText) per level, e.g. ("chineseCounting", "（%1）"); answers its numId.</summary>
    public int List(params (string Format, string Text)[] levels)
    {
        var id = lists.Count + 1;
        var definition = new AbstractNum { AbstractNumberId = id };
        for (var i = 0; i < levels.Length; i++)
            definition.Append(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = new EnumValue<NumberFormatValues>(new NumberFormatValues(levels[i].Format)) },
                new LevelText { Val = levels[i].Text })
            { LevelIndex = i });
        lists.Add(definition);
        instances.Add(new NumberingInstance(new AbstractNumId { Val = id }) { NumberID = id });
        return id;
    }

    /// <summary>A list instance that shares a definition's counters but restarts a level at <paramref name="start"/>.</summary>
    public int Restart(int numId, int level, int start)
    {
        var id = instances.Count + 1;
        instances.Add(new NumberingInstance(new AbstractNumId { Val = instances[numId - 1].AbstractNumId!.Val },
            new LevelOverride(new StartOverrideNumberingValue { Val = start }) { LevelIndex = level })
        { NumberID = id });
        return id;
    }

    public WordFile Paragraph(string text, int? numId = null, int level = 0)
    {
        blocks.Add(NewParagraph(text, numId, level));
        return this;
    }

    /// <summary>A table; a cell's '\n' starts a new paragraph in the cell; "^" is a cell merged down from the one above;
    /// "&lt;" widens the cell to its left by a column; a number column can be numbered by Word (numberedColumn).</summary>
    public WordFile Table(IEnumerable<string[]> rows, int? numberedColumnList = null)
    {
        var table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single }, new BottomBorder { Val = BorderValues.Single },
            new InsideHorizontalBorder { Val = BorderValues.Single }, new InsideVerticalBorder { Val = BorderValues.Single })));
        var first = true;
        foreach (var row in rows)
        {
            var tableRow = new TableRow();
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] == "<") continue;
                var properties = new TableCellProperties();
                var span = 1;
                while (c + span < row.Length && row[c + span] == "<") span++;
                if (span > 1) properties.Append(new GridSpan { Val = span });
                var cell = new TableCell(properties);
                if (row[c] == "^") properties.Append(new VerticalMerge());
                if (row[c] == "^") cell.Append(new Paragraph());
                else if (c == 0 && !first && numberedColumnList is { } list) cell.Append(NewParagraph("", list, 0));
                else foreach (var part in row[c].Split('\n')) cell.Append(NewParagraph(part, null, 0));
                tableRow.Append(cell);
            }
            table.Append(tableRow);
            first = false;
        }
        MarkMergeStarts(table);
        blocks.Add(table);
        return this;
    }

    // A cell whose next row's cell in the same column is "^" starts the merge (w:vMerge w:val="restart").
    private static void MarkMergeStarts(Table table)
    {
        var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().ToList()).ToList();
        for (var r = 0; r + 1 < rows.Count; r++)
            for (var c = 0; c < rows[r].Count && c < rows[r + 1].Count; c++)
                if (rows[r + 1][c].TableCellProperties?.VerticalMerge is not null && rows[r][c].TableCellProperties!.VerticalMerge is null)
                    rows[r][c].TableCellProperties!.Append(new VerticalMerge { Val = MergedCellValues.Restart });
    }

    private static Paragraph NewParagraph(string text, int? numId, int level)
    {
        var paragraph = new Paragraph();
        if (numId is { } id)
            paragraph.Append(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = id })));
        if (text.Length > 0) paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(blocks.Select(b => b.CloneNode(true))));
            if (lists.Count > 0)
            {
                var numbering = main.AddNewPart<NumberingDefinitionsPart>();
                numbering.Numbering = new Numbering(lists.Select(l => l.CloneNode(true)).Concat(instances.Select(i => i.CloneNode(true))));
            }
        }
        return stream.ToArray();
    }
}
