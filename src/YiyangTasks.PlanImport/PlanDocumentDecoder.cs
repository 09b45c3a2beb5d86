using System.Text;

namespace YiyangTasks.PlanImport;

/// <summary>A plan file's bytes read as text, with the encoding found; or why they could not be (Refusal, in Chinese).</summary>
public sealed record DecodedDocument(string? Text, string? Encoding, string? Refusal);

/// <summary>Turns an uploaded plan file's bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030.
/// Word and PDF files are told apart before this, in <see cref="PlanFile"/>.</summary>
public static class PlanDocumentDecoder
{
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    public static DecodedDocument Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return Read(bytes);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Refuse($"读取出错（{e.GetType().Name}）");
        }
    }

    private static DecodedDocument Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return Refuse("文件是空的");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Checked(Strict(new UTF8Encoding(false, true), bytes[3..]), "utf-8");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Checked(Strict(new UnicodeEncoding(false, false, true), bytes[2..]), "utf-16le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Checked(Strict(new UnicodeEncoding(true, false, true), bytes[2..]), "utf-16be");
        if (bytes.Contains((byte)0)) return Refuse("文件含有 NUL 字节，是二进制文件而不是文本");
        if (Strict(new UTF8Encoding(false, true), bytes) is { } utf8) return Checked(utf8, "utf-8");
        if (Strict(Gb18030.Value, bytes) is { } gb && LooksLikeChineseText(gb)) return Checked(gb, "gb18030");
        return Refuse("文件既不是 UTF-8、UTF-16 也不是 GB18030 编码的文本");
    }

    private static string? Strict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static DecodedDocument Checked(string? text, string encoding)
    {
        if (text is null) return Refuse($"文件开头像 {encoding}，但内容不是有效的 {encoding}");
        if (text.Length == 0 || text.All(char.IsWhiteSpace)) return Refuse("文件里没有文字");
        var controls = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'));
        if (controls * 10 > text.Length) return Refuse("文件大部分是控制字符，是二进制文件而不是文本");
        return new DecodedDocument(text, encoding, null);
    }

    // GB18030 maps nearly any byte sequence to some character; real plans are CJK, ASCII and punctuation.
    private static bool LooksLikeChineseText(string text)
    {
        var plausible = text.Count(c => c is >= '\u4e00' and <= '\u9fff' or >= '\u3000' and <= '\u303f' or >= '\uff00' and <= '\uffef'
            or >= '\u2000' and <= '\u206f' || c < 0x80);
        return plausible * 10 >= text.Length * 9;
    }

    private static DecodedDocument Refuse(string why) => new(null, null, why);
}
