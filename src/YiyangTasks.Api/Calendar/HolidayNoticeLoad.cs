using System.ComponentModel.DataAnnotations;
using YiyangTasks.Api.Http;
using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Calendar;

/// <summary>
/// One holiday notice as an administrator loaded it: what it says, who loaded it and when. Loads are never changed:
/// a year's newest revision is in force, the earlier ones stay as its history.
/// </summary>
public sealed record HolidayNoticeLoad(
    string Id,
    int Year,
    int Revision,
    string Source,
    IReadOnlyList<NoticedHoliday> Holidays,
    Actor LoadedBy,
    DateTimeOffset LoadedAt)
{
    /// <summary>"2027-r002": one document per revision, so two administrators loading the same year at once cannot both win.</summary>
    public static string IdFor(int year, int revision) => $"{year}-r{revision:D3}";

    public HolidayArrangement ToArrangement() => new(Year, Source,
        Holidays.Select(h => new HolidayPeriod(h.Name, h.From, h.To, h.MakeUpWorkingDays)).ToArray());
}

/// <summary>A holiday of a notice: its name, first and last day off, and the weekend days worked for it (调休上班日).</summary>
public sealed record NoticedHoliday(string Name, DateOnly From, DateOnly To, IReadOnlyList<DateOnly> MakeUpWorkingDays);

/// <summary>
/// The body of PUT /api/admin/calendar/{year}: the notice in the shape of the committed files
/// (src/YiyangTasks.Domain/Calendar/Holidays/YYYY.json), so such a file can be sent as it is.
/// </summary>
public sealed record HolidayNoticeRequest([property: Required] int? Year, [property: Required] string? Source, [property: Required] IReadOnlyList<HolidayRequest>? Holidays)
{
    public const int MaxHolidays = 20;

    /// <summary>The body's shape: every field present, text sane, the year the path's. Returns the rules' drafts when sound.</summary>
    public (IReadOnlyList<HolidayPeriodDraft>? Drafts, IResult? Problem) Validate(int pathYear)
    {
        var rules = new TextRules()
            .Check("year", Year is not null, "field.required")
            .Check("year", Year is null || Year == pathYear, "field.year-not-path", ("year", pathYear))
            .Check("source", !string.IsNullOrWhiteSpace(Source), "field.notice-source")
            .Optional("source", Source, 300)
            .Check("holidays", Holidays is { Count: > 0 }, "field.holidays-at-least-one")
            .Check("holidays", Holidays is null || Holidays.Count <= MaxHolidays, "field.holidays-too-many", ("max", MaxHolidays));
        for (var i = 0; i < Math.Min(Holidays?.Count ?? 0, MaxHolidays); i++)
        {
            var h = Holidays![i];
            rules.Check($"holidays[{i}]", h is not null, "field.not-null");
            if (h is null) continue;
            rules.Check($"holidays[{i}].name", !string.IsNullOrWhiteSpace(h.Name), "field.holiday-name")
                .Optional($"holidays[{i}].name", h.Name, 50)
                .Check($"holidays[{i}].from", h.From is not null, "field.required")
                .Check($"holidays[{i}].to", h.To is not null, "field.required")
                .Check($"holidays[{i}].makeUpWorkingDays", h.MakeUpWorkingDays is null || h.MakeUpWorkingDays.Count <= 10, "field.make-up-days-too-many", ("max", 10));
        }
        if (rules.HasErrors) return (null, Problems.BadRequest(Messages.Of("calendar-notice-malformed"), rules.Errors));
        return (Holidays!.Select(h => new HolidayPeriodDraft(h!.Name!.Trim(), h.From!.Value, h.To!.Value, h.MakeUpWorkingDays ?? [])).ToArray(), null);
    }
}

/// <summary>A holiday in a <see cref="HolidayNoticeRequest"/>.</summary>
public sealed record HolidayRequest([property: Required] string? Name, [property: Required] DateOnly? From, [property: Required] DateOnly? To, IReadOnlyList<DateOnly>? MakeUpWorkingDays);

/// <summary>Where a year's arrangement comes from: an administrator's load, or the file committed with the code.</summary>
public enum NoticeOrigin { Admin, Committed }

/// <summary>A year's holiday arrangement in force, as GET and PUT /api/admin/calendar/{year} show it.</summary>
public sealed record HolidayNoticeView(
    int Year,
    string Source,
    string? NoticeNumber,
    NoticeOrigin Origin,
    IReadOnlyList<HolidayView> Holidays,
    int? Revision,
    Actor? LoadedBy,
    DateTimeOffset? LoadedAt,
    IReadOnlyList<EarlierLoad> EarlierLoads)
{
    public static HolidayNoticeView Of(HolidayArrangement arrangement, HolidayNoticeLoad? load, IEnumerable<HolidayNoticeLoad> earlier) => new(
        arrangement.Year,
        arrangement.Source,
        HolidayNoticeRules.NoticeNumber(arrangement.Source),
        load is null ? NoticeOrigin.Committed : NoticeOrigin.Admin,
        arrangement.Holidays.Select(h => new HolidayView(h.Name, h.From, h.To, h.Days, h.MakeUpWorkingDays)).ToArray(),
        load?.Revision,
        load?.LoadedBy,
        load?.LoadedAt,
        earlier.OrderByDescending(l => l.Revision).Select(l => new EarlierLoad(l.Revision, l.Source, l.LoadedBy, l.LoadedAt)).ToArray());
}

/// <summary>A holiday as shown: its days off (days counts weekends, as the notice's 共N天 does) and make-up working days.</summary>
public sealed record HolidayView(string Name, DateOnly From, DateOnly To, int Days, IReadOnlyList<DateOnly> MakeUpWorkingDays);

/// <summary>An earlier revision of the year, replaced by a later load.</summary>
public sealed record EarlierLoad(int Revision, string Source, Actor LoadedBy, DateTimeOffset LoadedAt);
