using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using YiyangTasks.PlanImport;

namespace YiyangTasks.Api.Plans;

/// <summary>
/// Reads a posted .xlsx (the 分工表 corrected in Excel or WPS, or any task table saved as a workbook): the first sheet's
/// rows as the cells a person sees, for the CSV reader to read as its own records.
/// </summary>
public static class DivisionSheetReader
{
    /// <summary>A sheet far beyond any plan's table: a compressed bomb stops here, not in memory.</summary>
    private const long MaxCharactersInPart = 20_000_000;
    private const int MaxRows = 5000;

    /// <summary>The rows of the workbook's first sheet, or why they could not be read.</summary>
    public sealed record Reading(IReadOnlyList<TableRecord>? Rows, string? Refusal);

    /// <summary>An .xlsx by its bytes: a ZIP archive holding xl/workbook.xml (a .docx is a ZIP too, holding word/document.xml).</summary>
    public static bool IsWorkbook(byte[] content)
    {
        if (content.Length < 4 || content[0] != 'P' || content[1] != 'K' || content[2] != 3 || content[3] != 4) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("xl/workbook.xml") is not null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false; // not a readable archive: the text decoder refuses it as binary
        }
    }

    public static Reading Read(byte[] content)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false,
                new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var workbook = document.WorkbookPart;
            var first = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || first?.Id?.Value is not { } id) return new(null, "工作簿中没有工作表。");
            if (workbook.GetPartById(id) is not WorksheetPart part) return new(null, $"第一个工作表“{first.Name}”不是普通工作表。");
            var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(Text).ToArray() ?? [];
            var formats = new CellFormats(workbook.WorkbookStylesPart?.Stylesheet);
            var rows = new List<TableRecord>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                if (rows.Count >= MaxRows) return new(null, $"工作表超过 {MaxRows} 行，不像一份方案的分工表。");
                var number = (int)(row.RowIndex?.Value ?? (uint)rows.Count + 1);
                var fields = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : fields.Count;
                    while (fields.Count < column) fields.Add("");
                    fields.Add(Value(cell, strings, formats));
                }
                rows.Add(new TableRecord(number, number, fields));
            }
            return new(rows, null);
        }
        // A hostile or damaged package may fail anywhere inside the SDK; whatever it throws, the answer is a refusal.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new(null, $"文件不是可读取的 .xlsx 工作簿（{e.GetType().Name}）。请在 Excel 或 WPS 中另存为 .xlsx 后重试。");
        }
    }

    private static string Value(Cell cell, string[] strings, CellFormats formats)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, out var i) && i >= 0 && i < strings.Length ? strings[i] : "";
        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? Text(inline) : "";
        if (type == CellValues.String) return raw;
        if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : "FALSE";
        if (type == CellValues.Error || raw.Length == 0) return "";
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw;
        // A deadline the office typed as a date is a number with a date format: read it as the date it shows.
        if (formats.IsDate(cell.StyleIndex?.Value ?? 0) && number is > 0 and < 2958466)
            return DateOnly.FromDateTime(DateTime.FromOADate(number)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return number.ToString(CultureInfo.InvariantCulture);
    }

    // A rich-text cell is several runs; phonetic guides (rPh) are not part of what the cell says.
    private static string Text(DocumentFormat.OpenXml.OpenXmlElement item) =>
        string.Concat(item.Descendants<Text>().Where(t => t.Parent is not PhoneticRun).Select(t => t.Text));

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter)) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return Math.Max(0, index - 1);
    }

    /// <summary>Which cell styles show dates: the built-in date formats, and custom formats that write a year, month or day.</summary>
    private sealed class CellFormats(Stylesheet? stylesheet)
    {
        private readonly uint[] _numberFormats = stylesheet?.CellFormats?.Elements<CellFormat>().Select(f => f.NumberFormatId?.Value ?? 0).ToArray() ?? [];
        private readonly Dictionary<uint, string> _custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];

        public bool IsDate(uint style)
        {
            if (style >= _numberFormats.Length) return false;
            var id = _numberFormats[style];
            // 14-22 and 45-47 everywhere; 27-36 and 50-58 are the date formats of Chinese-language Excel and WPS.
            if (id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58) return true;
            if (!_custom.TryGetValue(id, out var code)) return false;
            var bare = System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]", "");
            return bare.IndexOfAny(['y', 'd', '年', '日']) >= 0 || bare.Contains('m') && !bare.Contains('h') && !bare.Contains('s');
        }
    }
}
