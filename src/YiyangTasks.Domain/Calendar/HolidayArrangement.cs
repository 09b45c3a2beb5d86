using System.Text.Json;

namespace YiyangTasks.Domain.Calendar;

/// <summary>One year's holiday arrangement (部分节假日安排) as published by the State Council General Office.</summary>
public sealed class HolidayArrangement
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public HolidayArrangement(int year, string source, IReadOnlyList<HolidayPeriod> holidays)
    {
        if (year is < 1 or > 9998)
            throw new ArgumentOutOfRangeException(nameof(year), year, "Year out of range.");
        if (string.IsNullOrWhiteSpace(source))
            throw new ArgumentException($"{year}: the arrangement must name the notice it comes from.", nameof(source));

        // A notice may reach a few days across New Year (元旦 has started on 12-31 before), so allow
        // the month either side of the year but nothing further.
        var earliest = new DateOnly(year - 1, 12, 1);
        var latest = new DateOnly(year + 1, 1, 31);
        var ordered = holidays.OrderBy(h => h.From).ToArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            var period = ordered[i];
            if (period.From < earliest || period.To > latest || period.MakeUpWorkingDays.Any(d => d < earliest || d > latest))
                throw new ArgumentException($"{year}: {period.Name} has dates outside the year.", nameof(holidays));
            if (i > 0 && ordered[i - 1].To >= period.From)
                throw new ArgumentException($"{year}: {ordered[i - 1].Name} and {period.Name} overlap.", nameof(holidays));
        }

        Year = year;
        Source = source;
        Holidays = ordered;
    }

    /// <summary>The calendar year the notice arranges.</summary>
    public int Year { get; }

    /// <summary>The notice's title, document number (文号) and date.</summary>
    public string Source { get; }

    /// <summary>The holiday periods in date order.</summary>
    public IReadOnlyList<HolidayPeriod> Holidays { get; }

    /// <summary>Every make-up working day of the year, in date order.</summary>
    public IEnumerable<DateOnly> MakeUpWorkingDays => Holidays.SelectMany(h => h.MakeUpWorkingDays).Order();

    /// <summary>Reads the JSON form used by the embedded files: year, source, holidays[name, from, to, makeUpWorkingDays].</summary>
    public static HolidayArrangement FromJson(string json)
    {
        ArrangementJson? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<ArrangementJson>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Holiday arrangement is not valid JSON: {e.Message}", e);
        }

        if (parsed is null || parsed.Year is not { } year || parsed.Holidays is null)
            throw new FormatException("Holiday arrangement needs year, source and holidays.");
        try
        {
            var periods = parsed.Holidays.Select(h => new HolidayPeriod(
                h.Name ?? "",
                h.From ?? throw new FormatException($"{year}: {h.Name} has no 'from'."),
                h.To ?? throw new FormatException($"{year}: {h.Name} has no 'to'."),
                h.MakeUpWorkingDays ?? [])).ToArray();
            return new HolidayArrangement(year, parsed.Source ?? "", periods);
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }
    }

    private sealed record ArrangementJson(int? Year, string? Source, List<PeriodJson>? Holidays);

    private sealed record PeriodJson(string? Name, DateOnly? From, DateOnly? To, List<DateOnly>? MakeUpWorkingDays);
}
