namespace YiyangTasks.PlanImport;

/// <summary>Reads a task table laid out as text: header 序号 / 工作任务 / 负责单位 (or 牵头单位 / 配合单位 / 完成时限),
/// either one cell per line (信阳: rows split by blank lines, each cell on its own indented line) or one row per line
/// with cells split by tabs, pipes or wide spaces.</summary>
internal static class TextTableReader
{
    public static List<ParsedTask> Read(IReadOnlyList<DocumentLine> lines, List<ParseWarning> warnings)
    {
        var tasks = new List<ParsedTask>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].Text.Contains("序号", StringComparison.Ordinal) && !lines[i].Text.Contains("编号", StringComparison.Ordinal)) continue;
            var end = TryCellPerLine(lines, i, tasks, warnings) ?? TryRowPerLine(lines, i, tasks, warnings);
            if (end is { } e) i = e;
        }
        return tasks;
    }

    // 信阳 003: "\t\t序号" "\t\t工作任务" "\t\t负责单位", then per row "\t\t1" "\t\t<task>" "\t\t<units>".
    private static int? TryCellPerLine(IReadOnlyList<DocumentLine> lines, int start, List<ParsedTask> tasks, List<ParseWarning> warnings)
    {
        var headers = new List<string>();
        var i = start;
        for (; i < lines.Count && headers.Count < 12; i++)
        {
            if (lines[i].IsBlank)
            {
                // Cells set apart by blank lines (a dump of one cell per paragraph): the header goes on while the next
                // cell is still a header word.
                if (headers.Count > 0 && !NextIsHeaderWord(lines, i)) break;
                continue;
            }
            var cell = CellText(lines[i].Text);
            // A row number ends the header; so does a second 序号 (a table has one number column).
            if (headers.Count > 0 && (IsRowNumber(cell) || TableColumns.RoleOf(cell) == ColumnRole.Number)) break;
            // Header cells are short words (序号 | 责任单位 | 最新进度(8月24日)); a sentence is no header.
            if (cell.Length > 20 || cell.IndexOfAny(['。', '，', ',']) >= 0 || headers.Count == 0 && TableColumns.RoleOf(cell) != ColumnRole.Number) break;
            headers.Add(cell);
        }
        if (headers.Count < 3) return null;
        var roles = headers.Select(TableColumns.RoleOrOther).ToArray();
        TableColumns.SectionsOfTheLead(headers, roles);
        if (!roles.Contains(ColumnRole.Task) || !roles.Any(r => r is ColumnRole.Responsible or ColumnRole.Lead)) return null;

        var indent = lines[start].Indent;
        var rows = new List<(TaskRow Row, List<DocumentLine> Cells)>();
        var last = i - 1;
        var afterBlank = false;
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank) { afterBlank = true; continue; }
            // The table's cells share the header's indentation; a line indented otherwise (or a heading) ends it.
            if (indent.Length > 0 && line.Indent != indent) break;
            // ①1-3月份，… opening a cell of an unfinished row is the cell's own list (谯城 民政 分月序时进度), no heading.
            var inCell = line.Marker is { Kind: MarkerKind.Circled or MarkerKind.ParenArabic } && rows.Count > 0 && rows[^1].Cells.Count < roles.Length;
            if (indent.Length == 0 && line.Marker is { Kind: not MarkerKind.Arabic } && rows.Count > 0 && !inCell)
            {
                // A section heading inside the table (二、全力以赴扩投资… between rows 3 and 68 — 谯城 2025 分解表) goes on
                // to the next row; any other heading ends the table.
                if (!RowFollows(lines, i + 1, RowNumber(rows[^1].Cells[0].Text))) break;
                last = i;
                continue;
            }
            var previous = rows.Count == 0 ? 0 : RowNumber(rows[^1].Cells[0].Text);
            var number = RowNumber(line.Text);
            // The next row has the next number, or a higher one after a complete row: a table of one bureau's rows keeps
            // the report's numbers (3, 68, 69).
            var isRowNumber = IsRowNumber(CellText(line.Text))
                && (rows.Count == 0 || previous + 1 == number || number > previous && rows[^1].Cells.Count >= roles.Length);
            // Rows are set apart by blank lines: after a complete row, a blank line and no row number end the table.
            if (!isRowNumber && afterBlank && rows.Count > 0 && rows[^1].Cells.Count >= roles.Length) break;
            afterBlank = false;
            if (isRowNumber) rows.Add((new TaskRow(line.Number), [line]));
            else if (rows.Count > 0) rows[^1].Cells.Add(line);
            else warnings.Add(new ParseWarning(line.Number, ParseWarningCodes.UnparseableLine, "表头与第一条编号行之间有文字，未读入"));
            last = i;
        }
        TaskRow? above = null;
        foreach (var (row, cells) in rows)
        {
            Fill(row, roles, cells, warnings);
            if (cells.Count < roles.Length) MergedCells(row, above, roles);
            tasks.Add(row.ToTask(tasks.Count + 1, warnings));
            above = row;
        }
        return last;
    }

    // A dump that drops merged cells leaves a row without the units (and deadline) of the cell spanning it from a row
    // above: 西湖 2024 民生实事 rows 2–5 under row 1's 区民政局, rows 3–5 under row 2's 10月底前. Every task of a task table
    // has someone answering for it, so a row that lost every unit cell takes those of the row above.
    private static void MergedCells(TaskRow row, TaskRow? above, ColumnRole[] roles)
    {
        if (above is null) return;
        ColumnRole[] unitRoles = [ColumnRole.Lead, ColumnRole.Cooperating, ColumnRole.Responsible];
        if (!unitRoles.Any(row.Has))
            foreach (var role in unitRoles.Where(above.Has)) row.Set(role, above.Cells[role]);
        if (roles.Contains(ColumnRole.Deadline) && !row.Has(ColumnRole.Deadline) && above.Has(ColumnRole.Deadline))
            row.Set(ColumnRole.Deadline, above.Cells[ColumnRole.Deadline]);
    }

    private static bool RowFollows(IReadOnlyList<DocumentLine> lines, int from, int previous)
    {
        for (var k = from; k < lines.Count && k < from + 12; k++)
        {
            if (lines[k].IsBlank || lines[k].Marker is { Kind: not MarkerKind.Arabic }) continue;
            return IsRowNumber(CellText(lines[k].Text)) && RowNumber(lines[k].Text) > previous;
        }
        return false;
    }

    private static void Fill(TaskRow row, ColumnRole[] roles, List<DocumentLine> lines, List<ParseWarning> warnings)
    {
        row.LastLine = lines[^1].Number;
        var cells = lines.Select(l => l with { Text = CellText(l.Text) }).ToList();
        if (cells.Count < roles.Length)
        {
            TableCells.Fill(row, roles, cells.Select(c => c.Text).ToList());
            warnings.Add(new ParseWarning(row.FirstLine, ParseWarningCodes.UnparseableLine,
                $"序号为{cells[0].Text}的行有{cells.Count}格，表头有{roles.Length}列，已按各格内容识别"));
            return;
        }
        // More lines than columns: the task cell was broken across lines; the cells after it are one line each.
        var taskColumn = Array.IndexOf(roles, ColumnRole.Task);
        var extra = Math.Max(0, cells.Count - roles.Length);
        var c = 0;
        for (var r = 0; r < roles.Length && c < cells.Count; r++)
        {
            var take = r == taskColumn ? 1 + extra : 1;
            for (var k = 0; k < take && c < cells.Count; k++, c++) row.Set(roles[r], cells[c].Text);
        }
    }

    // 序号\t工作任务\t牵头单位\t配合单位 or | 序号 | 工作任务 | 责任单位 |: one row per line.
    private static int? TryRowPerLine(IReadOnlyList<DocumentLine> lines, int start, List<ParsedTask> tasks, List<ParseWarning> warnings)
    {
        var header = lines[start].Raw.Trim();
        var separator = header.Contains('|') ? "|" : header.Contains('\t') ? "\t" : "  ";
        var headerCells = Cells(header, separator);
        if (headerCells.Count < 3 || headerCells.Count > 12) return null;
        var roles = headerCells.Select(TableColumns.RoleOrOther).ToArray();
        TableColumns.SectionsOfTheLead(headerCells, roles);
        if (roles.Count(r => r != ColumnRole.Other) < 2) return null;

        var rows = new List<(int First, int Last, List<string> Cells)>();
        var last = start;
        var numberAt = Array.IndexOf(roles, ColumnRole.Number);
        for (var i = start + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank) continue;
            var raw = line.Raw.Trim();
            if (separator == "|" && raw.Trim('|', '-', ':', ' ', '\t').Length == 0) continue; // |---|---| and rows' closing |
            var cells = Cells(raw, separator);
            if (cells.Count >= 2 && (numberAt < 0 || numberAt < cells.Count && IsRowNumber(cells[numberAt])))
                rows.Add((line.Number, line.Number, cells));
            else if (rows.Count > 0 && cells.Count == 1 && line.Marker is null && !PlanText.IsStop(line))
            {
                // A stray line break inside the task cell.
                rows[^1].Cells[Math.Min(rows[^1].Cells.Count - 1, Math.Max(0, Array.IndexOf(roles, ColumnRole.Task)))] += cells[0];
                rows[^1] = rows[^1] with { Last = line.Number };
            }
            else break;
            last = i;
        }
        if (rows.Count == 0) return null;

        if (!roles.Any(r => r is ColumnRole.Responsible or ColumnRole.Lead))
        {
            // No header the reader knows names the units: the column whose cells read as lists of units does.
            var guessed = TableCells.GuessUnitColumn(roles, rows.Where(r => r.Cells.Count == roles.Length).Select(r => r.Cells).ToList());
            if (guessed < 0) return null;
            roles[guessed] = ColumnRole.Responsible;
            warnings.Add(new ParseWarning(lines[start].Number, ParseWarningCodes.GuessedUnitColumn,
                $"表头未标明责任单位列，“{headerCells[guessed]}”列的内容均为单位名称，已作为责任单位列读取"));
        }
        if (!roles.Contains(ColumnRole.Task) && Array.IndexOf(roles, ColumnRole.Other) is >= 0 and var other) roles[other] = ColumnRole.Task;
        if (!roles.Contains(ColumnRole.Task)) return null;

        foreach (var (first, lastLine, cells) in rows)
        {
            var row = new TaskRow(first) { LastLine = lastLine };
            TableCells.Fill(row, roles, cells);
            if (cells.Count < roles.Count(r => r != ColumnRole.Other) && cells.Count < roles.Length)
                warnings.Add(new ParseWarning(first, ParseWarningCodes.UnparseableLine, $"此行有{cells.Count}格，表头有{roles.Length}列，已按各格内容识别"));
            tasks.Add(row.ToTask(tasks.Count + 1, warnings));
        }
        return last;
    }

    private static List<string> Cells(string raw, string separator)
    {
        var parts = separator == "  "
            ? raw.Split(["  ", "\u3000"], StringSplitOptions.RemoveEmptyEntries)
            : raw.Split(separator);
        var cells = parts.Select(p => DocumentLine.Clean(p)).ToList();
        // Tabs and pipes keep empty cells in place (a row without 配合单位); wide spaces cannot.
        if (separator is "|" or "\t")
        {
            if (separator == "|" && cells.Count > 0 && cells[0].Length == 0) cells.RemoveAt(0);
            while (cells.Count > 0 && cells[^1].Length == 0) cells.RemoveAt(cells.Count - 1);
        }
        else cells.RemoveAll(c => c.Length == 0);
        return cells;
    }

    private static bool NextIsHeaderWord(IReadOnlyList<DocumentLine> lines, int blank)
    {
        var k = blank;
        while (k < lines.Count && lines[k].IsBlank) k++;
        return k < lines.Count && TableColumns.RoleOf(CellText(lines[k].Text)) is { } role && role != ColumnRole.Number;
    }

    // 15 | — a cell of a table dumped one cell per line, closed by its pipe.
    private static string CellText(string text) => text.Trim().Trim('|').Trim();

    private static int RowNumber(string text) => ChineseNumber.TryParse(CellText(text).TrimEnd('.', '、', '．'), out var n) ? n : -1;

    private static bool IsRowNumber(string text)
    {
        var t = text.Trim().TrimEnd('.', '、', '．');
        return t.Length is > 0 and <= 3 && ChineseNumber.TryParse(t, out _);
    }
}
