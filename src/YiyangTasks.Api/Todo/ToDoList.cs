using System.Text.Json.Serialization;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Todo;

/// <summary>Everything a unit owes across all plans (待办), soonest first, with counts for a badge.</summary>
public sealed record ToDoList(string UnitId, string UnitName, DateTimeOffset AsOf, ToDoCounts Counts, IReadOnlyList<ToDoItem> Items);

/// <summary>The to-do's counts: all items, the overdue ones, and those falling due within 3 working days.</summary>
public sealed record ToDoCounts(int Total, int Overdue, int DueWithin3WorkingDays);

/// <summary>
/// One thing owed on one task: the task, the due day (null when none is set), working days left (negative: working
/// days overdue), the reporting period for a report, and the endpoint that does it.
/// </summary>
public sealed record ToDoItem(
    // Kinds by their exact names ("Acknowledge", "RedoCompletion"): the board and clients switch on them.
    [property: JsonConverter(typeof(JsonStringEnumConverter<ToDoKind>))] ToDoKind Kind,
    string PlanId,
    string PlanTitle,
    int TaskNumber,
    string TaskText,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateOnly? DueOn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? WorkingDaysLeft,
    bool Overdue,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ToDoPeriod? Period,
    ToDoAction Action);

/// <summary>The reporting period (报告期) a report is owed for.</summary>
public sealed record ToDoPeriod(DateOnly Start, DateOnly End);

/// <summary>The request that does the item: its method and path.</summary>
public sealed record ToDoAction(string Method, string Href);
