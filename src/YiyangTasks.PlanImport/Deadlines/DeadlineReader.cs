using System.Text;

namespace YiyangTasks.PlanImport;

/// <summary>Reads deadlines written as dates (到2022年, 2017年7月底前, 到2022年、2025年) into the last day each allows.</summary>
public static class DeadlineReader
{
    private static readonly string[] Prefixes = ["截至", "截止", "到", "至", "于", "在"];
    private static readonly string[] RelativeWords =
        ["长期", "持续", "每年", "每季度", "每半年", "每月", "年底", "年内", "月底", "季度", "个月内", "日内", "天内", "工作日", "之前", "以前", "前完成", "立即", "常态化", "逐步"];

    /// <summary>Every dated deadline in the text, in order, once each.</summary>
    public static IReadOnlyList<WrittenDeadline> Read(string text)
    {
        var found = new List<WrittenDeadline>();
        var chainedUntil = -1;
        for (var i = 0; i + 4 < text.Length; i++)
        {
            if (!IsYearAt(text, i, out var year, out var afterYear)) continue;
            var prefixStart = PrefixStart(text, i);
            var (end, date, hasSuffix) = ReadRest(text, afterYear, year);
            var previous = i > 0 ? text[i - 1] : ' ';
            // 2016-2020年, 2021-2022年: a span of years is a period, not a deadline.
            var isRangeEnd = previous is '-' or '—' or '－' or '~' or '～'
                || prefixStart > 0 && text[prefixStart] == '至' && (char.IsAsciiDigit(text[prefixStart - 1]) || text[prefixStart - 1] == '年');
            var accepted = !isRangeEnd && date is not null && (prefixStart >= 0 || hasSuffix || i <= chainedUntil || TargetYear(text, i, afterYear, end));
            if (accepted)
            {
                var words = Compact(text, prefixStart >= 0 ? prefixStart : i, end);
                var deadline = new WrittenDeadline(date!.Value, words);
                if (!found.Contains(deadline)) found.Add(deadline);
                chainedUntil = ChainEnd(text, end);
            }
            i = Math.Max(i, end - 1);
        }
        return found;
    }

    private static readonly string[] AchievementVerbs = ["实现", "完成", "达到", "建成", "基本建成", "全面建成", "覆盖"];

    // 稳固新农合的参合覆盖面,2011年实现参合率98%以上 (a 医改 实施方案): a bare year opening a clause and followed at once by
    // what is to be achieved is that year's target.
    private static bool TargetYear(string text, int start, int afterYear, int end)
    {
        var opensClause = start == 0 || text[start - 1] is '，' or ',' or '；' or ';' or '。' or '：' or ':';
        return opensClause && end == afterYear && AchievementVerbs.Any(v => text.AsSpan(afterYear).StartsWith(v, StringComparison.Ordinal));
    }

