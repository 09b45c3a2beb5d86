using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Marten;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Units;
using YiyangTasks.Api.Timeliness;
using YiyangTasks.Domain.Timeliness;
using Wolverine.Marten;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Plans;

/// <summary>One task of a plan being registered, as the office writes it.</summary>
public sealed record TaskToAssign(
    int Number,
    [property: Required] string? Text,
    [property: Required] IReadOnlyList<string>? LeadUnits,
    IReadOnlyList<string>? CooperatingUnits,
    ResponsibilityMode Mode = ResponsibilityMode.LeadAndCooperate,
    DateOnly? Deadline = null,
    string? DeadlineWords = null,
    ReportingCycle ReportingCycle = ReportingCycle.Monthly,
    IReadOnlyList<CooperationDuty>? CooperationDuties = null);

/// <summary>POST /api/plans: the office registers a plan and assigns its tasks, all in one transaction.</summary>
public sealed record RegisterPlanRequest(
    [property: Required] string? PlanId,
    [property: Required] string? Title,
    [property: Required] string? Jurisdiction,
    string? DocumentNumber,
    string? IssuingBody,
    DateOnly? IssuedOn,
    [property: Required] IReadOnlyList<TaskToAssign>? Tasks,
    TimelinessRules? Timeliness = null)
{
    public const int MaxTasks = 2000;

    public IResult? Validate()
    {
        var rules = new TextRules()
            .Required("planId", PlanId, 64)
            .Check("planId", PlanId is null || PlanIds.IsValid(PlanId), "field.id")
            .Required("title", Title, 300)
            .Required("jurisdiction", Jurisdiction, 100)
            .Optional("documentNumber", DocumentNumber, 100)
            .Optional("issuingBody", IssuingBody, 200)
            .Dated("issuedOn", IssuedOn)
            .Check("tasks", Tasks is { Count: > 0 }, "field.tasks-at-least-one")
            .Check("tasks", Tasks is null || Tasks.Count <= MaxTasks, "field.tasks-too-many", ("max", MaxTasks))
            .Check("timeliness", Timeliness is null || Timeliness is { AcknowledgementWorkingDays: >= 1 and <= 60, ReportDueWorkingDay: >= 1 and <= 20, YellowWithinWorkingDays: >= 0 and <= 30 },
                "field.timeliness");
        if (Tasks is null || Tasks.Count > MaxTasks) return rules.Problem();
        rules.Check("tasks", Tasks.Select(t => t?.Number).Distinct().Count() == Tasks.Count, "field.task-numbers-unique");
        for (var i = 0; i < Tasks.Count; i++)
        {
            var task = Tasks[i];
            var at = $"tasks[{i}]";
            rules.Check(at, task is not null, "field.not-null");
            if (task is null) continue;
            rules.Check($"{at}.number", task.Number is >= 1 and <= 9999, "field.between", ("min", 1), ("max", 9999))
                .Required($"{at}.text", task.Text, 4000)
                .Each($"{at}.leadUnits", task.LeadUnits, 50, 100, required: true)
                .Each($"{at}.cooperatingUnits", task.CooperatingUnits, 100, 100)
                .Optional($"{at}.deadlineWords", task.DeadlineWords, 200)
                .Each($"{at}.cooperationDuties", task.CooperationDuties?.Select(d => d?.Unit!).ToArray(), 100, 100)
                .Each($"{at}.cooperationDuties", task.CooperationDuties?.Select(d => d?.Duty!).ToArray(), 100, AcknowledgeCooperation.MaxDutyLength)
                .Dated($"{at}.deadline", task.Deadline);
        }
        return rules.Problem();
    }
}

/// <summary>Plan ids are short slugs: they appear in every task's URL and stream key.</summary>
public static partial class PlanIds
{
    public static bool IsValid(string id) => Slug().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Slug();
}

public static class RegisterPlan
{
    public static async Task<IResult> Handle(HttpContext http, IDocumentStore store, TimeProvider clock,
        PlanAssignment assignment, UnitDirectoryCache directory, IMartenOutbox outbox)
    {
        var (request, problem) = await RequestBody.ReadJsonAsync<RegisterPlanRequest>(http.Request, 4 * 1024 * 1024);
        if (problem is not null) return problem;
        if (request!.Validate() is { } invalid) return invalid;

        var actor = ActorFilter.Of(http);
        var now = clock.GetUtcNow();
        await using var session = ActingSession.Open(store, outbox, actor, Correlation.Id(http));

        if (await session.Events.FetchStreamStateAsync(request.PlanId!) is not null)
            return PlanExists(request.PlanId!);

        var draft = new PlanDraft(request.PlanId!, request.Title!.Trim(), request.Jurisdiction!.Trim(), request.DocumentNumber,
            request.IssuingBody, request.IssuedOn, request.Timeliness, null,
            request.Tasks!.Select(t => new AssignTask(request.PlanId!, t.Number, t.Text!.Trim(), t.LeadUnits ?? [],
                t.CooperatingUnits ?? [], t.Mode, t.Deadline, t.DeadlineWords, t.ReportingCycle, CooperationDuties: t.CooperationDuties)).ToArray());
        var (registered, refusal) = await assignment.StageNewAsync(session, outbox, draft, actor, now, http.RequestAborted);
        if (refusal is not null) return Problems.Invalid("tasks", $"rule.{refusal.Code.Key}", refusal.Args.Select(a => (a.Key, a.Value)).ToArray());
        try
        {
            await session.SaveChangesAsync(http.RequestAborted);
            directory.Invalidate();
        }
        catch (Exception e) when (e.GetType().Name.Contains("ExistingStreamIdCollision"))
        {
            return PlanExists(request.PlanId!);
        }
        return Results.Created($"/api/plans/{request.PlanId}", PlanView.From(Plan.FromRegistration(registered!),
            new Dictionary<Domain.Tasks.TaskStatus, int> { [Domain.Tasks.TaskStatus.Assigned] = draft.Tasks.Count }));
    }

    internal static IResult PlanExists(string planId) =>
        Problems.Problem(StatusCodes.Status409Conflict, "plan-exists", Messages.Of("plan-exists", ("plan", planId)));
}
