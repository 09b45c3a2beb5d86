using System.Text;

namespace YiyangTasks.PlanImport;

/// <summary>Reads a task table whose cells a text dump ran together on one line, without separators:
/// 序号工作任务责任单位21树立婚育新风。…省委宣传部、省民政厅牵头;省总工会配合22根据…. A row is its number, its task
/// sentences and, after the last 。, the words of responsibility; the next row starts at the next number.</summary>
internal static class FlatTableReader
{
    public static List<ParsedTask> Read(IReadOnlyList<DocumentLine> lines, List<ParseWarning> warnings)
    {
        var tasks = new List<ParsedTask>();
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Text;
            var at = text.IndexOf("序号", StringComparison.Ordinal);
            if (at < 0 || at > 20 || Header(text, at + 2) is not { } body) continue;
            var joined = new StringBuilder(text[body..]);
            var last = i;
            for (var j = i + 1; j < lines.Count && !PlanText.IsStop(lines[j]) && lines[j].Marker is not { Kind: not MarkerKind.Arabic }; j++)
            {
                if (lines[j].IsBlank) continue;
                joined.Append(lines[j].Text);
                last = j;
            }
            var rows = Rows(joined.ToString());
            if (rows.Count == 0) continue;
            foreach (var (number, row) in rows)
            {
                var cut = row.LastIndexOf('。') + 1;
                var task = new TaskRow(lines[i].Number) { LastLine = lines[last].Number };
                task.Set(ColumnRole.Number, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                task.Set(ColumnRole.Task, row[..cut]);
                task.Set(ColumnRole.Responsible, row[cut..]);
                tasks.Add(task.ToTask(number, warnings));
            }
            warnings.Add(new ParseWarning(lines[i].Number, ParseWarningCodes.UnparseableLine,
                "任务表各格连在一起、没有分隔，已按序号分行，并从每行最后一句之后读取单位"));
            i = last;
        }
        return tasks;
    }

    // 序号工作任务责任单位21…: header words one after another, then the first row's number; the index of that number.
    private static int? Header(string text, int from)
    {
        var k = from;
        var words = 0;
        var units = false;
        while (k < text.Length && !char.IsAsciiDigit(text[k]))
        {
            var matched = 0;
            for (var length = Math.Min(6, text.Length - k); length >= 2 && matched == 0; length--)
            {
                if (TableColumns.RoleOf(text.Substring(k, length)) is { } role and not ColumnRole.Other)
                {
                    matched = length;
                    units |= role is ColumnRole.Responsible or ColumnRole.Lead;
                }
            }
            if (matched == 0) return null;
            k += matched;
            words++;
        }
        return words >= 2 && units && k < text.Length ? k : null;
    }

    private static List<(int Number, string Text)> Rows(string body)
    {
        var rows = new List<(int, string)>();
        var p = 0;
        if (!ReadNumber(body, ref p, out var number)) return rows;
        while (p < body.Length)
        {
            var next = NextRow(body, p, number + 1);
            var end = next < 0 ? body.Length : next;
            var row = body[p..end];
            var cut = row.LastIndexOf('。') + 1;
            if (cut <= 0 || !TableCells.IsUnitList(row[cut..])) return [];
            rows.Add((number, row));
            if (next < 0) break;
            p = next;
            ReadNumber(body, ref p, out number);
        }
        return rows;
    }

    // Where the row numbered n starts: n's digits right after a row's words of responsibility, before a task's first word.
    private static int NextRow(string body, int from, int n)
    {
        var digits = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var at = body.IndexOf(digits, from, StringComparison.Ordinal); at > 0; at = body.IndexOf(digits, at + 1, StringComparison.Ordinal))
        {
            var after = at + digits.Length;
            if (char.IsAsciiDigit(body[at - 1]) || after >= body.Length || char.IsAsciiDigit(body[after]) || body[after] is '年' or '月' or '日' or '%' or '个' or '家' or '人' or '万' or '岁' or '项' or '.' or '．') continue;
            var sentence = body.LastIndexOf('。', at - 1) + 1;
            if (sentence > from && TableCells.IsUnitList(body[sentence..at])) return at;
        }
        return -1;
    }

    private static bool ReadNumber(string body, ref int p, out int number)
    {
        var start = p;
        while (p < body.Length && p - start < 3 && char.IsAsciiDigit(body[p])) p++;
        return int.TryParse(body.AsSpan(start, p - start), out number) && number > 0;
    }
}
