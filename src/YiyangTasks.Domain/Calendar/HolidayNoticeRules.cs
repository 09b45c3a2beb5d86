using System.Globalization;
using System.Text.RegularExpressions;

namespace YiyangTasks.Domain.Calendar;

/// <summary>One holiday of a notice as someone typed it, before it is checked: name, days off, weekend days worked.</summary>
public sealed record HolidayPeriodDraft(string Name, DateOnly From, DateOnly To, IReadOnlyList<DateOnly> MakeUpWorkingDays);

/// <summary>
/// A reason a holiday notice cannot be used: the field it concerns (e.g. holidays[2].makeUpWorkingDays[0]), a code from
/// <see cref="HolidayNoticeRules.Codes"/> and the facts the host words it with.
/// </summary>
public sealed record NoticeProblem(string Field, string Code, IReadOnlyDictionary<string, object?> Args);

/// <summary>
/// What a State Council holiday notice (国务院办公厅关于部分节假日安排的通知) must look like before working days are
/// counted by it: its document number (文号), days off within its year, make-up working days (调休上班日) on weekends only,
/// no day both off and working, and no holiday that changes nothing.
/// </summary>
public static partial class HolidayNoticeRules
{
    /// <summary>The longest run of days off a notice has given (春节 has reached 9); anything far longer is a typo.</summary>
    public const int MaxHolidayDays = 14;

    /// <summary>Every code a problem may carry.</summary>
    public static readonly IReadOnlyList<string> Codes =
    [
        "number-missing", "number-wrong-year", "holidays-none", "ends-before-start", "outside-year", "too-long", "all-weekend",
        "overlap", "overlap-other-year", "make-up-not-weekend", "make-up-outside-year", "make-up-is-day-off",
        "make-up-is-day-off-other-year", "make-up-repeated",
    ];

    /// <summary>The notice's document number, e.g. 国办发明电〔2025〕7号, or null when the text names none.</summary>
    public static string? NoticeNumber(string source) => NoticeNumberPattern().Match(source) is { Success: true } m ? m.Value : null;

    /// <summary>
    /// Everything wrong with a notice for <paramref name="year"/>; empty when it may be used. <paramref name="otherYears"/>
    /// are the arrangements in force for other years: a notice must not claim their days.
    /// </summary>
    public static IReadOnlyList<NoticeProblem> Check(int year, string source, IReadOnlyList<HolidayPeriodDraft> holidays,
        IEnumerable<HolidayArrangement> otherYears)
    {
        var problems = new List<NoticeProblem>();
        void Add(string field, string code, params (string Name, object? Value)[] args) =>
            problems.Add(new NoticeProblem(field, code, args.ToDictionary(a => a.Name, a => a.Value)));

        var number = NoticeNumberPattern().Match(source);
        if (!number.Success)
            Add("source", "number-missing", ("previous", year - 1));
        else if (int.Parse(number.Groups["year"].Value, CultureInfo.InvariantCulture) is var issued && issued != year - 1 && issued != year)
            Add("source", "number-wrong-year", ("number", number.Value), ("issued", issued), ("year", year), ("previous", year - 1));

        if (holidays.Count == 0) Add("holidays", "holidays-none");

        // A notice may reach a few days across New Year (元旦 has started on 12-31 before): the month either side, no further.
        var earliest = new DateOnly(year - 1, 12, 1);
        var latest = new DateOnly(year + 1, 1, 31);
        var others = otherYears.Where(a => a.Year != year).SelectMany(a => a.Holidays.Select(h => (a.Year, Period: h))).ToArray();

        for (var i = 0; i < holidays.Count; i++)
        {
            var (field, h) = ($"holidays[{i}]", holidays[i]);
            if (h.To < h.From)
            {
                Add(field, "ends-before-start", ("name", h.Name), ("from", h.From), ("to", h.To));
                continue;
            }
            if (h.From < earliest || h.To > latest)
                Add(field, "outside-year", ("name", h.Name), ("year", year), ("from", h.From), ("to", h.To));
            var days = h.To.DayNumber - h.From.DayNumber + 1;
            if (days > MaxHolidayDays)
                Add(field, "too-long", ("name", h.Name), ("days", days), ("max", MaxHolidayDays));
            else if (Days(h.From, h.To).All(IsWeekend))
                Add(field, "all-weekend", ("name", h.Name), ("from", h.From), ("to", h.To));

            for (var j = 0; j < i; j++)
                if (holidays[j].From <= h.To && h.From <= holidays[j].To)
                    Add(field, "overlap", ("name", h.Name), ("other", holidays[j].Name));
            foreach (var (otherYear, period) in others)
                if (period.From <= h.To && h.From <= period.To)
                    Add(field, "overlap-other-year", ("name", h.Name), ("year", otherYear), ("other", period.Name), ("from", period.From), ("to", period.To));

            for (var k = 0; k < h.MakeUpWorkingDays.Count; k++)
            {
                var (dayField, day) = ($"{field}.makeUpWorkingDays[{k}]", h.MakeUpWorkingDays[k]);
                if (!IsWeekend(day))
                    Add(dayField, "make-up-not-weekend", ("day", day), ("weekday", day.DayOfWeek));
                if (day < earliest || day > latest)
                    Add(dayField, "make-up-outside-year", ("day", day), ("year", year));
                if (holidays.FirstOrDefault(p => p.From <= day && day <= p.To) is { } off)
                    Add(dayField, "make-up-is-day-off", ("day", day), ("name", off.Name));
                else if (others.FirstOrDefault(o => o.Period.Contains(day)) is { Period: not null } offElsewhere)
                    Add(dayField, "make-up-is-day-off-other-year", ("day", day), ("year", offElsewhere.Year), ("name", offElsewhere.Period.Name));
                if (holidays.Take(i).SelectMany(p => p.MakeUpWorkingDays).Concat(h.MakeUpWorkingDays.Take(k)).Contains(day))
                    Add(dayField, "make-up-repeated", ("day", day));
            }
        }
        return problems;
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1)) yield return day;
    }

    // The General Office's urgent-telegram series (国办发明电) carries every holiday notice: 〔year〕 then the serial number.
    [GeneratedRegex(@"国办发明电〔(?<year>\d{4})〕\d{1,3}号")]
    private static partial Regex NoticeNumberPattern();
}
