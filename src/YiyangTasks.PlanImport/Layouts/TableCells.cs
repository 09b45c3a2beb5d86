namespace YiyangTasks.PlanImport;

/// <summary>Reads a table row's cells into their columns: by position when the row has every cell, by what the cells
/// hold when merged or empty cells were dropped from a text dump (units read as units, deadlines as deadlines).</summary>
internal static class TableCells
{
    /// <summary>Whether a cell reads as a list of responsible parties (区卫生健康局、区医保局 / 省医保局牵头；省民政厅配合).</summary>
    public static bool IsUnitList(string cell)
    {
        var c = cell.Trim().TrimEnd('。', '；');
        if (c.Length is 0 or > 160 || c.Contains('。')) return false;
        var r = ResponsibilityReader.ReadCell(c);
        var units = r.Leads.Concat(r.Cooperating).ToList();
        if (units.Count == 0) return r.Groups.Count > 0 && r.Groups.All(g => g.Length <= 8 || UnitNames.LooksLikeUnit(g));
        return units.Count(u => UnitNames.LooksLikeUnit(u)) * 3 >= units.Count * 2;
    }

    private static bool IsTime(string cell) => cell.Trim().Length <= 40 && DeadlineReader.IsTimeWords(cell) && !IsUnitList(cell);

    /// <summary>The column (not yet given a role) whose cells most often read as unit lists, or -1.</summary>
    public static int GuessUnitColumn(ColumnRole[] roles, IReadOnlyList<List<string>> rows)
    {
        var best = -1;
        var bestCount = 0;
        for (var c = 0; c < roles.Length; c++)
        {
            if (roles[c] is not (ColumnRole.Other or ColumnRole.Task)) continue;
            var count = rows.Count(r => c < r.Count && IsUnitList(r[c]));
            if (count > bestCount) (best, bestCount) = (c, count);
        }
        return rows.Count > 0 && bestCount * 2 >= rows.Count ? best : -1;
    }

    private enum Holds { Number, Units, Time, Text }

    public static void Fill(TaskRow row, ColumnRole[] roles, List<string> cells)
    {
        if (cells.Count == roles.Length)
        {
            for (var c = 0; c < roles.Length; c++) SetWithBreak(row, roles[c], cells[c]);
            return;
        }
        // Cells were dropped (merged or empty cells of a text dump): each cell goes to the next column that takes
        // what it holds — units to a units column, a deadline to the deadline column — skipping the columns between.
        var p = 0;
        var taskSet = false;
        foreach (var cell in cells)
        {
            var holds = p == 0 && roles[0] == ColumnRole.Number ? Holds.Number
                : !taskSet && p < roles.Length && roles[p] == ColumnRole.Task ? Holds.Text
                : IsUnitList(cell) ? Holds.Units
                : IsTime(cell) && (taskSet || cell.Length <= 12) ? Holds.Time
                : Holds.Text;
            var q = p;
            while (q < roles.Length && !Takes(roles[q], holds)) q++;
            // Text after the task (a progress remark) never lands in a units or deadline column: it goes to the next
            // column the reader does not use (进展情况), or nowhere (西湖 2024 rows 3–5 lost their merged 牵头单位 cells).
            if (q == roles.Length) q = holds == Holds.Text && taskSet ? Array.IndexOf(roles, ColumnRole.Other, Math.Min(p, roles.Length)) : p;
            if (q < 0) continue;
            if (q >= roles.Length) break;
            SetWithBreak(row, roles[q], cell);
            taskSet |= roles[q] == ColumnRole.Task;
            p = q + 1;
        }
    }

    private static bool Takes(ColumnRole role, Holds holds) => holds switch
    {
        Holds.Number => role == ColumnRole.Number,
        Holds.Units => role is ColumnRole.Lead or ColumnRole.Cooperating or ColumnRole.Responsible,
        Holds.Time => role == ColumnRole.Deadline,
        _ => role == ColumnRole.Task,
    };

    // Two task columns (工作内容 | 具体措施) read as one text, sentence after sentence.
    private static void SetWithBreak(TaskRow row, ColumnRole role, string value)
    {
        if (role == ColumnRole.Task && row.Cells.TryGetValue(ColumnRole.Task, out var existing) && existing.Length > 0 && value.Length > 0
            && existing[^1] is not ('。' or '；' or '，' or '：'))
            row.Set(role, "：");
        row.Set(role, value);
    }
}
