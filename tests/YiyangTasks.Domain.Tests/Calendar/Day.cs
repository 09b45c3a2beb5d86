using System.Globalization;

namespace YiyangTasks.Domain.Tests.Calendar;

/// <summary>Reads the yyyy-MM-dd dates the specs are written in.</summary>
internal static class Day
{
    public static DateOnly Of(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
