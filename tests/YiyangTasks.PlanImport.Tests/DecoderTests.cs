using System.Text;

namespace YiyangTasks.PlanImport.Tests;

/// <summary>Uploaded plan files decoded to text, or refused with a reason.</summary>
public class DecoderTests
{
    private const string Plan = "1、建立医养结合工作机制。（责任单位：县卫健委、县民政局）";

    [Fact]
    public void UTF8_with_a_BOM_decodes_without_the_BOM()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(Plan)).ToArray();

        var decoded = PlanDocumentDecoder.Decode(bytes);

        Assert.Equal(Plan, decoded.Text);
        Assert.Equal("utf-8", decoded.Encoding);
        Assert.Null(decoded.Refusal);
    }

    [Fact]
    public void UTF8_without_a_BOM_decodes()
    {
        Assert.Equal(Plan, PlanDocumentDecoder.Decode(Encoding.UTF8.GetBytes(Plan)).Text);
    }

    [Fact]
    public void UTF16_with_a_BOM_decodes()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Plan)).ToArray();

        var decoded = PlanDocumentDecoder.Decode(bytes);

        Assert.Equal(Plan, decoded.Text);
        Assert.Equal("utf-16le", decoded.Encoding);
    }

    [Fact]
    public void GB18030_bytes_are_detected_and_decoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(Plan);

        var decoded = PlanDocumentDecoder.Decode(bytes);

        Assert.Equal(Plan, decoded.Text);
        Assert.Equal("gb18030", decoded.Encoding);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var decoded = PlanDocumentDecoder.Decode([]);

        Assert.Null(decoded.Text);
        Assert.Contains("空", decoded.Refusal);
    }

    [Fact]
    public void A_binary_file_is_refused()
    {
        byte[] docx = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00];

        var decoded = PlanDocumentDecoder.Decode(docx);

        Assert.Null(decoded.Text);
        Assert.Contains("二进制", decoded.Refusal);
    }

    [Fact]
    public void Bytes_mostly_of_control_characters_are_refused()
    {
        var bytes = Enumerable.Range(0, 200).Select(i => (byte)(1 + i % 8)).ToArray();

        Assert.NotNull(PlanDocumentDecoder.Decode(bytes).Refusal);
    }

    [Fact]
    public void Bytes_that_are_no_text_in_any_supported_encoding_are_refused()
    {
        var random = new Random(7);
        var bytes = new byte[512];
        random.NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)(bytes[i] | 0x80); // no NULs, no ASCII

        var decoded = PlanDocumentDecoder.Decode(bytes);

        Assert.Null(decoded.Text);
        Assert.NotNull(decoded.Refusal);
    }
}
