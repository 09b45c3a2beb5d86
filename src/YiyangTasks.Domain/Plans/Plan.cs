using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Domain.Plans;

/// <summary>A published plan was registered for follow-through: its identity and the numbers of its tasks.</summary>
public sealed record PlanRegistered(
    string PlanId,
    string Title,
    string Jurisdiction,
    string? DocumentNumber,
    string? IssuingBody,
    DateOnly? IssuedOn,
    IReadOnlyList<int> TaskNumbers,
    Actor RegisteredBy,
    DateTimeOffset RegisteredAt,
    TimelinessRules? Rules = null,
    string? ContentHash = null);

/// <summary>A revised version of the plan's document was imported: tasks revised, added and withdrawn on their own streams.</summary>
public sealed record PlanRevised(
    string ContentHash,
    string? Title,
    IReadOnlyList<int> TaskNumbers,
    IReadOnlyList<int> Revised,
    IReadOnlyList<int> Added,
    IReadOnlyList<int> Withdrawn,
    Actor RevisedBy,
    DateTimeOffset RevisedAt);

/// <summary>A plan (实施方案/分工方案) whose numbered tasks are followed through; its stream id is the plan id.</summary>
public sealed record Plan(
    string Id,
    string Title,
    string Jurisdiction,
    string? DocumentNumber,
    string? IssuingBody,
    DateOnly? IssuedOn,
    IReadOnlyList<int> TaskNumbers,
    DateTimeOffset RegisteredAt,
    TimelinessRules? Rules = null,
    string? ContentHash = null,
    int Revisions = 0)
{
    /// <summary>Folds one event of the plan's stream.</summary>
    public static Plan? Evolve(Plan? plan, object @event) => @event switch
    {
        PlanRegistered e => FromRegistration(e),
        PlanRevised e when plan is not null => plan with
        {
            Title = e.Title ?? plan.Title,
            TaskNumbers = e.TaskNumbers,
            ContentHash = e.ContentHash,
            Revisions = plan.Revisions + 1,
        },
        _ => plan,
    };

    public static Plan FromRegistration(PlanRegistered e) =>
        new(e.PlanId, e.Title, e.Jurisdiction, e.DocumentNumber, e.IssuingBody, e.IssuedOn, e.TaskNumbers, e.RegisteredAt, e.Rules, e.ContentHash);
}
