using System.IO.Compression;

namespace YiyangTasks.PlanImport;

/// <summary>The formats a plan arrives in, as its bytes show them.</summary>
public enum PlanFileFormat
{
    /// <summary>Plain text: UTF-8, UTF-16 or GB18030.</summary>
    Text,
    /// <summary>The structured task table as CSV (序号,工作任务,牵头单位,配合单位,完成时限).</summary>
    Csv,
    /// <summary>A Word document (.docx, also as saved by WPS).</summary>
    Word,
    /// <summary>A PDF with a text layer.</summary>
    Pdf,
}

/// <summary>Why a file is not read: it is empty; it is of a format we do not read (.doc/.wps binaries, images);
/// or it is of a format we read but damaged, encrypted or without text.</summary>
public enum PlanFileRefusalKind
{
    Empty,
    Unsupported,
    Unreadable,
}

/// <summary>A refusal of an uploaded file, with a stable code and a Chinese detail the office can act on.</summary>
public sealed record PlanFileRefusal(PlanFileRefusalKind Kind, string Code, string Detail);

/// <summary>An uploaded plan file as read: its format and the text the parser reads (the document's lines, or the CSV),
/// with the encoding when it came as text; or why it could not be read.</summary>
public sealed record PlanFileReading(PlanFileFormat Format, string? Text, string? Encoding, PlanFileRefusal? Refusal)
{
    /// <summary>The plan the text states; CSV is read as the task table, every other format as a published document.</summary>
    public ParsedPlan Parse() => Text is null
        ? PlanDocumentParser.Empty(new ParseWarning(null, ParseWarningCodes.NoTaskList, Refusal?.Detail ?? "文件未能读取"))
        : Format == PlanFileFormat.Csv ? PlanCsvReader.Read(Text) : PlanDocumentParser.Parse(Text);
}

/// <summary>Reads an uploaded plan file whatever it is: the bytes decide the format (ZIP with word/document.xml is
/// .docx, %PDF- is PDF, OLE2 is a .doc/.wps/.xls binary, the rest is text); the file name and content type are hints
/// (.csv, text/csv) and refuse what an office should save in another format. The one place formats are told apart.</summary>
public static class PlanFile
{
    public const string WordContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string PdfContentType = "application/pdf";

    private const string SaveAsDocx = "请用 Word 或 WPS 打开后“另存为” .docx 格式（或导出为带文字的 PDF）再上传。";

