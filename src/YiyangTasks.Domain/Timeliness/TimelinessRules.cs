namespace YiyangTasks.Domain.Timeliness;

/// <summary>
/// A plan's timeliness rules: acknowledgement due this many working days after assignment; a period's report
/// due on this working day of the next month; a light turns yellow this many working days before something falls due.
/// </summary>
public sealed record TimelinessRules(int AcknowledgementWorkingDays = 3, int ReportDueWorkingDay = 5, int YellowWithinWorkingDays = 3)
{
    public static TimelinessRules Default { get; } = new();
}

/// <summary>China Standard Time, UTC+8 all year: the offices' days begin and end by it.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The instant a day ends: what is due on a day is late from this instant on.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Offset);
}
