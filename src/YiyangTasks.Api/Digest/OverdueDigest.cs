using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using YiyangTasks.Api.Http;
using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;
using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Digest;

/// <summary>A task's latest progress report, as the digest quotes it.</summary>
public sealed record LastReport(DateTimeOffset ReportedAt, string Unit, int PercentDone, ProgressStatus Status)
{
    /// <summary>The report in the task's state filed last, if any.</summary>
    public static LastReport? Of(SupervisedTask task) =>
        task.Reports.OrderByDescending(r => r.ReportedAt).FirstOrDefault() is { } r ? new(r.ReportedAt, r.Unit, r.PercentDone, r.Status) : null;
}

/// <summary>
/// A task as the digest lists it: what it owes past due (each obligation's kind, the unit owing it if not every lead unit,
/// and its due date), and its latest report.
/// </summary>
public sealed record DigestTask(string PlanId, int Number, string Text, IReadOnlyList<string> LeadUnits,
    IReadOnlyList<(ObligationKind Kind, string? Unit, DateOnly DueOn)> Overdue, LastReport? LastReport)
{
    /// <summary>Judged from the task's state: its obligations unmet and due by <paramref name="now"/>; none once completed.</summary>
    public static DigestTask Of(SupervisedTask task, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now) =>
        new(task.PlanId, task.Number, task.Text, task.LeadUnits,
            task.IsCompleted ? [] : Obligations.Of(task, rules, calendar, now).Where(o => !o.IsMet && o.DueAt <= now).Select(o => (o.Kind, o.Unit, o.DueOn)).ToArray(),
            LastReport.Of(task));
}

/// <summary>One overdue obligation of a task: what was due, when, and how many working days ago.</summary>
public sealed record DigestItem(string PlanId, int Number, string Task, ObligationKind Obligation, DateOnly DueOn,
    int WorkingDaysOverdue, LastReport? LastReport);

/// <summary>A lead unit's overdue obligations in the digest.</summary>
public sealed record DigestUnit(string Unit, IReadOnlyList<DigestItem> Items);

/// <summary>A delivery of a digest to a webhook, kept apart from the digest so concurrent deliveries never overwrite each other.</summary>
public sealed record DigestDelivery(string Id, string DigestId, string WebhookId, DateTimeOffset At)
{
    public static string IdFor(string digestId, string webhookId) => $"{digestId}/{webhookId}";
}

/// <summary>
/// The overdue-task digest (逾期任务通报) of one working day: every unmet obligation past due, grouped by
/// lead unit, with days overdue and the task's last report. Stored once per day; its id is the date.
/// </summary>
public sealed partial record OverdueDigest
{
    public string Id { get; init; } = "";
    public DateOnly Date { get; init; }
    public DateTimeOffset GeneratedAt { get; init; }
    public string Trigger { get; init; } = "";
    public int TaskCount { get; init; }
    public IReadOnlyList<DigestUnit> Units { get; init; } = [];
    public string Markdown { get; init; } = "";
    public IReadOnlyList<DigestDelivery> Deliveries { get; init; } = [];

    /// <summary>
    /// The API's JSON with Chinese written as UTF-8, not as \uXXXX (a quarter less of a digest's bytes): for the
    /// stored body and the digest's answers, read by programs and robots, never embedded in HTML.
    /// </summary>
    public static readonly JsonSerializerOptions Json = ApiJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string IdFor(DateOnly date) => date.ToString("yyyy-MM-dd");

    /// <summary>Composes the digest from the tasks' states, judged by the timeliness rules at <paramref name="now"/>.</summary>
    public static OverdueDigest Compose(DateOnly date, DateTimeOffset now, string trigger,
        IEnumerable<(SupervisedTask Task, TimelinessRules Rules)> tasks, WorkingDayCalendar calendar) =>
        Compose(date, now, trigger, tasks.Select(t => DigestTask.Of(t.Task, t.Rules, calendar, now)), calendar);

