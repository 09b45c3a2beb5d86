namespace YiyangTasks.Domain.Calendar;

/// <summary>Mainland China's working days (工作日): Monday to Friday, minus official holidays, plus make-up working days (调休上班日).</summary>
/// <remarks>
/// Years without an official arrangement fall back to weekends only; callers can ask
/// <see cref="HasOfficialData"/> and say so. All arithmetic runs on a running count of working
/// days: weekdays are counted in closed form and the official exceptions through a sorted array
/// with prefix sums, so every query is O(log n) in the number of exception days, whatever the span.
/// </remarks>
public sealed class WorkingDayCalendar
{
    private static readonly Lazy<WorkingDayCalendar> ChinaMainlandCalendar =
        new(() => new WorkingDayCalendar(OfficialHolidayArrangements.Load()));

    // Day numbers (DateOnly.DayNumber) whose status differs from the plain weekday rule: weekday
    // holidays (delta -1) and make-up working days (delta +1). Weekend holidays change nothing.
    private readonly int[] exceptionDays;
    private readonly int[] exceptionDeltas;
    private readonly int[] exceptionRunningDelta;

    // Every holiday period of every year, ordered by start, for HolidayName.
    private readonly int[] periodStarts;
    private readonly HolidayPeriod[] periods;

    private readonly HashSet<int> officialYears;

    /// <summary>Builds a calendar from year arrangements, e.g. a test's own data.</summary>
    /// <exception cref="ArgumentException">Two arrangements share a year, or their periods overlap.</exception>
    public WorkingDayCalendar(IEnumerable<HolidayArrangement> arrangements)
    {
        Arrangements = arrangements.OrderBy(a => a.Year).ToArray();
        var duplicate = Arrangements.GroupBy(a => a.Year).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Two arrangements for {duplicate.Key}.", nameof(arrangements));
        officialYears = Arrangements.Select(a => a.Year).ToHashSet();
        YearsWithOfficialData = Arrangements.Select(a => a.Year).ToArray();

        periods = Arrangements.SelectMany(a => a.Holidays).OrderBy(p => p.From).ToArray();
        periodStarts = periods.Select(p => p.From.DayNumber).ToArray();
        for (var i = 1; i < periods.Length; i++)
        {
            if (periods[i - 1].To >= periods[i].From)
                throw new ArgumentException($"{periods[i - 1].Name} and {periods[i].Name} overlap.", nameof(arrangements));
        }

        var exceptions = new SortedDictionary<int, int>();
        foreach (var period in periods)
        {
            for (var day = period.From; day <= period.To; day = day.AddDays(1))
            {
                if (!IsWeekend(day))
                    exceptions.Add(day.DayNumber, -1);
            }
        }
        foreach (var day in periods.SelectMany(p => p.MakeUpWorkingDays))
        {
            if (HolidayPeriodOn(day) is { } holiday)
                throw new ArgumentException($"Make-up working day {day:yyyy-MM-dd} falls inside {holiday.Name}.", nameof(arrangements));
            if (!exceptions.TryAdd(day.DayNumber, +1))
                throw new ArgumentException($"Make-up working day {day:yyyy-MM-dd} is listed twice.", nameof(arrangements));
        }

        exceptionDays = exceptions.Keys.ToArray();
        exceptionDeltas = exceptions.Values.ToArray();
        exceptionRunningDelta = new int[exceptionDeltas.Length];
        var running = 0;
        for (var i = 0; i < exceptionDeltas.Length; i++)
            exceptionRunningDelta[i] = running += exceptionDeltas[i];
    }

    /// <summary>Mainland China with the State Council arrangements embedded in this assembly, loaded once.</summary>
    public static WorkingDayCalendar ChinaMainland => ChinaMainlandCalendar.Value;

    /// <summary>The arrangements this calendar was built from, ordered by year.</summary>
    public IReadOnlyList<HolidayArrangement> Arrangements { get; }

    /// <summary>Years with an official arrangement, ascending; other years count weekends only.</summary>
    public IReadOnlyList<int> YearsWithOfficialData { get; }

    /// <summary>Whether <paramref name="year"/> follows an official notice rather than the weekends-only fallback.</summary>
    public bool HasOfficialData(int year) => officialYears.Contains(year);

    public bool IsWorkingDay(DateOnly day)
    {
        var i = Array.BinarySearch(exceptionDays, day.DayNumber);
        return i >= 0 ? exceptionDeltas[i] > 0 : !IsWeekend(day);
    }

