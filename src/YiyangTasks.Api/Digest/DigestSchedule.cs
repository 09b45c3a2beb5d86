using Wolverine;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Digest;

/// <summary>When the digest runs: a cron expression in a time zone (default every day 08:30 Asia/Shanghai; the handler skips non-working days).</summary>
public sealed class DigestSchedule
{
    public DigestSchedule(IConfiguration configuration)
    {
        Cron = configuration["Digest:Cron"] ?? "30 8 * * *";
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Digest:TimeZone"] ?? "Asia/Shanghai");
        Schedule = CronSchedule.Parse(Cron, TimeZone);
        var cooldowns = configuration["Digest:RetryCooldowns"] ?? "00:00:05,00:00:30,00:02:00";
        RetryCooldowns = cooldowns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(TimeSpan.Parse).ToArray();
    }

    public string Cron { get; }
    public TimeZoneInfo TimeZone { get; }
    public CronSchedule Schedule { get; }

    /// <summary>The pauses between delivery attempts to a webhook; after the last, the delivery is dead-lettered.</summary>
    public IReadOnlyList<TimeSpan> RetryCooldowns { get; }

    /// <summary>The first occurrence on today's China date, if the schedule has one.</summary>
    public DateTimeOffset? TodaysOccurrence(DateTimeOffset now)
    {
        var today = ChinaTime.DateOf(now);
        var startOfDay = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
        return Schedule.NextOccurrence(startOfDay.AddTicks(-1)) is { } next && ChinaTime.DateOf(next) == today ? next : null;
    }
}
