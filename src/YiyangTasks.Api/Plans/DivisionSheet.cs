using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using YiyangTasks.PlanImport;

namespace YiyangTasks.Api.Plans;

/// <summary>
/// The 分工表 a dry run answers on request: one row a task (序号, 工作任务, 牵头单位, 配合单位, 完成时限, 报送周期, 来源行, 提示),
/// units as the plan's document writes them, every warning on its task's row and the row filled, so the office
/// corrects it in Excel or WPS and posts it back to the import.
/// </summary>
public static class DivisionSheet
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] Headers = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限", "报送周期", "来源行", "提示"];
    private static readonly double[] Widths = [6, 60, 24, 32, 18, 10, 9, 48];

    // Style indexes of the stylesheet below.
    private const uint Plain = 0, Header = 1, Wrapped = 2, Flagged = 3, PlainText = 4, FlaggedText = 5;

    /// <summary>The workbook of a dry run's answer: the 分工表, and a 说明 sheet with the warnings no task row holds.</summary>
    public static byte[] Write(ImportResult result)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            AddSheet(workbook, "分工表", TaskSheet(result));
            // Warnings on no task's lines (the plan as a whole) go to the notes sheet.
            AddSheet(workbook, "说明", NotesSheet(result, result.Warnings.Where(w => !result.Tasks.Any(t => IsOn(w, t))).ToList()));
        }
        return stream.ToArray();
    }

    private static Worksheet TaskSheet(ImportResult result)
    {
        var data = new SheetData(Row(1, Headers.Select(h => ((object)h, Header))));
        uint at = 2;
        foreach (var task in result.Tasks)
        {
            var warnings = result.Warnings.Where(w => IsOn(w, task)).ToList();
            var flagged = warnings.Count > 0;
            var style = flagged ? Flagged : Wrapped;
            var row = Row(at++, [
                (task.Number, flagged ? Flagged : Plain),
                (task.Text, style),
                (string.Join("、", task.WrittenLeadUnits), style),
                (string.Join("、", task.WrittenCooperatingUnits), style),
                (task.DeadlineWords ?? task.RelativeDeadline ?? "", style),
                (ReportingCycles.Words(task.ReportingCycle), style),
                (task.Source.First == task.Source.Last ? $"{task.Source.First}" : $"{task.Source.First}-{task.Source.Last}", style),
                (string.Join("\n", warnings.Select(w => w.Message)), style),
            ]);
            data.Append(row);
        }
        var sheet = new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>(["A2"]) })
            { WorkbookViewId = 0 }),
            new Columns(Widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
            data,
            new AutoFilter { Reference = $"A1:H{at - 1}" });
        return sheet;
    }

    private static bool IsOn(ParseWarning warning, ImportedTask task) =>
        warning.Line is { } line && line >= task.Source.First && line <= task.Source.Last;

    private static Worksheet NotesSheet(ImportResult result, IReadOnlyList<ParseWarning> unplaced)
    {
        var data = new SheetData(Row(1, [("说明", Header)]));
        string[] lines =
        [
            $"方案：{result.Title ?? result.PlanId}（{result.PlanId}）",
            "改正“分工表”后，将本文件原样提交到 POST /api/plans/import（同一 planId）；已导入的方案将按修订记录，不会生成第二个方案。",
            "“来源行”和“提示”两列只供核对，导入时不读取；单位名称按原文书写，导入时对照单位名录。",
            .. unplaced.Select(w => w.Line is { } line ? $"第{line}行：{w.Message}" : w.Message),
        ];
        uint at = 2;
        foreach (var line in lines) data.Append(Row(at++, [(line, Wrapped)]));
        return new Worksheet(new Columns(new Column { Min = 1, Max = 1, Width = 120, CustomWidth = true }), data);
    }

    private static void AddSheet(WorkbookPart workbook, string name, Worksheet worksheet)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.Count() + 1, Name = name });
    }

    private static Row Row(uint index, IEnumerable<(object Value, uint Style)> cells)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var (value, style) in cells) row.Append(Cell($"{ColumnName(column++)}{index}", value, style));
        return row;
    }

    private static Cell Cell(string reference, object value, uint style)
    {
        if (value is int number)
            return new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number), StyleIndex = style };
        var text = XmlSafe((string)value);
        // Formula injection: a cell starting = + - @ is written as a string (never a formula) and marked quote-prefixed,
        // as a typed leading apostrophe would, so Excel and WPS keep it text even when the cell is edited.
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@') style = style == Flagged ? FlaggedText : PlainText;
        return new Cell
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
            StyleIndex = style,
        };
    }

    private static string ColumnName(int index) => ((char)('A' + index)).ToString();

    // Characters XML 1.0 cannot carry (control characters a PDF's text layer sometimes leaves) would make the file unreadable.
    private static string XmlSafe(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\n' or '\t')) ? new string(text.Where(c => !char.IsControl(c) || c is '\n' or '\t').ToArray()) : text;

    private static Stylesheet Styles()
    {
        static Fill Solid(string argb) => new(new PatternFill(new ForegroundColor { Rgb = argb }) { PatternType = PatternValues.Solid });
        static CellFormat Format(uint font, uint fill, bool wrap, bool quoted = false) =>
            new(new Alignment { WrapText = wrap, Vertical = VerticalAlignmentValues.Top })
            {
                FontId = font,
                FillId = fill,
                BorderId = 0,
                FormatId = 0,
                ApplyFont = font > 0,
                ApplyFill = fill > 0,
                ApplyAlignment = true,
                QuotePrefix = quoted ? true : null,
            };
        const string font = "等线";
        return new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = font }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = font })),
            // Fills 0 and 1 are reserved by the format (none, gray125); 2 is the header, 3 a row with warnings.
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("FFD9E1F2"),
                Solid("FFFFEB9C")),
            new Borders(new Border()),
            new CellStyleFormats(new CellFormat()),
            new CellFormats(
                Format(0, 0, wrap: false),              // Plain
                Format(1, 2, wrap: true),               // Header
                Format(0, 0, wrap: true),               // Wrapped
                Format(0, 3, wrap: true),               // Flagged
                Format(0, 0, wrap: true, quoted: true), // PlainText
                Format(0, 3, wrap: true, quoted: true)), // FlaggedText
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }
}