    public static PlanFileReading Read(byte[] bytes, string? fileName = null, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0) return Refuse(PlanFileFormat.Text, PlanFileRefusalKind.Empty, "empty-document", "文件是空的，没有可读取的内容。");
        var span = bytes.AsSpan();
        if (span.StartsWith("PK\x03\x04"u8)) return ReadZip(bytes);
        if (span.StartsWith("%PDF-"u8) || span[..Math.Min(span.Length, 1024)].IndexOf("%PDF-"u8) >= 0) return PdfTextReader.Read(bytes);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            return Refuse(PlanFileFormat.Word, PlanFileRefusalKind.Unsupported, "legacy-office-document",
                $"这是旧版 Word/WPS 文档（.doc/.wps）或 Excel 工作簿（.xls）的二进制格式，无法读取。{SaveAsDocx}");
        if (span.StartsWith("{\\rtf"u8))
            return Refuse(PlanFileFormat.Word, PlanFileRefusalKind.Unsupported, "rtf-document", $"这是 RTF 格式的文档，无法可靠读取。{SaveAsDocx}");
        if (ImageKind(span) is { } image)
            return Refuse(PlanFileFormat.Text, PlanFileRefusalKind.Unsupported, "image-document",
                $"这是一张 {image} 图片，没有可读取的文字。请上传方案的 .docx、带文字的 PDF 或文本文件。");
        if (DeclaredLegacyOffice(fileName, contentType) is { } declared)
            return Refuse(PlanFileFormat.Word, PlanFileRefusalKind.Unsupported, "legacy-office-document",
                $"文件声明为 {declared}，这种格式无法读取。{SaveAsDocx}");
        if (!IsTextType(contentType, fileName))
            return Refuse(PlanFileFormat.Text, PlanFileRefusalKind.Unsupported, "unsupported-media-type",
                $"不支持的文件类型“{contentType}”：请上传 .docx、带文字的 PDF、文本（UTF-8 或 GB18030）或 CSV 文件。");
        return ReadText(bytes, IsCsv(fileName, contentType) ? PlanFileFormat.Csv : PlanFileFormat.Text);
    }

    private static PlanFileReading ReadZip(byte[] bytes)
    {
        string[] names;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            names = zip.Entries.Select(e => e.FullName).ToArray();
        }
        catch (InvalidDataException)
        {
            return Refuse(PlanFileFormat.Word, PlanFileRefusalKind.Unsupported, "unreadable-document",
                "文件以 ZIP 开头但已损坏或不完整，无法识别为 .docx 文档。请重新保存或重新上传。");
        }
        if (names.Contains("word/document.xml", StringComparer.OrdinalIgnoreCase)) return WordDocumentReader.Read(bytes);
        // The host's importer reads the .xlsx 分工表 before it asks here; any other workbook is not a plan.
        if (names.Contains("xl/workbook.xml", StringComparer.OrdinalIgnoreCase))
            return Refuse(PlanFileFormat.Text, PlanFileRefusalKind.Unsupported, "unsupported-media-type",
                "这是 Excel 工作簿（.xlsx），暂不能作为方案导入。请另存为 CSV（UTF-8）或上传方案的 .docx。");
        return Refuse(PlanFileFormat.Text, PlanFileRefusalKind.Unsupported, "unsupported-media-type",
            "这是一个 ZIP 压缩包，不是 .docx 文档。请解压后上传方案文件本身。");
    }

    private static PlanFileReading ReadText(byte[] bytes, PlanFileFormat format)
    {
        var decoded = PlanDocumentDecoder.Decode(bytes);
        return decoded.Text is null
            ? Refuse(format, PlanFileRefusalKind.Unsupported, "unreadable-document", $"文件无法作为文本读取：{decoded.Refusal}。请上传 .docx、带文字的 PDF 或 UTF-8/GB18030 文本。")
            : new PlanFileReading(format, decoded.Text, decoded.Encoding, null);
    }

    internal static PlanFileReading Refuse(PlanFileFormat format, PlanFileRefusalKind kind, string code, string detail) =>
        new(format, null, null, new PlanFileRefusal(kind, code, detail));

    private static string? ImageKind(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']) ? "PNG"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "JPEG"
        : bytes.StartsWith("GIF8"u8) ? "GIF"
        : bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8) ? "TIFF"
        : null;

    private static readonly string[] LegacyExtensions = [".doc", ".wps", ".xls", ".et", ".dps", ".ppt", ".rtf"];

    private static readonly string[] LegacyTypes =
        ["application/msword", "application/vnd.ms-word", "application/vnd.ms-works", "application/kswps", "application/wps-office", "application/rtf", "text/rtf"];

    private static string? DeclaredLegacyOffice(string? fileName, string? contentType)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (LegacyExtensions.Contains(extension)) return extension;
        var type = MediaType(contentType);
        // Browsers on Windows label .csv files application/vnd.ms-excel: the name says which it is.
        if (type == "application/vnd.ms-excel" && extension != ".csv") return type;
        return LegacyTypes.FirstOrDefault(t => type.StartsWith(t, StringComparison.Ordinal));
    }

    private static readonly string[] TextTypes =
        ["text/", "application/octet-stream", "application/csv", "application/vnd.ms-excel", WordContentType, PdfContentType, "application/zip", "application/x-zip-compressed"];

    // A body with no content type, or a file whose type the browser did not know, is judged by its bytes.
    private static bool IsTextType(string? contentType, string? fileName)
    {
        var type = MediaType(contentType);
        return type.Length == 0 || fileName is not null && type == "application/x-unknown" || TextTypes.Any(t => type.StartsWith(t, StringComparison.Ordinal));
    }

    private static bool IsCsv(string? fileName, string? contentType) =>
        Path.GetExtension(fileName ?? "").Equals(".csv", StringComparison.OrdinalIgnoreCase)
        || MediaType(contentType) is "text/csv" or "application/csv";

    private static string MediaType(string? contentType) => (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
}
