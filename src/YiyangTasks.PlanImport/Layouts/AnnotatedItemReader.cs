using System.Text;

namespace YiyangTasks.PlanImport;

/// <summary>Reads numbered paragraphs that end in a responsibility annotation: 1、…（责任单位：…） (鄢陵),
/// （一）…（…牵头负责，…配合） (茂名), and the like with 1. / （1） / 一、 numbering.</summary>
internal static class AnnotatedItemReader
{
    private const int LongestAnnotation = 400;

    private sealed record Item(DocumentLine Start, int LastLine, string Text, Responsibility? Responsibility)
    {
        public ItemMarker Marker => Start.Marker!;
    }

    public static List<ParsedTask> Read(IReadOnlyList<DocumentLine> lines, List<ParseWarning> warnings)
    {
        var items = Items(lines);
        // A run is one numbered list (1、2、3 …); it is a task list when most of its items name units. Lists of
        // several numberings count alike: targets （一）…（十） and then tasks 1. 2. … under new headings.
        var taskItems = items.GroupBy(i => i.Marker.Kind)
            .SelectMany(kind => Runs(kind))
            .Where(run => run.Count(i => i.Responsibility is not null) * 2 >= run.Count && run.Any(i => i.Responsibility is not null))
            .SelectMany(run => run)
            .OrderBy(i => i.Start.Number)
            .ToList();
        if (taskItems.Count == 0) return [];

        var outside = LinesOutside(taskItems, lines.Count);
        var headings = taskItems.Select(i => i.Marker.Kind).Distinct().ToDictionary(k => k, k => HeadingsAbove(lines, k, outside));
        var tasks = new List<ParsedTask>();
        foreach (var item in taskItems)
        {
            var r = item.Responsibility;
            if (r is null) warnings.Add(new ParseWarning(item.Start.Number, ParseWarningCodes.NoUnits, $"第{item.Marker.Number}项未写明责任单位"));
            else if (r.Leftover is { } leftover)
                warnings.Add(new ParseWarning(item.LastLine, ParseWarningCodes.UnparseableLine, $"第{item.Marker.Number}项中的“{Shorten(leftover)}”既非牵头单位也非配合单位"));
            tasks.Add(new ParsedTask(item.Marker.Number, item.Text, r?.Leads ?? [], r?.Cooperating ?? [], r?.Mode ?? Domain.Tasks.ResponsibilityMode.Jointly,
                DeadlineReader.Read(item.Text), r?.TimeWords, new SourceLines(item.Start.Number, item.LastLine))
            {
                Heading = headings[item.Marker.Kind][item.Start.Number - 1],
                GroupParties = r?.Groups ?? [],
            });
        }
        WarnStrayLines(lines, taskItems, warnings);
        return tasks;
    }

