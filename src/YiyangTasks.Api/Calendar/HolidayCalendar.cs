using Marten;
using YiyangTasks.Domain.Calendar;

namespace YiyangTasks.Api.Calendar;

/// <summary>The holiday arrangements in force: each year an administrator loaded, else the year's committed file.</summary>
public sealed record CalendarInForce(
    WorkingDayCalendar Calendar,
    IReadOnlyDictionary<int, HolidayNoticeLoad> Loads,
    IReadOnlyList<HolidayNoticeLoad> AllLoads,
    DateTimeOffset CheckedAt);

/// <summary>
/// The working-day calendar every computation of this process uses: the committed years overlaid by the notices
/// administrators loaded into the database. Every process reads the loads again when its copy is older than
/// Calendar:RefreshSeconds (10 s by default, by the injected clock; 0 reads them for every computation), and the
/// process that took a load uses it at once. So another API process counts by a new notice at most that long after it was loaded.
/// </summary>
public sealed class HolidayCalendar(IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<HolidayCalendar> logger)
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private CalendarInForce? _current;

    /// <summary>How old this process's copy may grow before a computation reads the loads again.</summary>
    public TimeSpan RefreshInterval { get; } = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Calendar:RefreshSeconds", 10.0)));

    /// <summary>The arrangements committed with the code: the defaults of every year no administrator loaded.</summary>
    public static IReadOnlyList<HolidayArrangement> Committed => WorkingDayCalendar.ChinaMainland.Arrangements;

    public async ValueTask<WorkingDayCalendar> CurrentAsync(CancellationToken cancellationToken = default) =>
        (await InForceAsync(cancellationToken)).Calendar;

    public async ValueTask<CalendarInForce> InForceAsync(CancellationToken cancellationToken = default)
    {
        var current = Volatile.Read(ref _current);
        return current is not null && IsFresh(current) ? current : await ReadAsync(force: false, cancellationToken);
    }

    /// <summary>Reads the loads now: after a load, so that this process counts by it from the next computation on.</summary>
    public Task<CalendarInForce> ReadNowAsync(CancellationToken cancellationToken = default) => ReadAsync(force: true, cancellationToken);

    private bool IsFresh(CalendarInForce current)
    {
        var age = clock.GetUtcNow() - current.CheckedAt;
        return age >= TimeSpan.Zero && age < RefreshInterval;
    }

    private async Task<CalendarInForce> ReadAsync(bool force, CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            // Another computation may have read them while this one waited.
            if (!force && _current is { } fresh && IsFresh(fresh)) return fresh;
            var checkedAt = clock.GetUtcNow();
            IReadOnlyList<HolidayNoticeLoad> loads;
            try
            {
                await using var session = store.QuerySession();
                loads = await session.Query<HolidayNoticeLoad>().ToListAsync(cancellationToken);
            }
            catch (Exception e) when (_current is not null && !cancellationToken.IsCancellationRequested)
            {
                // Counting by the last arrangements read beats failing a computation the database may not even be needed for.
                logger.LogWarning(e, "Reading the holiday notices failed; counting working days by those read at {CheckedAt}", _current.CheckedAt);
                return _current = _current with { CheckedAt = checkedAt };
            }
            return _current = Build(loads, checkedAt);
        }
        finally
        {
            _reading.Release();
        }
    }

    private CalendarInForce Build(IReadOnlyList<HolidayNoticeLoad> loads, DateTimeOffset checkedAt)
    {
        var latest = loads.GroupBy(l => l.Year).ToDictionary(g => g.Key, g => g.MaxBy(l => l.Revision)!);
        if (_current is { } previous && latest.Count == previous.Loads.Count
            && latest.All(pair => previous.Loads.TryGetValue(pair.Key, out var known) && known.Id == pair.Value.Id))
            return previous with { AllLoads = loads, CheckedAt = checkedAt };
        try
        {
            var arrangements = Committed.Where(a => !latest.ContainsKey(a.Year)).Concat(latest.Values.Select(l => l.ToArrangement()));
            var calendar = new WorkingDayCalendar(arrangements);
            if (_current is not null)
                logger.LogInformation("Holiday calendar re-read: years {Years}, loaded by an administrator: {Loaded}",
                    calendar.YearsWithOfficialData, latest.Keys.Order());
            return new CalendarInForce(calendar, latest, loads, checkedAt);
        }
        catch (ArgumentException e)
        {
            // Each load was checked against the others when it was taken; only two loads racing could get here.
            logger.LogError(e, "The loaded holiday notices contradict each other; counting by the committed years and the last good loads");
            return _current is { } good
                ? good with { CheckedAt = checkedAt }
                : new CalendarInForce(WorkingDayCalendar.ChinaMainland, new Dictionary<int, HolidayNoticeLoad>(), loads, checkedAt);
        }
    }
}