    /// <summary>Composes the digest from what each task owes past due at <paramref name="now"/>; a task owing nothing is left out.</summary>
    public static OverdueDigest Compose(DateOnly date, DateTimeOffset now, string trigger, IEnumerable<DigestTask> tasks,
        WorkingDayCalendar calendar)
    {
        var items = new List<(string Unit, DigestItem Item)>();
        var taskCount = 0;
        foreach (var task in tasks)
        {
            if (task.Overdue.Count == 0) continue;
            taskCount++;
            var text = Shorten(task.Text);
            foreach (var (kind, owner, dueOn) in task.Overdue)
            {
                var item = new DigestItem(task.PlanId, task.Number, text, kind, dueOn,
                    Math.Max(0, calendar.WorkingDaysBetween(dueOn, date)), task.LastReport);
                foreach (var unit in owner is { } u ? [u] : task.LeadUnits) items.Add((unit, item));
            }
        }
        var units = items.GroupBy(i => i.Unit)
            .Select(g => new DigestUnit(g.Key, g.Select(i => i.Item).OrderByDescending(i => i.WorkingDaysOverdue)
                .ThenBy(i => i.PlanId, StringComparer.Ordinal).ThenBy(i => i.Number).ToArray()))
            .OrderByDescending(u => u.Items.Count).ThenBy(u => u.Unit, StringComparer.Ordinal)
            .ToArray();
        return new OverdueDigest
        {
            Id = IdFor(date),
            Date = date,
            GeneratedAt = now,
            Trigger = trigger,
            TaskCount = taskCount,
            Units = units,
            Markdown = Messages.InChinese(() => Render(date, taskCount, units)),
        };
    }

    /// <summary>The digest as Markdown in the current language; what is stored and delivered to the webhooks is Chinese.</summary>
    public static string Render(DateOnly date, int taskCount, IReadOnlyList<DigestUnit> units)
    {
        var text = new StringBuilder();
        text.AppendLine(Messages.Of("digest.title", ("date", date)));
        if (taskCount == 0)
        {
            text.AppendLine(Messages.Of("digest.none"));
            return text.ToString();
        }
        text.AppendLine(Messages.Of("digest.summary", ("tasks", taskCount), ("units", units.Count)));
        // A province's digest has a hundred thousand lines: the line's sentence is looked up and split at its {placeholders}
        // once, and the words that repeat (obligations, dates, reports) are worded once each.
        var line = Placeholder().Split(Messages.Of("digest.item"));
        var what = new Dictionary<ObligationKind, string>();
        var dates = new Dictionary<DateOnly, string>();
        var reports = new Dictionary<(DateOnly Date, int Percent), string>();
        var noReport = Messages.Of("digest.no-report");
        foreach (var unit in units)
        {
            text.AppendLine();
            text.AppendLine(Messages.Of("digest.unit", ("unit", unit.Unit), ("count", unit.Items.Count)));
            foreach (var item in unit.Items)
            {
                for (var i = 0; i < line.Length; i++)
                    text.Append(i % 2 == 0 ? line[i] : Word(line[i], item));
                text.AppendLine();
            }
        }
        return text.ToString();

        string Word(string placeholder, DigestItem item) => placeholder switch
        {
            "plan" => item.PlanId,
            "number" => item.Number.ToString(CultureInfo.InvariantCulture),
            "what" => Once(what, item.Obligation, kind => Messages.Of($"digest.what.{kind}")),
            "due" => Once(dates, item.DueOn, Messages.Date),
            "days" => item.WorkingDaysOverdue.ToString(CultureInfo.InvariantCulture),
            "report" => item.LastReport is { } r
                ? Once(reports, (Date: ChinaTime.DateOf(r.ReportedAt), Percent: r.PercentDone), report =>
                    Messages.Of("digest.last-report", ("date", report.Date), ("percent", report.Percent)))
                : noReport,
            _ => $"{{{placeholder}}}",
        };
    }

    private static string Once<TKey>(Dictionary<TKey, string> words, TKey key, Func<TKey, string> word) where TKey : notnull =>
        words.TryGetValue(key, out var known) ? known : words[key] = word(key);

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}

/// <summary>
/// A day's digest as stored (table mt_doc_overduedigest): its heading, and its units and Markdown as compressed JSON. A
/// province's digest is tens of megabytes of JSON that PostgreSQL takes seconds to parse into jsonb and nobody queries inside.
/// </summary>
public sealed record StoredDigest
{

