using System.Reflection;

namespace YiyangTasks.Domain.Calendar;

/// <summary>The State Council holiday arrangements shipped inside this assembly, one embedded file per year (Calendar/Holidays/YYYY.json).</summary>
public static class OfficialHolidayArrangements
{
    // Set by the LogicalName in YiyangTasks.Domain.csproj.
    private const string ResourcePrefix = "YiyangTasks.Domain.Calendar.Holidays.";

    /// <summary>Names of the embedded year files, e.g. YiyangTasks.Domain.Calendar.Holidays.2025.json.</summary>
    public static IReadOnlyList<string> ResourceNames() =>
        typeof(OfficialHolidayArrangements).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Reads every embedded year; throws if a file is malformed or its year differs from its name.</summary>
    public static IReadOnlyList<HolidayArrangement> Load()
    {
        var assembly = typeof(OfficialHolidayArrangements).Assembly;
        return ResourceNames().Select(name => Read(assembly, name)).ToArray();
    }

    private static HolidayArrangement Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource {resourceName} vanished.");
        using var reader = new StreamReader(stream);
        var arrangement = HolidayArrangement.FromJson(reader.ReadToEnd());

        var fileYear = resourceName[ResourcePrefix.Length..^".json".Length];
        if (fileYear != arrangement.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))
            throw new FormatException($"{resourceName} holds the arrangement for {arrangement.Year}.");
        return arrangement;
    }
}
