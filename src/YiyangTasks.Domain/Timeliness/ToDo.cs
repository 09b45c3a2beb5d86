using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Domain.Timeliness;

/// <summary>What a unit is to do on a task (待办).</summary>
public enum ToDoKind
{
    /// <summary>Acknowledge the task (签收).</summary>
    Acknowledge,

    /// <summary>Report progress for a period (报送).</summary>
    Report,

    /// <summary>Report the task complete by its deadline (办结).</summary>
    Complete,

    /// <summary>The office rejected the reported completion: finish the work and report it again.</summary>
    RedoCompletion,

    /// <summary>The office decided an extension request lately (granted or refused): take note of the deadline.</summary>
    ExtensionDecided,

    /// <summary>A cooperating unit acknowledges its own part of the task (签收配合事项).</summary>
    AcknowledgeCooperation,

    /// <summary>A cooperating unit reports on its own part for a period (报送配合情况).</summary>
    ReportCooperation,
}

/// <summary>One thing a unit owes on a task: by when (if a day is set), for which period, and whether it is overdue.</summary>
public sealed record ToDo(ToDoKind Kind, DateOnly? DueOn, DateOnly? PeriodStart, DateOnly? PeriodEnd, bool Overdue);

/// <summary>A unit's to-do on one task, read from the task's own obligations (<see cref="Obligations"/>).</summary>
public static class ToDos
{
    /// <summary>How long an extension decision stays on the to-do of the task's lead units, in working days.</summary>
    public const int ExtensionDecisionNoticeWorkingDays = 5;

    /// <summary>
    /// What <paramref name="unit"/> owes on <paramref name="task"/> now, while the task is open. A lead unit: its unmet
    /// acknowledgement; its unmet reports, the running period's included, but not a missed period it has since made up
    /// by reporting again (as the light judges it); the completion, as a redo once the office rejected one, unless a
    /// completion is pending review. A cooperating unit: its own part (<see cref="CooperationObligations"/>), the
    /// acknowledgement of its 配合事项 and its report for each period, the running one included.
    /// </summary>
    public static IReadOnlyList<ToDo> Of(SupervisedTask task, string unit, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        if (LapseCheck.IsClosed(task)) return [];
        if (!task.IsLeadUnit(unit)) return OfCooperatingUnit(task, unit, rules, calendar, now);
        var redo = task.CompletionRejections > 0;
        var items = new List<ToDo>();
        foreach (var o in Obligations.WithRunningPeriod(task, rules, calendar, now))
        {
            if (o.IsMet || o.Unit is { } owner && owner != unit || TrafficLight.IsMadeUp(task, o)) continue;
            var kind = o.Kind switch
            {
                ObligationKind.Acknowledgement => ToDoKind.Acknowledge,
                ObligationKind.Report => ToDoKind.Report,
                _ => redo ? ToDoKind.RedoCompletion : ToDoKind.Complete,
            };
            items.Add(new ToDo(kind, o.DueOn, o.PeriodStart, o.PeriodEnd, o.DueAt <= now));
        }
        // Without a deadline there is no completion obligation, but a rejected completion is still to be redone.
        if (redo && task.Deadline is null && task.PendingCompletion is null)
            items.Add(new ToDo(ToDoKind.RedoCompletion, null, null, null, false));
        return items;
    }

    private static IReadOnlyList<ToDo> OfCooperatingUnit(SupervisedTask task, string unit, TimelinessRules rules, WorkingDayCalendar calendar, DateTimeOffset now) =>
        CooperationObligations.WithRunningPeriod(task, rules, calendar, now)
            .Where(o => !o.IsMet && o.Unit == unit)
            .Select(o => new ToDo(o.Kind == ObligationKind.Acknowledgement ? ToDoKind.AcknowledgeCooperation : ToDoKind.ReportCooperation,
                o.DueOn, o.PeriodStart, o.PeriodEnd, o.DueAt <= now))
            .ToArray();

    /// <summary>An extension decided on <paramref name="decidedAt"/> is still news to the lead units now.</summary>
    public static bool IsRecentDecision(DateTimeOffset decidedAt, WorkingDayCalendar calendar, DateTimeOffset now) =>
        decidedAt <= now && calendar.WorkingDaysBetween(ChinaTime.DateOf(decidedAt), ChinaTime.DateOf(now)) <= ExtensionDecisionNoticeWorkingDays;
}
