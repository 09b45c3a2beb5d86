using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport;

/// <summary>
/// The deadlines the import cannot date as the plan means them, said as warnings (<see cref="ParseWarningCodes.UnresolvedDeadline"/>):
/// a count from an event the plan cannot date (自受理设立申请后10个工作日内), a count from the plan's issue date when the document
/// gives none (the import then counts from its own day), working days in a year whose holiday notice the calendar lacks, and a
/// deadline cell or annotation the reader could not read at all.
/// </summary>
internal static class DeadlineWarnings
{
    // Any day serves to ask whether the terms count from the plan's date: they are dated with one and undated without.
    private static readonly DateOnly AnyIssueDate = new(2025, 1, 2);

    public static IEnumerable<ParseWarning> Check(IReadOnlyList<ParsedTask> tasks, DateOnly? issuedOn, WorkingDayCalendar? calendar = null)
    {
        var days = calendar ?? WorkingDayCalendar.ChinaMainland;
        foreach (var task in tasks)
        {
            if (Check(task, issuedOn, days) is { } message)
                yield return new ParseWarning(task.Source.First, ParseWarningCodes.UnresolvedDeadline, message);
        }
    }

    private static string? Check(ParsedTask task, DateOnly? issuedOn, WorkingDayCalendar calendar)
    {
        var terms = DeadlineTermsReader.Read(task, issuedOn, calendar);
        if (terms.Kind == DeadlineKind.None)
            return string.IsNullOrWhiteSpace(task.RelativeDeadline) ? null
                : $"第{task.Number}项的时限“{task.RelativeDeadline.Trim()}”未能读出完成日期，请核定完成时限";
        if (terms.Kind is DeadlineKind.Date or DeadlineKind.Horizon && terms.Until is null)
            return issuedOn is null && DeadlineTermsReader.Read(task, AnyIssueDate, calendar).Until is not null
                ? $"文件未写明印发日期，第{task.Number}项的时限“{terms.Words}”暂以导入之日推算，请核对印发日期"
                : $"第{task.Number}项的时限“{terms.Words}”自某一事项发生起算，无法推算完成日期，请核定完成时限";
        if (terms.Words.Contains("工作日", StringComparison.Ordinal) && terms is { From: { } from, Until: { } until }
            && Enumerable.Range(from.Year, until.Year - from.Year + 1).FirstOrDefault(y => !calendar.HasOfficialData(y)) is > 0 and var year)
            return $"第{task.Number}项的时限“{terms.Words}”按工作日计算，{year}年节假日安排尚未载入，暂按周末推算，请核对";
        return null;
    }
}
