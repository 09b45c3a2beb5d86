using System.Text;
using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;
using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Digest;

/// <summary>A task's latest progress report, as the digest quotes it.</summary>
public sealed record LastReport(DateTimeOffset ReportedAt, string Unit, int PercentDone, ProgressStatus Status);

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
public sealed record OverdueDigest
{
    public string Id { get; init; } = "";
    public DateOnly Date { get; init; }
    public DateTimeOffset GeneratedAt { get; init; }
    public string Trigger { get; init; } = "";
    public int TaskCount { get; init; }
    public IReadOnlyList<DigestUnit> Units { get; init; } = [];
    public string Markdown { get; init; } = "";
    public IReadOnlyList<DigestDelivery> Deliveries { get; init; } = [];

    public static string IdFor(DateOnly date) => date.ToString("yyyy-MM-dd");

    /// <summary>Composes the digest from the tasks that have lapsed obligations.</summary>
    public static OverdueDigest Compose(DateOnly date, DateTimeOffset now, string trigger,
        IEnumerable<(SupervisedTask Task, TimelinessRules Rules)> tasks, WorkingDayCalendar calendar)
    {
        var items = new List<(string Unit, DigestItem Item)>();
        var taskCount = 0;
        foreach (var (task, rules) in tasks)
        {
            if (task.IsCompleted) continue;
            var overdue = Obligations.Of(task, rules, calendar, now).Where(o => !o.IsMet && o.DueAt <= now).ToArray();
            if (overdue.Length == 0) continue;
            taskCount++;
            var last = task.Reports.OrderByDescending(r => r.ReportedAt).FirstOrDefault() is { } r
                ? new LastReport(r.ReportedAt, r.Unit, r.PercentDone, r.Status)
                : null;
            foreach (var obligation in overdue)
            {
                var item = new DigestItem(task.PlanId, task.Number, Shorten(task.Text), obligation.Kind, obligation.DueOn,
                    Math.Max(0, calendar.WorkingDaysBetween(obligation.DueOn, date)), last);
                foreach (var unit in obligation.Unit is { } u ? [u] : task.LeadUnits) items.Add((unit, item));
            }
        }
        var units = items.GroupBy(i => i.Unit)
            .Select(g => new DigestUnit(g.Key, g.Select(i => i.Item).OrderByDescending(i => i.WorkingDaysOverdue)
                .ThenBy(i => i.PlanId).ThenBy(i => i.Number).ToArray()))
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
        foreach (var unit in units)
        {
            text.AppendLine();
            text.AppendLine(Messages.Of("digest.unit", ("unit", unit.Unit), ("count", unit.Items.Count)));
            foreach (var item in unit.Items)
            {
                var report = item.LastReport is { } r
                    ? Messages.Of("digest.last-report", ("date", ChinaTime.DateOf(r.ReportedAt)), ("percent", r.PercentDone))
                    : Messages.Of("digest.no-report");
                text.AppendLine(Messages.Of("digest.item", ("plan", item.PlanId), ("number", item.Number),
                    ("what", Messages.Of($"digest.what.{item.Obligation}")), ("due", item.DueOn), ("days", item.WorkingDaysOverdue), ("report", report)));
            }
        }
        return text.ToString();
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