    private static List<Item> Items(IReadOnlyList<DocumentLine> lines)
    {
        var items = new List<Item>();
        var absorbedUntil = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Marker is null || i <= absorbedUntil) continue;
            var text = new StringBuilder(lines[i].Body);
            var last = i;
            var closed = EndsInAnnotation(text.ToString());
            for (var j = i + 1; j < lines.Count && lines[j].Marker is null && !PlanText.IsStop(lines[j]); j++)
            {
                if (lines[j].IsBlank) continue;
                if (closed)
                {
                    // After its annotation an item goes on only with another group of sentences that ends in its own
                    // annotation (several brackets in one item); a closing paragraph or stray text belongs to no task.
                    var next = NextAnnotatedGroup(lines, j);
                    if (next < 0) break;
                    for (var k = j; k <= next; k++)
                        if (!lines[k].IsBlank) text.Append(lines[k].Text);
                    last = j = next;
                    continue;
                }
                // 牵头单位：… and 配合单位：… on lines of their own stay apart when the lines are joined.
                if (ResponsibilityReader.LabelStart(lines[j].Text) == 0 && text.Length > 0) text.Append('；');
                text.Append(lines[j].Text);
                last = j;
                closed = EndsInAnnotation(Tail(text));
            }
            if (!closed && SubItemsUnderOneBracket(lines, i, last + 1) is var end and >= 0)
            {
                for (var k = last + 1; k <= end; k++)
                    if (!lines[k].IsBlank) text.Append(lines[k].Text);
                last = absorbedUntil = end;
            }
            var whole = text.ToString();
            var responsibility = Annotations(whole) ?? InlineAnnotation(whole) ?? TrailingLabels(whole);
            items.Add(new Item(lines[i], lines[last].Number, whole, responsibility));
        }
        return items;
    }

    // 1.完善应急预案体系 / (1)… (2)… (4)… / (责任单位:…) on a line of its own: the bracket after the sub-items assigns the
    // whole item (运城 2017 责任分解). The line of that bracket, or -1 when the sub-items are not closed that way.
    private static int SubItemsUnderOneBracket(IReadOnlyList<DocumentLine> lines, int item, int from)
    {
        // Only where no sub-item has a bracket of its own, and there are several: a single sub-item whose bracket broke
        // onto the next line (茂名's stray breaks) is that sub-item's.
        var parent = lines[item].Marker!.Kind;
        MarkerKind? sub = null;
        var subItems = 0;
        for (var k = from; k < lines.Count && k < from + 40; k++)
        {
            var line = lines[k];
            if (line.IsBlank) continue;
            if (PlanText.IsStop(line)) return -1;
            if (line.Marker is { } m)
            {
                if (m.Kind == parent || sub is { } known && m.Kind != known) return -1;
                sub = m.Kind;
                subItems++;
            }
            else if (subItems >= 2 && IsBracketAlone(line.Text)) return k;
            if (EndsInAnnotation(line.Text)) return -1;
        }
        return -1;
    }

    private static bool IsBracketAlone(string text)
    {
        var t = text.AsSpan().TrimEnd(" 。；;.\u3000");
        return t.Length > 2 && t[0] is '（' or '(' or '〔' or '【' && MatchingOpen(t, t.Length - 1) == 0 && EndAnnotation(text) is not null;
    }

    // The last line of the next few unmarked lines that ends in an annotation, or -1.
    private static int NextAnnotatedGroup(IReadOnlyList<DocumentLine> lines, int from)
    {
        var joined = new StringBuilder();
        for (var k = from; k < lines.Count && k < from + 8 && lines[k].Marker is null && !PlanText.IsStop(lines[k]); k++)
        {
            if (lines[k].IsBlank) continue;
            joined.Append(lines[k].Text);
            if (EndsInParenthesis(lines[k].Text) && EndsInAnnotation(joined.ToString())) return k;
        }
        return -1;
    }

    private static string Tail(StringBuilder text) =>
        text.Length <= LongestAnnotation + 20 ? text.ToString() : text.ToString(text.Length - LongestAnnotation - 20, LongestAnnotation + 20);

    private static bool EndsInParenthesis(string text)
    {
        var t = text.AsSpan().TrimEnd(" 。；;.\u3000");
        return t.Length > 0 && t[^1] is '）' or ')' or '〕' or '】';
    }

    private static bool EndsInAnnotation(string text) => EndsInParenthesis(text) && EndAnnotation(text) is not null;

    private static Responsibility? EndAnnotation(string text)
    {
        var t = text.AsSpan().TrimEnd(" 。；;.\u3000");
        var open = MatchingOpen(t, t.Length - 1);
        return open < 0 ? null : ResponsibilityReader.ReadBracket(t[(open + 1)..^1].ToString());
    }

    // Every annotation of the item: the one it ends with and those closing a group of sentences before it
    // (…。（民政部负责）推进…。（国家卫生健康委负责）), read as one responsibility.
    private static Responsibility? Annotations(string text)
    {
        var found = new List<Responsibility>();
        var depth = 0;
        var open = -1;
        for (var k = 0; k < text.Length; k++)
        {
            var c = text[k];
            if (c is '（' or '(' or '〔' or '【')
            {
                if (depth++ == 0) open = k;
            }
            else if (c is '）' or ')' or '〕' or '】' && depth > 0 && --depth == 0 && open >= 0 && k - open < LongestAnnotation)
            {
                // A bare list of units (（国家卫生健康委、民政部）) counts only as the item's last bracket: inside the text,
                // 依托县级医院（县人民医院）。 names a place, not who answers.
                var isLast = text.AsSpan(k + 1).TrimStart(" \u3000。；;").IsEmpty;
                var words = text[(open + 1)..k];
                if (ClosesSentences(text, open, k) && (isLast ? ResponsibilityReader.ReadBracket(words) : ResponsibilityReader.Read(words)) is { } r) found.Add(r);
            }
        }
        return found.Count == 0 ? null : Responsibility.Combine(found);
    }

    // A bracket that closes a group of sentences: it stands after 。；！ or ends the item, or a new sentence follows it.
    private static bool ClosesSentences(string text, int open, int close)
    {
        var before = open > 0 ? text[open - 1] : '。';
        var after = text.AsSpan(close + 1).TrimStart(" \u3000");
        return before is '。' or '；' or ';' or '！' || after.IsEmpty || after[0] is '。' or '；' or ';' || after.TrimStart("。；; ").IsEmpty;
    }

    // （责任单位：…） written inside the paragraph rather than at its end: the last bracket that opens with a label.
    private static Responsibility? InlineAnnotation(string text)
    {
        for (var open = text.LastIndexOfAny(['（', '(']); open >= 0; open = open == 0 ? -1 : text.LastIndexOfAny(['（', '('], open - 1))
        {
            if (ResponsibilityReader.LabelStart(text.Substring(open + 1, Math.Min(12, text.Length - open - 1))) != 0) continue;
            var depth = 0;
            for (var k = open; k < text.Length && k < open + LongestAnnotation; k++)
            {
                if (text[k] is '（' or '(' or '〔') depth++;
                else if (text[k] is '）' or ')' or '〕' && --depth == 0) return ResponsibilityReader.Read(text[(open + 1)..k]);
            }
        }
        return null;
    }

    // 1. 建立机制。责任单位：县卫健委、县民政局 — the labels written after the paragraph, without brackets.
    private static Responsibility? TrailingLabels(string text)
    {
        var start = ResponsibilityReader.LabelStart(text);
        return start < 0 ? null : ResponsibilityReader.Read(text[start..]);
    }

    private static int MatchingOpen(ReadOnlySpan<char> t, int close)
    {
        var depth = 0;
        for (var k = close; k >= 0 && close - k < LongestAnnotation; k--)
        {
            if (t[k] is '）' or ')' or '〕' or '】') depth++;
            else if (t[k] is '（' or '(' or '〔' or '【' && --depth == 0) return k;
        }
        return -1;
    }

    private static List<List<Item>> Runs(IEnumerable<Item> items)
    {
        var runs = new List<List<Item>>();
        foreach (var item in items)
        {
            var previous = runs.Count > 0 ? runs[^1][^1].Marker.Number : int.MaxValue;
            var n = item.Marker.Number;
            // A small gap (1、2、4) keeps the list; a 1 or a step back starts a new list.
            if (n > previous && n <= previous + 3) runs[^1].Add(item);
            else runs.Add([item]);
        }
        return runs;
    }

    // A heading is a line numbered otherwise than the tasks (二、 above 1.), or a dashed sub-heading outside the tasks
    // (——加快建设健康武汉 between items 208 and 209 — 武汉 2023 责任分解方案); a dashed line inside an item is its text.
    private static string?[] HeadingsAbove(IReadOnlyList<DocumentLine> lines, MarkerKind taskKind, bool[] outside)
    {
        var headings = new string?[lines.Count];
        string? current = null;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Marker is { } m && m.Kind != taskKind && lines[i].Text.Length <= 60
                || outside[i] && PlanText.IsDashedHeading(lines[i])) current = lines[i].Text;
            headings[i] = current;
        }
        return headings;
    }

    // Lines no task spans (by index, as SourceLines number them).
    private static bool[] LinesOutside(List<Item> tasks, int count)
    {
        var outside = Enumerable.Repeat(true, count).ToArray();
        foreach (var task in tasks)
            for (var n = task.Start.Number; n <= task.LastLine && n <= count; n++) outside[n - 1] = false;
        return outside;
    }

    private static void WarnStrayLines(IReadOnlyList<DocumentLine> lines, List<Item> tasks, List<ParseWarning> warnings)
    {
        for (var t = 0; t + 1 < tasks.Count; t++)
        {
            for (var n = tasks[t].LastLine + 1; n < tasks[t + 1].Start.Number; n++)
            {
                var line = lines[n - 1];
                if (!line.IsBlank && line.Marker is null && !PlanText.IsStop(line) && !PlanText.IsDashedHeading(line))
                    warnings.Add(new ParseWarning(n, ParseWarningCodes.UnparseableLine, $"第{tasks[t].Marker.Number}项与第{tasks[t + 1].Marker.Number}项之间的文字不属于任何任务：“{Shorten(line.Text)}”"));
            }
        }
    }

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
