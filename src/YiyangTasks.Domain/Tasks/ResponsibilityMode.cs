namespace YiyangTasks.Domain.Tasks;

/// <summary>How a task's units share responsibility, as the plan words it.</summary>
public enum ResponsibilityMode
{
    /// <summary>…牵头，…配合: the lead units lead and the others cooperate.</summary>
    LeadAndCooperate,

    /// <summary>…分别负责: each named unit answers for its own part.</summary>
    EachResponsibleForOwnPart,

    /// <summary>…按职责分工负责: each unit according to its statutory duties.</summary>
    ByDuty,

    /// <summary>…负责: the named units are jointly responsible.</summary>
    Jointly,
}
