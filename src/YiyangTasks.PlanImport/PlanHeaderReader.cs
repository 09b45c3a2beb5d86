using System.Text.RegularExpressions;

namespace YiyangTasks.PlanImport;

/// <summary>What a plan's head says of it: title, document number (茂卫〔2020〕63号), issuing body, date.</summary>
public sealed record PlanHeader(string? Title, string? DocumentNumber, string? IssuingBody, DateOnly? IssuedOn);

/// <summary>Reads a plan's head from its first lines.</summary>
public static partial class PlanHeaderReader
{
    private const int HeadLines = 60;

    public static PlanHeader Read(IReadOnlyList<DocumentLine> lines)
    {
        var head = lines.Where(l => l.Text.Length > 0).Take(HeadLines).ToArray();
        // The document's own number stands on a line of its own; numbers inside sentences cite other documents.
        var number = head.Select(l => l.Text).FirstOrDefault(t => DocumentNumber().Match(t) is { Success: true } m && m.Value == t);
        return new PlanHeader(Title(head), number, IssuingBody(head, number), IssuedOn(head));
    }

    private static string? Title(IReadOnlyList<DocumentLine> head)
    {
        // 关于印发《X》的通知: the plan is X. Otherwise the first line that names a kind of plan.
        foreach (var line in head)
            if (Circular().Match(line.Text) is { Success: true } m) return m.Groups[1].Value.Trim();
        var titled = head.FirstOrDefault(l => l.Text.Length <= 80 && PlanKind().IsMatch(l.Text) && !l.Text.StartsWith("为") && !l.Text.Contains("。"));
        return titled?.Text.Trim('#', ' ');
    }

    private static string? IssuingBody(IReadOnlyList<DocumentLine> head, string? number)
    {
        // The issuing body heads the document, above its number: 九江市浔阳区人民政府办公室; 茂名市卫生健康局 (first of several).
        var first = head.FirstOrDefault();
        if (first is null || first.Text.Length > 40 || PlanKind().IsMatch(first.Text)) return null;
        return UnitListSplitter.EndsLikeUnit(first.Text) || number is not null ? first.Text : null;
    }

    private static DateOnly? IssuedOn(IReadOnlyList<DocumentLine> head)
    {
        foreach (var line in head)
        {
            var m = WrittenDate().Match(line.Text);
            // A date standing on its own line is the date of issue; one inside a sentence is not.
            if (m.Success && line.Text.Length <= m.Length + 2 &&
                int.TryParse(m.Groups[1].Value, out var y) && int.TryParse(m.Groups[2].Value, out var mo) && int.TryParse(m.Groups[3].Value, out var d) &&
                mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo))
                return new DateOnly(y, mo, d);
        }
        return null;
    }

    [GeneratedRegex(@"[\u4e00-\u9fa5]{1,10}〔\d{4}〕\d{1,4}号")]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@"印发《?([^《》]{4,80}?)》?的?通知")]
    private static partial Regex Circular();

    [GeneratedRegex(@"(方案|意见|制度|办法|规划|计划|通知|细则|要点)")]
    private static partial Regex PlanKind();

    [GeneratedRegex(@"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")]
    private static partial Regex WrittenDate();
}
