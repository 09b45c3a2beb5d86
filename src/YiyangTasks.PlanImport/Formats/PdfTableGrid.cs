using UglyToad.PdfPig.Content;

namespace YiyangTasks.PlanImport;

/// <summary>A ruled table on a PDF page (a 分工表 printed from Word or a browser), found by its border lines: each band
/// between two horizontal rules that vertical rules cross is a row, and the vertical rules split it into cells. A cell's
/// text wraps over several lines of the page; read by cell, each row is one line of tab-separated cells again.</summary>
internal sealed class PdfTableGrid
{
    private const double Thin = 3;
    private readonly List<Row> rows;

    private sealed record Rule(double At, double From, double To);

    private sealed record Row(double Top, double Bottom, double[] Columns)
    {
        public int CellOf(double x, double y)
        {
            if (y > Top || y < Bottom || x < Columns[0] || x > Columns[^1]) return -1;
            for (var c = 1; c < Columns.Length; c++)
                if (x <= Columns[c]) return c - 1;
            return -1;
        }
    }

    private PdfTableGrid(List<Row> rows) => this.rows = rows;

    /// <summary>The page's ruled rows, or null when the page draws no table.</summary>
    public static PdfTableGrid? Find(Page page)
    {
        var vertical = new List<Rule>();
        var horizontal = new List<Rule>();
        foreach (var (path, subpath) in page.Paths.Where(p => !p.IsClipping).SelectMany(p => p.Select(s => (p, s))))
        {
            if (subpath.GetBoundingRectangle() is not { } b) continue;
            if (b.Width < Thin && b.Height > Thin) vertical.Add(new Rule((b.Left + b.Right) / 2, b.Bottom, b.Top));
            else if (b.Height < Thin && b.Width > Thin) horizontal.Add(new Rule((b.Bottom + b.Top) / 2, b.Left, b.Right));
            else if (path.IsStroked && b.Width > Thin && b.Height > Thin)
            {
                // A cell drawn as a stroked rectangle: its four sides are rules.
                vertical.Add(new Rule(b.Left, b.Bottom, b.Top));
                vertical.Add(new Rule(b.Right, b.Bottom, b.Top));
                horizontal.Add(new Rule(b.Top, b.Left, b.Right));
                horizontal.Add(new Rule(b.Bottom, b.Left, b.Right));
            }
        }
        if (vertical.Count < 3 || horizontal.Count < 2) return null;

        // Where a page break cut the table, the rows there have no rule on the cut side: the vertical rules' ends close them.
        var levels = Cluster(horizontal.Select(h => h.At).Append(vertical.Max(v => v.To)).Append(vertical.Min(v => v.From)))
            .OrderByDescending(y => y).ToList();
        var rows = new List<Row>();
        for (var i = 0; i + 1 < levels.Count; i++)
        {
            var (top, bottom) = (levels[i], levels[i + 1]);
            var middle = (top + bottom) / 2;
            var columns = Cluster(vertical.Where(v => v.From <= middle && v.To >= middle).Select(v => v.At)).OrderBy(x => x).ToArray();
            if (columns.Length >= 3 && top - bottom > Thin) rows.Add(new Row(top, bottom, columns));
        }
        return rows.Count == 0 ? null : new PdfTableGrid(rows);
    }

    /// <summary>Takes the letters that lie in the table's cells and answers one line per row; the rest stay in <paramref name="letters"/>.</summary>
    public List<PdfLine> TakeRows(List<Letter> letters, Func<List<Letter>, PdfLine> read)
    {
        var cells = rows.Select(r => Enumerable.Range(0, r.Columns.Length - 1).Select(_ => new List<Letter>()).ToArray()).ToArray();
        letters.RemoveAll(letter =>
        {
            var (x, y) = ((letter.StartBaseLine.X + letter.EndBaseLine.X) / 2, letter.StartBaseLine.Y + 1);
            for (var r = 0; r < rows.Count; r++)
                if (rows[r].CellOf(x, y) is var c and >= 0)
                {
                    cells[r][c].Add(letter);
                    return true;
                }
            return false;
        });
        var lines = new List<PdfLine>();
        for (var r = 0; r < rows.Count; r++)
        {
            if (cells[r].All(c => c.Count == 0)) continue;
            var texts = cells[r].Select(c => string.Concat(PdfTextReader.Group(c).Select(line => read(line).Text))).ToList();
            while (texts.Count > 0 && texts[^1].Length == 0) texts.RemoveAt(texts.Count - 1);
            var all = cells[r].SelectMany(c => c).ToList();
            var size = all.Select(l => l.PointSize).OrderBy(s => s).ElementAt(all.Count / 2);
            var baseline = all.Max(l => l.StartBaseLine.Y);
            lines.Add(new PdfLine(string.Join('\t', texts), baseline, rows[r].Columns[0], rows[r].Columns[^1], size));
        }
        return lines;
    }

    // Rules drawn twice or a line's two edges lie within a couple of points of each other.
    private static List<double> Cluster(IEnumerable<double> values)
    {
        var clusters = new List<double>();
        foreach (var v in values.OrderBy(v => v))
            if (clusters.Count == 0 || v - clusters[^1] > Thin) clusters.Add(v);
        return clusters;
    }
}
