using System.Globalization;
using System.Text.RegularExpressions;

namespace YiyangTasks.Domain.Calendar;

/// <summary>One holiday of a notice as someone typed it, before it is checked: name, days off, weekend days worked.</summary>
public sealed record HolidayPeriodDraft(string Name, DateOnly From, DateOnly To, IReadOnlyList<DateOnly> MakeUpWorkingDays);

/// <summary>A reason a holiday notice cannot be used, with the field it concerns (e.g. holidays[2].makeUpWorkingDays[0]).</summary>
public sealed record NoticeProblem(string Field, string Message);

/// <summary>
/// What a State Council holiday notice (国务院办公厅关于部分节假日安排的通知) must look like before working days are
/// counted by it: its document number (文号), days off within its year, make-up working days (调休上班日) on weekends only,
/// no day both off and working, and no holiday that changes nothing. Messages are in Chinese: an administrator reads them.
/// </summary>
public static partial class HolidayNoticeRules
{
    /// <summary>The longest run of days off a notice has given (春节 has reached 9); anything far longer is a typo.</summary>
    public const int MaxHolidayDays = 14;

    private static readonly string[] Weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

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
        void Add(string field, string message) => problems.Add(new NoticeProblem(field, message));

        var number = NoticeNumberPattern().Match(source);
        if (!number.Success)
            Add("source", $"须写明通知的文号，如“国办发明电〔{year - 1}〕7号”。");
        else if (int.Parse(number.Groups["year"].Value, CultureInfo.InvariantCulture) is var issued && issued != year - 1 && issued != year)
            Add("source", $"文号{number.Value}是{issued}年发文，不是{year}年的节假日安排（应为{year - 1}年或{year}年发文）。");

        if (holidays.Count == 0) Add("holidays", "至少列出一个假期。");

        // A notice may reach a few days across New Year (元旦 has started on 12-31 before): the month either side, no further.
        var earliest = new DateOnly(year - 1, 12, 1);
        var latest = new DateOnly(year + 1, 1, 31);
        var others = otherYears.Where(a => a.Year != year).SelectMany(a => a.Holidays.Select(h => (a.Year, Period: h))).ToArray();

        for (var i = 0; i < holidays.Count; i++)
        {
            var (field, h) = ($"holidays[{i}]", holidays[i]);
            if (h.To < h.From)
            {
                Add(field, $"{h.Name}的放假结束日{h.To:yyyy-MM-dd}早于开始日{h.From:yyyy-MM-dd}。");
                continue;
            }
            if (h.From < earliest || h.To > latest)
                Add(field, $"{h.Name}的日期须在{year}年内（跨年的元旦假期最多延至前后一个月），而不是{h.From:yyyy-MM-dd}至{h.To:yyyy-MM-dd}。");
            var days = h.To.DayNumber - h.From.DayNumber + 1;
            if (days > MaxHolidayDays)
                Add(field, $"{h.Name}连续放假{days}天，超过{MaxHolidayDays}天，请核对日期。");
            else if (Days(h.From, h.To).All(IsWeekend))
                Add(field, $"{h.Name}（{h.From:yyyy-MM-dd}至{h.To:yyyy-MM-dd}）全在周末，不改变任何工作日，请核对日期。");

            for (var j = 0; j < i; j++)
                if (holidays[j].From <= h.To && h.From <= holidays[j].To)
                    Add(field, $"{h.Name}与{holidays[j].Name}的放假日期重叠。");
            foreach (var (otherYear, period) in others)
                if (period.From <= h.To && h.From <= period.To)
                    Add(field, $"{h.Name}与{otherYear}年安排中的{period.Name}（{period.From:yyyy-MM-dd}至{period.To:yyyy-MM-dd}）重叠。");

            for (var k = 0; k < h.MakeUpWorkingDays.Count; k++)
            {
                var (dayField, day) = ($"{field}.makeUpWorkingDays[{k}]", h.MakeUpWorkingDays[k]);
                if (!IsWeekend(day))
                    Add(dayField, $"{day:yyyy-MM-dd}是{Weekdays[(int)day.DayOfWeek]}，调休上班日只能是周六或周日。");
                if (day < earliest || day > latest)
                    Add(dayField, $"调休上班日{day:yyyy-MM-dd}不在{year}年内。");
                if (holidays.FirstOrDefault(p => p.From <= day && day <= p.To) is { } off)
                    Add(dayField, $"{day:yyyy-MM-dd}既是{off.Name}的放假日又是上班日。");
                else if (others.FirstOrDefault(o => o.Period.Contains(day)) is { Period: not null } offElsewhere)
                    Add(dayField, $"{day:yyyy-MM-dd}既是{offElsewhere.Year}年安排中{offElsewhere.Period.Name}的放假日又是上班日。");
                if (holidays.Take(i).SelectMany(p => p.MakeUpWorkingDays).Concat(h.MakeUpWorkingDays.Take(k)).Contains(day))
                    Add(dayField, $"调休上班日{day:yyyy-MM-dd}重复列出。");
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
