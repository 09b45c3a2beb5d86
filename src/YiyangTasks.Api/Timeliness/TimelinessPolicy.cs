using System.Collections.Concurrent;
using Marten;
using YiyangTasks.Api.Calendar;
using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Timeliness;

/// <summary>The working-day calendar in force and each plan's timeliness rules (its own overrides, else the defaults).</summary>
public sealed class TimelinessPolicy(IDocumentStore store, HolidayCalendar holidays, ILogger<TimelinessPolicy> logger)
{
    private readonly ConcurrentDictionary<string, TimelinessRules> _rules = new();

    /// <summary>The calendar in force: committed years and the notices administrators loaded (see <see cref="HolidayCalendar"/>).</summary>
    public ValueTask<WorkingDayCalendar> CalendarAsync(CancellationToken cancellationToken = default) => holidays.CurrentAsync(cancellationToken);

    public async ValueTask<TimelinessRules> RulesForAsync(string planId, CancellationToken cancellationToken = default)
    {
        if (_rules.TryGetValue(planId, out var known)) return known;
        await using var session = store.QuerySession();
        var plan = await session.LoadAsync<Plan>(planId, cancellationToken);
        var rules = plan?.Rules ?? TimelinessRules.Default;
        if (plan is not null) _rules[planId] = rules;
        return rules;
    }

    /// <summary>Says in the log which years count weekends only, for want of an official holiday notice.</summary>
    public async Task LogCalendarCoverageAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendar = await CalendarAsync(cancellationToken);
        var year = ChinaTime.DateOf(now).Year;
        foreach (var y in new[] { year - 1, year, year + 1 })
            if (!calendar.HasOfficialData(y))
                logger.LogWarning("No official holiday notice for {Year} in the calendar data: that year counts weekends only " +
                    "until an administrator loads it (PUT /api/admin/calendar/{Year})", y, y);
    }
}
