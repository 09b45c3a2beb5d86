namespace YiyangTasks.PlanImport;

/// <summary>Checks a plan's declared task count (共23项, （共5项）) against the tasks read.</summary>
internal static class DeclaredCount
{
    public static IEnumerable<ParseWarning> Check(IReadOnlyList<DocumentLine> lines, IReadOnlyList<ParsedTask> tasks)
    {
        foreach (var line in lines)
        {
            if (Declared(line.Text) is not { } declared) continue;
            // Declared on a heading the tasks stand under, it counts that section; elsewhere, the whole plan.
            var under = tasks.Count(t => t.Heading == line.Text);
            var (found, scope) = under > 0 ? (under, $"“{AnnotatedItemReader.Shorten(line.Text)}”下") : (tasks.Count, "全文");
            if (found != declared)
                yield return new ParseWarning(line.Number, ParseWarningCodes.DeclaredCountMismatch, $"文中写明{scope}共{declared}项任务，实际读出{found}项");
        }
    }

    private static int? Declared(string text)
    {
        var at = text.IndexOf('共');
        while (at >= 0 && at + 2 < text.Length)
        {
            var end = at + 1;
            while (end < text.Length && end - at <= 4 && (char.IsAsciiDigit(text[end]) || ChineseNumber.IsNumeral(text[end]))) end++;
            if (end > at + 1 && end < text.Length && text[end] is '项' or '条' && ChineseNumber.TryParse(text.AsSpan(at + 1, end - at - 1), out var n))
                return n;
            at = text.IndexOf('共', at + 1);
        }
        return null;
    }
}
