using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport;

/// <summary>What a published plan says, as read from its text: the plan, its numbered tasks, its member directory, and what could not be read.</summary>
public sealed record ParsedPlan(
    string? Title,
    string? DocumentNumber,
    string? IssuingBody,
    DateOnly? IssuedOn,
    IReadOnlyList<ParsedTask> Tasks,
    IReadOnlyList<DirectoryUnit> Members,
    IReadOnlyList<ParseWarning> Warnings);

/// <summary>One numbered task of the division-of-labour list (分工), with where in the document it came from.</summary>
public sealed record ParsedTask(
    int Number,
    string Text,
    IReadOnlyList<string> LeadUnits,
    IReadOnlyList<string> CooperatingUnits,
    ResponsibilityMode Mode,
    IReadOnlyList<WrittenDeadline> Deadlines,
    string? RelativeDeadline,
    SourceLines Source);

/// <summary>A deadline as written (到2022年) and the date it means (2022-12-31).</summary>
public sealed record WrittenDeadline(DateOnly Date, string Words);

/// <summary>The 1-based lines of the document a task was read from.</summary>
public sealed record SourceLines(int First, int Last);

/// <summary>Something the parser could not make sense of, or a doubt about what it read.</summary>
public sealed record ParseWarning(int? Line, string Code, string Message);

/// <summary>A member unit (成员单位) from a plan's annex, with its liaisons (联络员).</summary>
public sealed record DirectoryUnit(string Name, IReadOnlyList<Liaison> Liaisons);

/// <summary>A liaison a member unit named: a person, their post, maybe a phone number.</summary>
public sealed record Liaison(string Name, string? Title, string? Phone);
