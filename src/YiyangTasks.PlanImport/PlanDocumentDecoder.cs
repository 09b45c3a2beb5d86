using System.Text;

namespace YiyangTasks.PlanImport;

/// <summary>The text of a document, the encoding it was read in, or why it could not be read.</summary>
public sealed record DecodedDocument(string? Text, string? Encoding, string? Refusal);

/// <summary>
/// Reads a document's bytes as text: UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030, which
/// many government documents still use. Refuses what is empty, binary or in no encoding we can read.
/// </summary>
public static class PlanDocumentDecoder
{
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    public static DecodedDocument Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return Refuse("The document is empty.");
        if (bytes.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) return Checked(bytes[3..], new UTF8Encoding(false, true), "utf-8");
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE })) return Checked(bytes[2..], new UnicodeEncoding(false, false, true), "utf-16le");
        if (bytes.StartsWith(new byte[] { 0xFE, 0xFF })) return Checked(bytes[2..], new UnicodeEncoding(true, false, true), "utf-16be");
        if (bytes.IndexOf((byte)0) >= 0) return Refuse("The document is binary (it contains NUL bytes), not text.");

        var utf8 = Checked(bytes, new UTF8Encoding(false, true), "utf-8");
        if (utf8.Text is not null) return utf8;
        var gb = Checked(bytes, Gb18030.Value, "gb18030");
        return gb.Text is not null
            ? gb
            : Refuse("The document is neither UTF-8 nor GB18030 text; save it as UTF-8 and send it again.");
    }

    private static DecodedDocument Checked(ReadOnlySpan<byte> bytes, Encoding encoding, string name)
    {
        string text;
        try
        {
            text = encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Refuse($"The document is not valid {name}.");
        }
        if (text.Length == 0 || text.All(char.IsWhiteSpace)) return Refuse("The document has no text.");
        var control = text.Count(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f');
        return control * 20 > text.Length
            ? Refuse("The document is mostly control characters: it looks binary, not text.")
            : new DecodedDocument(text, name, null);
    }

    private static DecodedDocument Refuse(string why) => new(null, null, why);
}
