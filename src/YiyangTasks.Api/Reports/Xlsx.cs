using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Reports;

/// <summary>A cell coloured by a traffic light (红黄绿灯).</summary>
public sealed record LightCell(Light Light, string Text);

/// <summary>
/// A report as one Excel sheet: a bold header row frozen above the data, set column widths, dates as dates,
/// light cells filled red, yellow or green, and text that Excel would run as a formula kept as text.
/// </summary>
public static class Xlsx
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static bool IsWanted(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains(MediaType, StringComparison.OrdinalIgnoreCase));

    // Style indexes of the stylesheet below.
    private const uint Plain = 0, Header = 1, Wrapped = 2, Date = 3, Red = 4, Yellow = 5, Green = 6, Quoted = 7, Percent = 8;

    public static IResult File(string fileName, string sheetName, IReadOnlyList<string> header, IReadOnlyList<double> widths,
        IEnumerable<IReadOnlyList<object?>> rows) =>
        Results.File(Write(sheetName, header, widths, rows), MediaType, fileName);

    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IReadOnlyList<double> widths, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var data = new SheetData(Row(1, header.Select(h => (object?)h), Header));
            uint at = 2;
            foreach (var row in rows) data.Append(Row(at++, row, Wrapped));
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(
                new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>(["A2"]) })
                { WorkbookViewId = 0 }),
                new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
                data);
            workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = sheetName });
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IEnumerable<object?> values, uint textStyle)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var value in values) row.Append(Cell($"{ColumnName(column++)}{index}", value, textStyle));
        return row;
    }

    private static Cell Cell(string reference, object? value, uint textStyle) => value switch
    {
        int or long or double => new Cell
        {
            CellReference = reference, DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
            StyleIndex = value is double ? Percent : Plain,
        },
        // A date is the serial number of the day (1900 date system) shown in a date format, so Excel sorts and filters it as a date.
        DateOnly day => new Cell
        {
            CellReference = reference, CellValue = new CellValue(day.ToDateTime(TimeOnly.MinValue).ToOADate()), StyleIndex = Date,
        },
        LightCell light => Text(reference, light.Text, light.Light switch { Light.Red => Red, Light.Yellow => Yellow, _ => Green }),
        null => new Cell { CellReference = reference },
        _ => Text(reference, value.ToString() ?? "", textStyle),
    };

    private static Cell Text(string reference, string value, uint style)
    {
        var text = XmlSafe(value);
        // Formula injection: a cell starting = + - @ is a string, never a formula, and marked quote-prefixed as a typed
        // leading apostrophe would be, so Excel and WPS keep it text even when the cell is edited.
        if (Csv.LooksLikeFormula(text)) style = Quoted;
        return new Cell
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
            StyleIndex = style,
        };
    }

    private static string ColumnName(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + index / 26 - 1)}{(char)('A' + index % 26)}";

    private static string XmlSafe(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\n' or '\t')) ? new string(text.Where(c => !char.IsControl(c) || c is '\n' or '\t').ToArray()) : text;

    private static Stylesheet Styles()
    {
        static Fill Solid(string argb) => new(new PatternFill(new ForegroundColor { Rgb = argb }) { PatternType = PatternValues.Solid });
        static CellFormat Format(uint font = 0, uint fill = 0, bool wrap = true, uint numberFormat = 0, bool quoted = false) =>
            new(new Alignment { WrapText = wrap, Vertical = VerticalAlignmentValues.Top })
            {
                FontId = font, FillId = fill, BorderId = 0, FormatId = 0, NumberFormatId = numberFormat,
                ApplyFont = font > 0, ApplyFill = fill > 0, ApplyNumberFormat = numberFormat > 0, ApplyAlignment = true,
                QuotePrefix = quoted ? true : null,
            };
        const string font = "等线";
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" }) { Count = 1 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = font }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = font })),
            // Fills 0 and 1 are reserved by the format (none, gray125); then header, red, yellow, green.
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("FFD9E1F2"), Solid("FFFFC7CE"), Solid("FFFFEB9C"), Solid("FFC6EFCE")),
            new Borders(new Border()),
            new CellStyleFormats(new CellFormat()),
            new CellFormats(
                Format(wrap: false),          // Plain
                Format(font: 1, fill: 2),     // Header
                Format(),                     // Wrapped
                Format(numberFormat: 164),    // Date
                Format(fill: 3),              // Red
                Format(fill: 4),              // Yellow
                Format(fill: 5),              // Green
                Format(quoted: true),         // Quoted
                Format(wrap: false, numberFormat: 2)), // Percent (0.00)
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }
}
