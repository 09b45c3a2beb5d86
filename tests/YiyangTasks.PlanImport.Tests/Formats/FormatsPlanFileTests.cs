using System.IO.Compression;
using System.Text;

namespace YiyangTasks.PlanImport.Tests.Formats;

/// <summary>Uploaded files told apart by their bytes, with names and content types as hints; what cannot be read is
/// refused with a reason in Chinese that says what to do.</summary>
public class FormatsPlanFileTests
{
    private const string Plan = "1、建立医养结合工作机制。（责任单位：县卫健委、县民政局）";

    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 0, 0, 0, 0];

    [Theory]
    [InlineData("方案.doc", "application/msword")]
    [InlineData("方案.wps", "application/octet-stream")]
    [InlineData(null, null)]
    public void A_doc_or_WPS_binary_is_refused_with_save_as_docx(string? name, string? type)
    {
        var file = PlanFile.Read(Ole2, name, type);

        Assert.Null(file.Text);
        Assert.Equal(PlanFileRefusalKind.Unsupported, file.Refusal!.Kind);
        Assert.Equal("legacy-office-document", file.Refusal.Code);
        Assert.Contains("另存为", file.Refusal.Detail);
        Assert.Contains(".docx", file.Refusal.Detail);
    }

    [Fact]
    public void A_body_declared_as_msword_is_refused_even_when_its_bytes_are_text()
    {
        Assert.Equal("legacy-office-document", PlanFile.Read(Encoding.UTF8.GetBytes(Plan), null, "application/msword").Refusal!.Code);
    }

    [Fact]
    public void Text_and_csv_are_told_apart_by_name_or_type_and_decoded()
    {
        var text = PlanFile.Read(Encoding.UTF8.GetBytes(Plan), "plan.txt", "text/plain");
        var csv = PlanFile.Read(Encoding.UTF8.GetBytes("序号,工作任务,牵头单位\n1,建立机制,县卫健委\n"), "分工表.csv", "application/vnd.ms-excel");

        Assert.Equal((PlanFileFormat.Text, "utf-8"), (text.Format, text.Encoding));
        Assert.Equal(["县卫健委", "县民政局"], text.Parse().Tasks.Single().LeadUnits);
        Assert.Equal(PlanFileFormat.Csv, csv.Format);
        Assert.Equal(["县卫健委"], csv.Parse().Tasks.Single().LeadUnits);
    }

    [Fact]
    public void A_docx_is_read_by_its_content_whatever_its_name_says()
    {
        var docx = new WordFile().Paragraph(Plan).ToBytes();

        var file = PlanFile.Read(docx, "方案.doc", "application/msword");

        Assert.Equal(PlanFileFormat.Word, file.Format);
        Assert.Equal(Plan + "\n", file.Text);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, "image-document")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, 0x02, 0x00 }, "unreadable-document")]
    public void An_image_or_a_broken_zip_is_refused_as_unsupported(byte[] bytes, string code)
    {
        var file = PlanFile.Read(bytes, null, "application/octet-stream");

        Assert.Equal(PlanFileRefusalKind.Unsupported, file.Refusal!.Kind);
        Assert.Equal(code, file.Refusal.Code);
    }

    [Fact]
    public void An_empty_file_and_an_unknown_media_type_are_refused()
    {
        Assert.Equal(PlanFileRefusalKind.Empty, PlanFile.Read([]).Refusal!.Kind);
        var json = PlanFile.Read(Encoding.UTF8.GetBytes(Plan), null, "application/json");
        Assert.Equal(PlanFileRefusalKind.Unsupported, json.Refusal!.Kind);
        Assert.Contains("application/json", json.Refusal.Detail);
    }

    [Fact]
    public void A_zip_that_is_no_Word_document_is_refused_and_a_workbook_says_what_to_send()
    {
        static byte[] Zip(string entry)
        {
            using var stream = new MemoryStream();
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, true))
            using (var writer = new StreamWriter(zip.CreateEntry(entry).Open())) writer.Write("<x/>");
            return stream.ToArray();
        }

        Assert.Contains("ZIP", PlanFile.Read(Zip("plan.txt")).Refusal!.Detail);
        Assert.Contains(".xlsx", PlanFile.Read(Zip("xl/workbook.xml")).Refusal!.Detail);
        var broken = PlanFile.Read(Zip("word/document.xml"));
        Assert.Equal(PlanFileRefusalKind.Unreadable, broken.Refusal!.Kind);
        Assert.Contains(".docx", broken.Refusal.Detail);
    }
}
