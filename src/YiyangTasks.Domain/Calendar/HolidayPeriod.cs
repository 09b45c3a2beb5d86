namespace YiyangTasks.Domain.Calendar;

/// <summary>One holiday period (放假期间) of a State Council notice, with the weekend days worked to make up for it (调休上班日).</summary>
public sealed class HolidayPeriod
{
    public HolidayPeriod(string name, DateOnly from, DateOnly to, IReadOnlyList<DateOnly> makeUpWorkingDays)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("A holiday period needs a name such as 春节.", nameof(name));
        if (to < from)
            throw new ArgumentException($"{name}: the period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        foreach (var day in makeUpWorkingDays)
        {
            // A make-up working day turns a weekend day into a working day; on a weekday it would mean nothing.
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                throw new ArgumentException($"{name}: make-up working day {day:yyyy-MM-dd} is a {day.DayOfWeek}, not a weekend day.", nameof(makeUpWorkingDays));
            if (day >= from && day <= to)
                throw new ArgumentException($"{name}: make-up working day {day:yyyy-MM-dd} lies inside the holiday itself.", nameof(makeUpWorkingDays));
        }

        Name = name;
        From = from;
        To = to;
        MakeUpWorkingDays = makeUpWorkingDays.Order().ToArray();
    }

    /// <summary>The holiday's name as the notice writes it, e.g. 春节 or 国庆节、中秋节.</summary>
    public string Name { get; }

    /// <summary>First day off.</summary>
    public DateOnly From { get; }

    /// <summary>Last day off, inclusive.</summary>
    public DateOnly To { get; }

    /// <summary>Weekend days the notice makes working days for this holiday (调休上班日).</summary>
    public IReadOnlyList<DateOnly> MakeUpWorkingDays { get; }

    /// <summary>Number of days off, weekends included (the notice's 共N天).</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= From && day <= To;

    public override string ToString() => $"{Name} {From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}
