using System.Text.RegularExpressions;

namespace YiyangTasks.PlanImport;

/// <summary>Reads a task table whose cell borders became single spaces (青阳 2023 重点工作责任清单): a header of words apart
/// by spaces, themselves broken (牵头  领导 / 牵头 责任单位 / 主体 责任单位 / 配合 责任单位), then rows that start with their
/// number — the task, the leaders' names, then the unit cells, a cell's own line breaks kept.</summary>
internal static partial class SpacedTableReader
{
    private static readonly ColumnRole[] UnitRoles = [ColumnRole.Lead, ColumnRole.Responsible, ColumnRole.Cooperating];

    public static List<ParsedTask> Read(IReadOnlyList<DocumentLine> lines, List<ParseWarning> warnings)
    {
        var tasks = new List<ParsedTask>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (UnitColumns(lines[i].Text) is not { Count: > 0 } unitColumns) continue;
            var previous = 0;
            for (var k = i + 1; k < lines.Count; k++)
            {
                if (RowStart(lines[k].Text, previous) is not { } number) break;
                var last = k;
                while (last + 1 < lines.Count && !lines[last + 1].IsBlank && RowStart(lines[last + 1].Text, number) is null) last++;
                var row = new TaskRow(lines[k].Number) { LastLine = lines[last].Number };
                var text = string.Join("\n", lines.Skip(k).Take(last - k + 1).Select(l => l.Text));
                Fill(row, number, text, unitColumns);
                tasks.Add(row.ToTask(tasks.Count + 1, warnings));
                previous = number;
                k = i = last;
            }
        }
        return tasks;
    }

    // The unit columns the header names, in order; null when the line is no header of this shape.
    private static List<ColumnRole>? UnitColumns(string header)
    {
        if (header.Contains('|') || header.Contains('\t')) return null;
        var tokens = header.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 5 || tokens[0] != "序号") return null;
        var roles = new List<ColumnRole>();
        for (var t = 0; t < tokens.Length; t++)
        {
            // A header word broken by the dump (牵头 + 责任单位) is read whole.
            var word = tokens[t];
            if (TableColumns.RoleOf(word) is null && t + 1 < tokens.Length && TableColumns.RoleOf(word + tokens[t + 1]) is { } joined)
            {
                roles.Add(joined);
                t++;
                continue;
            }
            roles.Add(TableColumns.RoleOrOther(word));
        }
        if (!roles.Contains(ColumnRole.Task) || roles.Count(r => r is ColumnRole.Lead or ColumnRole.Responsible) == 0) return null;
        return roles.Where(UnitRoles.Contains).ToList();
    }

    // A row's first line: its number (greater than the last row's), a space, then its task.
    private static int? RowStart(string text, int previous)
    {
        var m = RowNumber().Match(text);
        return m.Success && int.TryParse(m.Groups[1].Value, out var n) && n > previous ? n : null;
    }

    private static void Fill(TaskRow row, int number, string text, List<ColumnRole> unitColumns)
    {
        var tokens = text.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries).ToList();
        row.Set(ColumnRole.Number, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        row.Set(ColumnRole.Task, tokens.Count > 1 ? tokens[1] : "");
        // After the task: the leaders' names (汪  峰 吴蓓蓓), then the unit cells, then the rest (评价, 进展) — not read.
        var cells = tokens.Skip(2).SkipWhile(t => !IsUnitCell(t)).TakeWhile(IsUnitCell).ToList();
        // A cell holding line breaks may have run into the next cell (各乡镇 / 县开发区 / 县直有关单位 for two columns):
        // while cells are fewer than columns, the last line of such a cell is a cell of its own.
        for (var c = cells.Count - 1; c >= 0 && cells.Count < unitColumns.Count;)
        {
            var cut = cells[c].LastIndexOf('\n');
            if (cut < 0) { c--; continue; }
            cells.Insert(c + 1, cells[c][(cut + 1)..]);
            cells[c] = cells[c][..cut];
        }
        for (var c = 0; c < cells.Count && c < unitColumns.Count; c++) row.Set(unitColumns[c], cells[c].Replace('\n', '、'));
    }

    private static bool IsUnitCell(string token) =>
        token.Split('\n', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } parts
        && parts.All(p => UnitNames.LooksLikeUnit(p) || GroupParty.Is(p) && p.Length <= 12);

    [GeneratedRegex(@"^(\d{1,3}) \S")]
    private static partial Regex RowNumber();
}
