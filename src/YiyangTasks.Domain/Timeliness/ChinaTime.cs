namespace YiyangTasks.Domain.Timeliness;

/// <summary>China Standard Time (北京时间), a fixed UTC+08:00 without daylight saving: the clock every due day is read on.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The date <paramref name="instant"/> falls on in China.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The instant <paramref name="day"/> ends in China (the next day's 00:00 +08:00): what is due that day lapses then.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Offset);
}
