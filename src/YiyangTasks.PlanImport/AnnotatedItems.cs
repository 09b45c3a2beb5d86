namespace YiyangTasks.PlanImport;

/// <summary>A task as a reader found it, before numbering is checked.</summary>
internal sealed record TaskCandidate(int Number, string Text, Responsibility Responsibility, int First, int Last, MarkerFamily? Family);

/// <summary>
/// Numbered paragraphs that end in a responsibility annotation: 1、…（责任单位：…）, （一）…（…牵头负责，…配合）.
/// An item runs from its number to its annotation, across the document's stray line breaks and blank lines.
/// </summary>
internal static class AnnotatedItems
{
    public static IReadOnlyList<TaskCandidate> Read(IReadOnlyList<DocumentLine> lines, Func<int, bool> firstListedLeadsAt,
        List<ParseWarning> warnings)
    {
        var items = new List<TaskCandidate>();
        var open = new List<(ItemMarker Marker, int First, int Last, string Text)>();
        (ItemMarker Marker, int First, int Last, System.Text.StringBuilder Text)? current = null;

        foreach (var line in lines)
        {
            if (line.Text.Length == 0) continue;
            if (ItemMarkers.Read(line.Text) is { } marker)
            {
                if (current is { } unfinished) open.Add((unfinished.Marker, unfinished.First, unfinished.Last, unfinished.Text.ToString()));
                current = (marker, line.Number, line.Number, new System.Text.StringBuilder(line.Text));
            }
            else if (current is { } continuing)
            {
                continuing.Text.Append(line.Text);
                current = continuing with { Last = line.Number };
            }
            else continue;

            var text = current.Value.Text.ToString();
            if (TrailingParenthetical(text) is not { } annotation || !ResponsibilityReader.LooksLikeResponsibility(annotation)) continue;
            var responsibility = ResponsibilityReader.Read(annotation, firstListedLeadsAt(current.Value.First));
            if (responsibility is null)
            {
                warnings.Add(new ParseWarning(line.Number, "unparseable-line",
                    $"Item {current.Value.Marker.Number} ends in （{Shorten(annotation)}）, which names no units that can be read."));
                current = null;
                continue;
            }
            items.Add(new TaskCandidate(current.Value.Marker.Number, text, responsibility, current.Value.First, line.Number, current.Value.Marker.Family));
            current = null;
        }
        if (current is { } last) open.Add((last.Marker, last.First, last.Last, last.Text.ToString()));
        WarnAboutItemsWithoutUnits(items, open, warnings);
        return items;
    }

    /// <summary>An item numbered like the tasks around it, but without units, is something the office should look at.</summary>
    private static void WarnAboutItemsWithoutUnits(IReadOnlyList<TaskCandidate> items, IEnumerable<(ItemMarker Marker, int First, int Last, string Text)> open,
        List<ParseWarning> warnings)
    {
        if (items.Count == 0) return;
        var family = items.GroupBy(i => i.Family).OrderByDescending(g => g.Count()).First().Key;
        var (from, to) = (items.Min(i => i.First), items.Max(i => i.Last));
        foreach (var item in open.Where(o => o.Marker.Family == family && o.First > from && o.First < to))
            warnings.Add(new ParseWarning(item.First, "unparseable-line",
                $"Item {item.Marker.Number} ('{Shorten(item.Text)}') is numbered like a task but names no responsible units; it was not read as a task."));
    }

    /// <summary>The text of the parenthetical the text ends with (after a closing 。), nested parentheses included.</summary>
    internal static string? TrailingParenthetical(string text)
    {
        var end = text.Length - 1;
        while (end >= 0 && (text[end] is '。' or '.' or '；' or ';' or ' ')) end--;
        if (end < 0 || text[end] is not ('）' or ')')) return null;
        var depth = 0;
        for (var i = end; i >= 0 && end - i < 2000; i--)
        {
            if (text[i] is '）' or ')') depth++;
            else if (text[i] is '（' or '(' && --depth == 0) return text[(i + 1)..end];
        }
        return null;
    }

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
