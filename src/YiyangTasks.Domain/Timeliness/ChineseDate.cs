namespace YiyangTasks.Domain.Timeliness;

/// <summary>A day as Chinese text writes it: 2026年12月3日.</summary>
public static class ChineseDate
{
    public static string Of(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";
}