    /// <summary>Whether <paramref name="day"/> is a weekend day the notice makes a working day (调休上班日).</summary>
    public bool IsMakeUpWorkingDay(DateOnly day)
    {
        var i = Array.BinarySearch(exceptionDays, day.DayNumber);
        return i >= 0 && exceptionDeltas[i] > 0;
    }

    /// <summary>The holiday <paramref name="day"/> belongs to, as the notice names it (e.g. 国庆节、中秋节), or null.</summary>
    public string? HolidayName(DateOnly day) => HolidayPeriodOn(day)?.Name;

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="from"/> (from itself not counted).
    /// 0 gives <paramref name="from"/> if it is a working day, else the next working day;
    /// a negative count gives the working day that many working days before <paramref name="from"/>.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int workingDays)
    {
        var target = workingDays switch
        {
            > 0 => (long)WorkingDaysUpTo(from.DayNumber) + workingDays,
            0 => WorkingDaysUpTo(from.DayNumber - 1) + 1L,
            // The k-th working day before from is the day the count reaches (count before from) - k + 1.
            < 0 => WorkingDaysUpTo(from.DayNumber - 1) + workingDays + 1L,
        };
        return FirstDayReaching(target);
    }

    /// <summary>The due date <paramref name="workingDays"/> working days after <paramref name="start"/>; same convention as <see cref="AddWorkingDays"/>.</summary>
    public DateOnly DueAfterWorkingDays(DateOnly start, int workingDays) => AddWorkingDays(start, workingDays);

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>: how late, in
    /// working days, something due on <paramref name="from"/> is when done on <paramref name="to"/>.
    /// Zero when to == from; negative (minus the working days after to up to and including from) when to is earlier,
    /// so WorkingDaysBetween(a, b) == -WorkingDaysBetween(b, a).
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) =>
        WorkingDaysUpTo(to.DayNumber) - WorkingDaysUpTo(from.DayNumber);

    /// <summary>The <paramref name="n"/>-th working day of a month, counting from 1 (e.g. the 5th, the default report due day).</summary>
    /// <exception cref="ArgumentOutOfRangeException">n is below 1 or the month has fewer working days.</exception>
    public DateOnly NthWorkingDayOfMonth(int year, int month, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var first = new DateOnly(year, month, 1);
        var day = FirstDayReaching((long)WorkingDaysUpTo(first.DayNumber - 1) + n);
        if (day.Month != month || day.Year != year)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"{year}-{month:00} has fewer than {n} working days.");
        return day;
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private HolidayPeriod? HolidayPeriodOn(DateOnly day)
    {
        var i = Array.BinarySearch(periodStarts, day.DayNumber);
        if (i < 0)
            i = ~i - 1; // the last period starting before day
        return i >= 0 && periods[i].Contains(day) ? periods[i] : null;
    }

    /// <summary>Working days with day number 0 (0001-01-01, a Monday) through <paramref name="dayNumber"/>; 0 for -1.</summary>
    private int WorkingDaysUpTo(int dayNumber)
    {
        var days = dayNumber + 1;
        var weekdays = days / 7 * 5 + Math.Min(days % 7, 5);
        var i = Array.BinarySearch(exceptionDays, dayNumber);
        var exceptionsUpTo = i >= 0 ? i + 1 : ~i;
        return weekdays + (exceptionsUpTo == 0 ? 0 : exceptionRunningDelta[exceptionsUpTo - 1]);
    }

    /// <summary>The first day on which the running working-day count reaches <paramref name="target"/>; that day is a working day.</summary>
    private DateOnly FirstDayReaching(long target)
    {
        var last = DateOnly.MaxValue.DayNumber;
        if (target < 1 || target > WorkingDaysUpTo(last))
            throw new ArgumentOutOfRangeException(nameof(target), "The working day falls outside the representable dates.");
        var wanted = (int)target;

        // Start from where the target falls on weekdays alone, then bracket it by galloping: official
        // exceptions shift it by a handful of days per year of data.
        var k = wanted - 1;
        var guess = (int)Math.Min(k / 5 * 7L + k % 5, last);
        int low = guess, high = guess;
        for (var step = 8; low >= 0 && WorkingDaysUpTo(low) >= wanted; step *= 2)
            low = Math.Max(low - step, -1);
        for (var step = 8; WorkingDaysUpTo(high) < wanted; step *= 2)
            high = Math.Min(high + step, last);

        // Invariant: count(low) < wanted <= count(high).
        while (high - low > 1)
        {
            var mid = low + (high - low) / 2;
            if (WorkingDaysUpTo(mid) >= wanted)
                high = mid;
            else
                low = mid;
        }
        return DateOnly.FromDayNumber(high);
    }
}
