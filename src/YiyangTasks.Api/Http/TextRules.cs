using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Http;

/// <summary>
/// Shape rules for text a person types: present, not too long, no control or bidi-override characters. Each message is a
/// key of <see cref="Messages"/> (field.*), worded in the request's language.
/// </summary>
public sealed class TextRules
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public bool HasErrors => _errors.Count > 0;

    public IDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public TextRules Required(string field, string? value, int maxLength, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "field.required");
        else Optional(field, value, maxLength, multiline);
        return this;
    }

    public TextRules Optional(string field, string? value, int maxLength, bool multiline = false)
    {
        if (value is null) return this;
        if (value.Length > maxLength) Add(field, "field.too-long", ("max", maxLength));
        if (value.Any(c => IsForbidden(c, multiline)))
            Add(field, "field.forbidden-characters");
        if (HasUnpairedSurrogate(value)) Add(field, "field.invalid-unicode");
        return this;
    }

    public TextRules Each(string field, IReadOnlyList<string>? values, int maxCount, int maxLength, bool required = false)
    {
        if (values is null || values.Count == 0)
        {
            if (required) Add(field, "field.at-least-one");
            return this;
        }
        if (values.Count > maxCount) Add(field, "field.too-many", ("max", maxCount));
        for (var i = 0; i < values.Count && i < maxCount; i++) Required($"{field}[{i}]", values[i], maxLength);
        return this;
    }

    /// <summary>A date within the years the API plans for: 0001-01-01 or 9999-12-31 is a typo, and would overflow the
    /// calendar arithmetic behind deadlines, lights and ranges.</summary>
    public TextRules Dated(string field, DateOnly? value, int min = MinYear, int max = MaxYear) =>
        Check(field, value is null || value.Value.Year >= min && value.Value.Year <= max, "field.year-between", ("min", min), ("max", max));

    /// <summary>The period a report speaks of (periodStart, periodEnd): both given, in order, and no longer than a year, the
    /// longest reporting cycle. A report covers every obligation its period overlaps, so 2026-01-01 to 2100-12-31 would
    /// answer every report due for 75 years.</summary>
    public TextRules ReportPeriod(DateOnly? start, DateOnly? end) =>
        Check("periodStart", start is not null, "field.required")
            .Check("periodEnd", end is not null, "field.required")
            .Check("periodEnd", start is null || end is null || end >= start, "field.not-before", ("other", "periodStart"))
            .Dated("periodStart", start)
            .Dated("periodEnd", end)
            .Check("periodEnd", start is null || end is null || end.Value.DayNumber - start.Value.DayNumber < MaxPeriodDays,
                "field.range-days", ("max", MaxPeriodDays));

    public const int MaxPeriodDays = 366;

    public const int MinYear = 2000;

    public const int MaxYear = 2100;

    /// <param name="key">The message's key (field.*) in <see cref="Messages"/>.</param>
    public TextRules Check(string field, bool ok, string key, params (string Name, object? Value)[] args)
    {
        if (!ok) Add(field, key, args);
        return this;
    }

    public IResult? Problem() => HasErrors ? Problems.BadRequest(Messages.Of("validation"), Errors) : null;

    private void Add(string field, string key, params (string Name, object? Value)[] args)
    {
        var message = Messages.Of(key, args);
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    private static bool IsForbidden(char c, bool multiline)
    {
        if (multiline && c is '\n' or '\r' or '\t') return false;
        if (char.IsControl(c)) return true;
        // Bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) can disguise what a reader sees.
        return c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
    }

    private static bool HasUnpairedSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(value[i])) return true;
        }
        return false;
    }
}