    public string Id { get; init; } = "";
    public DateOnly Date { get; init; }
    public DateTimeOffset GeneratedAt { get; init; }
    public string Trigger { get; init; } = "";
    public int TaskCount { get; init; }

    /// <summary>The units and the Markdown (<see cref="DigestBody"/>) as JSON, gzip-compressed.</summary>
    public byte[]? Body { get; init; }

    /// <summary>The overdue tasks' numbers per plan, in plain JSON: what a plan's overview compares with the tasks overdue now.</summary>
    public IReadOnlyDictionary<string, int[]>? OverdueByPlan { get; init; }

    /// <summary>Digests stored before the body was compressed hold their units and Markdown as they are.</summary>
    public IReadOnlyList<DigestUnit>? Units { get; init; }

    /// <inheritdoc cref="Units"/>
    public string? Markdown { get; init; }

    public static StoredDigest Of(OverdueDigest digest) => Of(digest, BuiltDigest.Of(digest).Body);

    /// <summary>The digest as stored, its <paramref name="body"/> (<see cref="BuiltDigest.Body"/>) compressed.</summary>
    public static StoredDigest Of(OverdueDigest digest, ReadOnlyMemory<byte> body)
    {
        using var compressed = new MemoryStream(body.Length / 8);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
            gzip.Write(body.Span);
        return new StoredDigest
        {
            Id = digest.Id, Date = digest.Date, GeneratedAt = digest.GeneratedAt, Trigger = digest.Trigger, TaskCount = digest.TaskCount,
            Body = compressed.ToArray(),
            OverdueByPlan = OverdueNumbersByPlan(digest.Units),
        };
    }

    private static Dictionary<string, int[]> OverdueNumbersByPlan(IReadOnlyList<DigestUnit> units)
    {
        var plans = new Dictionary<string, HashSet<int>>();
        foreach (var unit in units)
            foreach (var item in unit.Items)
            {
                if (!plans.TryGetValue(item.PlanId, out var numbers)) plans[item.PlanId] = numbers = [];
                numbers.Add(item.Number);
            }
        return plans.ToDictionary(p => p.Key, p => p.Value.Order().ToArray());
    }

    /// <summary>The documents a new digest is stored as: the digest, and its overdue numbers per plan apart (<see cref="DigestOverdueNumbers"/>).</summary>
    public static (StoredDigest Digest, IReadOnlyList<DigestOverdueNumbers> Numbers) Documents(OverdueDigest digest, ReadOnlyMemory<byte> body)
    {
        var stored = Of(digest, body);
        return (stored, DigestOverdueNumbers.Of(stored.Id, stored.Date, stored.OverdueByPlan!)); // Of always lists them
    }

    /// <summary>The digest as composed (its deliveries are kept apart).</summary>
    public OverdueDigest Digest()
    {
        var body = Body is null
            ? new DigestBody(Units ?? [], Markdown ?? "")
            : JsonSerializer.Deserialize<DigestBody>(new GZipStream(new MemoryStream(Body), CompressionMode.Decompress), OverdueDigest.Json)!;
        return new OverdueDigest
        {
            Id = Id, Date = Date, GeneratedAt = GeneratedAt, Trigger = Trigger, TaskCount = TaskCount, Units = body.Units, Markdown = body.Markdown,
        };
    }

    /// <summary>The digest as composed, with its units and Markdown as JSON (the body decompressed, or written again if stored before).</summary>
    public BuiltDigest Built()
    {
        if (Body is null) return BuiltDigest.Of(Digest());
        using var json = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(Body), CompressionMode.Decompress))
            gzip.CopyTo(json);
        var body = json.ToArray();
        var (units, markdown) = JsonSerializer.Deserialize<DigestBody>(body, OverdueDigest.Json)!;
        return new BuiltDigest(new OverdueDigest
        {
            Id = Id, Date = Date, GeneratedAt = GeneratedAt, Trigger = Trigger, TaskCount = TaskCount, Units = units, Markdown = markdown,
        }, body);
    }
}

/// <summary>A digest's units and Markdown: its bulk, as stored (compressed) and answered.</summary>
internal sealed record DigestBody(IReadOnlyList<DigestUnit> Units, string Markdown);

