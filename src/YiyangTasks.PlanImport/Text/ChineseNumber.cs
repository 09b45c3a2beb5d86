namespace YiyangTasks.PlanImport;

/// <summary>Reads the small numbers plans count with: 一 … 九十九 (and 百), or Arabic digits.</summary>
internal static class ChineseNumber
{
    private const string Digits = "零一二三四五六七八九";

    public static bool TryParse(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 6) return false;
        if (char.IsAsciiDigit(text[0])) return TryParseArabic(text, out value);

        int total = 0, current = -1;
        foreach (var c in text)
        {
            var digit = DigitOf(c);
            if (digit >= 0)
            {
                if (current >= 0) return false; // 二三 is not a number
                current = digit;
            }
            else if (c == '十')
            {
                if (total % 100 >= 10) return false;
                total += (current < 0 ? 1 : current) * 10;
                current = -1;
            }
            else if (c == '百')
            {
                if (current < 1 || total > 0) return false;
                total += current * 100;
                current = -1;
            }
            else return false;
        }
        value = total + Math.Max(current, 0);
        return value > 0;
    }

    public static bool TryParseArabic(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 4) return false;
        foreach (var c in text)
        {
            var d = c >= '０' && c <= '９' ? c - '０' : c - '0';
            if (d < 0 || d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }

    private static int DigitOf(char c) => c switch
    {
        '〇' => 0,
        '两' => 2,
        _ => Digits.IndexOf(c),
    };

    public static bool IsNumeral(char c) => DigitOf(c) >= 0 || c is '十' or '百';
}
