using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport;

/// <summary>A published plan as read from its text: its heading facts, its numbered tasks, its member directory and what the reader could not make sense of.</summary>
public sealed record ParsedPlan(
    string? Title,
    string? DocumentNumber,
    string? IssuingBody,
    DateOnly? IssuedOn,
    IReadOnlyList<ParsedTask> Tasks,
    IReadOnlyList<DirectoryUnit> Members,
    IReadOnlyList<ParseWarning> Warnings)
{
    /// <summary>The county, district or city the plan governs (鄢陵县, 浔阳区, 茂名市), when the text names it; pass it to <see cref="UnitDirectory.For"/>.</summary>
    public string? Jurisdiction { get; init; }
}

/// <summary>One numbered task of a plan (工作任务) with the units the plan makes responsible for it.</summary>
public sealed record ParsedTask(
    int Number,
    string Text,
    IReadOnlyList<string> LeadUnits,
    IReadOnlyList<string> CooperatingUnits,
    ResponsibilityMode Mode,
    IReadOnlyList<WrittenDeadline> Deadlines,
    string? RelativeDeadline,
    SourceLines Source)
{
    /// <summary>The heading the task stands under (二、重点任务 / （一）党政领导，部门协同), when there is one.</summary>
    public string? Heading { get; init; }

    public IReadOnlyList<string> GroupParties { get; init; } = [];

    /// <summary>The reporting cycle (报送周期) a table gives the task, when it has that column (the 分工表 does).</summary>
    public ReportingCycle? ReportingCycle { get; init; }
}

/// <summary>A deadline written as a date in the plan (到2022年, 2017年7月底前), read as the last day it allows.</summary>
public sealed record WrittenDeadline(DateOnly Date, string Words);

/// <summary>Where in the document a task was written: 1-based first and last line.</summary>
public sealed record SourceLines(int First, int Last);

/// <summary>Something the reader could not make sense of, said instead of guessed: line (if any), a stable code and why.</summary>
public sealed record ParseWarning(int? Line, string Code, string Message);

/// <summary>A member unit (成员单位) of a joint conference or leading group, as the plan's annex lists it, with its liaisons (联络员).</summary>
public sealed record DirectoryUnit(string Name, IReadOnlyList<Liaison> Liaisons)
{
    /// <summary>The unit's member (成员) on the conference, when the annex names one.</summary>
    public IReadOnlyList<Liaison> Representatives { get; init; } = [];
}

/// <summary>A person a member unit names: its liaison (联络员) or member (成员), with title and phone when given.</summary>
public sealed record Liaison(string Name, string? Title, string? Phone);

/// <summary>Codes of <see cref="ParseWarning"/>, stable for the host to act on.</summary>
public static class ParseWarningCodes
{
    public const string NoTaskList = "no-task-list";
    public const string DeclaredCountMismatch = "declared-count-mismatch";
    public const string UnparseableLine = "unparseable-line";
    public const string NoUnits = "no-units";
    public const string UnknownUnit = "unknown-unit";
    public const string Numbering = "numbering";
    public const string ReaderFailure = "reader-failure";
    /// <summary>A table's responsibility column had no header the reader knows; it was chosen by its cells reading as unit lists.</summary>
    public const string GuessedUnitColumn = "guessed-unit-column";
    /// <summary>A deadline the import cannot date as the plan means it: counted from an event, from an issue date the document
    /// does not give, on working days of a year without its holiday notice, or written in words the reader does not know.</summary>
    public const string UnresolvedDeadline = "unresolved-deadline";
}