/// <summary>
/// A digest with its units and Markdown written as its JSON once (<paramref name="Body"/>, UTF-8): what is stored compressed
/// and what answers the run, so a province's tens of megabytes are serialized once, not once to store and again to answer.
/// </summary>
public sealed record BuiltDigest(OverdueDigest Digest, ReadOnlyMemory<byte> Body)
{
    public static BuiltDigest Of(OverdueDigest digest)
    {
        // Written into one buffer about its size (Chinese is 3 bytes a character; an item ~300), not grown by doubling and copied.
        var json = new MemoryStream(digest.Markdown.Length * 3 + digest.Units.Sum(u => u.Items.Count) * 320 + 4096);
        JsonSerializer.Serialize(json, new DigestBody(digest.Units, digest.Markdown), OverdueDigest.Json);
        return new BuiltDigest(digest, json.GetBuffer().AsMemory(0, (int)json.Length));
    }

    /// <summary>
    /// The digest's JSON as <see cref="OverdueDigest.Json"/> writes it, with <paramref name="deliveries"/>: its heading, then the
    /// body's properties as they are (units and Markdown, in the record's order), then the deliveries.
    /// </summary>
    public IResult Answer(IReadOnlyList<DigestDelivery> deliveries) => new JsonAnswer(this, deliveries);

    private sealed class JsonAnswer(BuiltDigest built, IReadOnlyList<DigestDelivery> deliveries) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var digest = built.Digest;
            var heading = JsonSerializer.SerializeToUtf8Bytes(
                new DigestHeading(digest.Id, digest.Date, digest.GeneratedAt, digest.Trigger, digest.TaskCount), OverdueDigest.Json);
            var tail = JsonSerializer.SerializeToUtf8Bytes(new DigestTail(deliveries), OverdueDigest.Json);
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.ContentLength = heading.Length - 1 + 1 + built.Body.Length - 2 + 1 + tail.Length - 1;
            var body = http.Response.Body;
            await body.WriteAsync(heading.AsMemory(0, heading.Length - 1), http.RequestAborted); // {"id":…,"taskCount":n
            await body.WriteAsync(Comma, http.RequestAborted);
            await body.WriteAsync(built.Body[1..^1], http.RequestAborted); // "units":[…],"markdown":"…"
            await body.WriteAsync(Comma, http.RequestAborted);
            await body.WriteAsync(tail.AsMemory(1), http.RequestAborted); // "deliveries":[…]}
        }
    }

    private static readonly byte[] Comma = ","u8.ToArray();

    private sealed record DigestHeading(string Id, DateOnly Date, DateTimeOffset GeneratedAt, string Trigger, int TaskCount);

    private sealed record DigestTail(IReadOnlyList<DigestDelivery> Deliveries);
}

/// <summary>
/// A day's digest's overdue task numbers of one plan (the same as <see cref="StoredDigest.OverdueByPlan"/>), in a document of
/// their own: every plan overview reads them, and PostgreSQL reads a document's JSON whole, which for the stored digest is
/// megabytes at a province's scale (5.5 MB: 82 ms a read) and for one plan's numbers a few kilobytes. Each digest also has one
/// with no plan (<see cref="PlanId"/> empty, id the digest's): the mark that its numbers are kept apart, so that a plan without
/// a document of its own had none overdue in it, where a digest stored before has its numbers in its own JSON.
/// </summary>
public sealed record DigestOverdueNumbers
{
    /// <summary>"{digest id}/{plan id}", or the digest's id for the mark.</summary>
    public string Id { get; init; } = "";
    public string DigestId { get; init; } = "";
    public string PlanId { get; init; } = "";
    public DateOnly Date { get; init; }
    public int[] Numbers { get; init; } = [];

    public static string IdFor(string digestId, string planId) => $"{digestId}/{planId}";

    /// <summary>The mark and one document per plan with overdue tasks in the digest.</summary>
    public static IReadOnlyList<DigestOverdueNumbers> Of(string digestId, DateOnly date, IReadOnlyDictionary<string, int[]> byPlan) =>
    [
        new() { Id = digestId, DigestId = digestId, Date = date },
        .. byPlan.Select(p => new DigestOverdueNumbers { Id = IdFor(digestId, p.Key), DigestId = digestId, PlanId = p.Key, Date = date, Numbers = p.Value }),
    ];
}