    /// <summary>The deadlines of a table's deadline cell (完成时限). There a bare date is one too: 2024年6月 and 2025年 mean
    /// by the end of that month or year, as 2024年6月底前 would; a cell with a second date (a range, two stages) is read as
    /// running text, unless each of its clauses starts with its own date (2021年2月公布预算信息,2021年8月公布上年度决算信息: two stages).</summary>
    public static IReadOnlyList<WrittenDeadline> ReadCell(string cell)
    {
        var read = Read(cell);
        if (read.Count > 0) return read;
        var clauses = cell.Split([',', '，', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (clauses.Length > 1)
        {
            var stages = clauses.Select(ReadCell).ToArray();
            if (stages.All(s => s.Count == 1)) return stages.Select(s => s[0]).Distinct().ToArray();
        }
        var trimmed = cell.Trim().TrimEnd('。', '.');
        var years = Enumerable.Range(0, Math.Max(0, trimmed.Length - 4)).Count(i => IsYearAt(trimmed, i, out _, out _));
        if (years != 1 || !IsYearAt(trimmed, 0, out _, out _)) return read;
        return Read("到" + trimmed) is [var only] ? [only with { Words = only.Words[1..] }] : read;
    }

    /// <summary>Words that say when without a date (长期坚持, 每年底前, 3个月内), as deadline cells and annotations write them.</summary>
    internal static bool IsTimeWords(string text)
    {
        for (var i = 0; i + 4 < text.Length; i++)
        {
            if (IsYearAt(text, i, out _, out _)) return true;
        }
        return RelativeWords.Any(w => text.Contains(w, StringComparison.Ordinal)) && text.Length <= 40;
    }

    private static bool IsYearAt(string text, int i, out int year, out int afterYear)
    {
        year = 0;
        afterYear = i;
        if (i > 0 && char.IsAsciiDigit(text[i - 1])) return false;
        if (!ChineseNumber.TryParseArabic(text.AsSpan(i, 4), out year) || year < 1990 || year > 2100) return false;
        var j = SkipSpaces(text, i + 4);
        if (j >= text.Length || text[j] != '年') return false;
        afterYear = j + 1;
        return true;
    }

    private static (int End, DateOnly? Date, bool HasSuffix) ReadRest(string text, int j, int year)
    {
        var month = 12;
        int? day = null;
        var k = SkipSpaces(text, j);
        if (StartsWith(text, k, "上半年")) { month = 6; k += 3; }
        else if (StartsWith(text, k, "下半年")) k += 3;
        else if (ReadNumberBefore(text, k, '月', out var m, out var afterMonth) && m is >= 1 and <= 12)
        {
            month = m;
            k = afterMonth;
            if (ReadNumberBefore(text, SkipSpaces(text, k), '日', out var d, out var afterDay) && d is >= 1 and <= 31) { day = d; k = afterDay; }
        }
        var hasSuffix = false;
        k = SkipSpaces(text, k);
        foreach (var word in (string[])["底", "末"])
        {
            if (StartsWith(text, k, word)) { k += word.Length; hasSuffix = true; break; }
        }
        foreach (var word in (string[])["以前", "之前", "前"])
        {
            if (StartsWith(text, k, word)) { k += word.Length; hasSuffix = true; break; }
        }
        var lastDay = DateTime.DaysInMonth(year, month);
        var date = new DateOnly(year, month, Math.Min(day ?? lastDay, lastDay));
        return (k, date, hasSuffix);
    }

    private static bool ReadNumberBefore(string text, int k, char unit, out int value, out int after)
    {
        value = 0;
        after = k;
        var start = k;
        while (k < text.Length && k - start < 3 && (char.IsAsciiDigit(text[k]) || ChineseNumber.IsNumeral(text[k]))) k++;
        k = SkipSpaces(text, k);
        if (k == start || k >= text.Length || text[k] != unit) return false;
        if (!ChineseNumber.TryParse(text.AsSpan(start, k - start).Trim(), out value)) return false;
        after = k + 1;
        return true;
    }

    // 到2022年、2025年: a following 、/和/及 + year continues the same deadline phrase.
    private static int ChainEnd(string text, int end)
    {
        var k = SkipSpaces(text, end);
        if (k < text.Length && text[k] is '、' or '和' or '及' or '，') return SkipSpaces(text, k + 1) + 1;
        return -1;
    }

    private static int PrefixStart(string text, int yearStart)
    {
        var k = yearStart - 1;
        while (k >= 0 && text[k] is ' ' or '\u3000') k--;
        foreach (var prefix in Prefixes)
        {
            var start = k - prefix.Length + 1;
            if (start >= 0 && string.CompareOrdinal(text, start, prefix, 0, prefix.Length) == 0) return start;
        }
        return -1;
    }

    private static int SkipSpaces(string text, int k)
    {
        while (k < text.Length && text[k] is ' ' or '\u3000' or '\t') k++;
        return k;
    }

    private static bool StartsWith(string text, int k, string word) =>
        k + word.Length <= text.Length && string.CompareOrdinal(text, k, word, 0, word.Length) == 0;

    private static string Compact(string text, int start, int end)
    {
        var sb = new StringBuilder(end - start);
        for (var i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i])) sb.Append(text[i]);
        }
        return sb.ToString();
    }
}
