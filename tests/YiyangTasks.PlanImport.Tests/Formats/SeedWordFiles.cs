using System.Text.RegularExpressions;

namespace YiyangTasks.PlanImport.Tests.Formats;

/// <summary>Seed plans written again as the Word files offices receive: 信阳 003's task table as a real Word table
/// (its 序号 numbered by Word), 茂名 004's items numbered by Word's automatic lists. Shared with the API tests.</summary>
public static partial class SeedWordFiles
{
    /// <summary>信阳 003: the prose as paragraphs, then 序号 / 工作任务 / 负责单位 as a table, one row per task.</summary>
    public static byte[] Table(string seedText)
    {
        var lines = seedText.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines.FindIndex(l => l.Trim() == "序号");
        var word = new WordFile();
        foreach (var line in lines.Take(header)) word.Paragraph(line.Trim());
        // The text lays the table out a cell per line, rows apart by blank lines.
        var rows = new List<string[]>();
        var cells = new List<string>();
        foreach (var line in lines.Skip(header).Append(""))
        {
            if (line.Trim().Length > 0) { cells.Add(line.Trim()); continue; }
            if (cells.Count > 0) rows.Add([.. cells]);
            cells.Clear();
        }
        var numbers = word.List(("decimal", "%1"));
        return word.Table(rows.Select((r, i) => i == 0 ? r : ["", .. r.Skip(1)]), numbers).ToBytes();
    }

    /// <summary>茂名 004: every line a paragraph; 一、 headings and （一） items numbered by two Word lists, the items
    /// counting on across headings as the plan numbers them.</summary>
    public static byte[] Numbered(string seedText)
    {
        var word = new WordFile();
        var headings = word.List(("chineseCountingThousand", "%1、"));
        var items = word.List(("chineseCounting", "（%1）"));
        foreach (var raw in seedText.Split('\n'))
        {
            var line = raw.Trim().TrimStart('#').Replace("**", "").Trim();
            if (Item().Match(line) is { Success: true } item) word.Paragraph(line[item.Length..], items);
            else if (Heading().Match(line) is { Success: true } heading) word.Paragraph(line[heading.Length..], headings);
            else word.Paragraph(line);
        }
        return word.ToBytes();
    }

    [GeneratedRegex("^（[一二三四五六七八九十]+）")]
    private static partial Regex Item();

    [GeneratedRegex("^[一二三四五六七八九十]+、")]
    private static partial Regex Heading();
}
