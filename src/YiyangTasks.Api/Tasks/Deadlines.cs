using YiyangTasks.Api.Http;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Tasks;

/// <summary>A task's deadline as shown: the kind and words as written (or as the office corrected them), the dates they imply,
/// and the due dates that follow (the final due date, each recurrence's end, a standing task's yearly reviews, through the end of next year).</summary>
public sealed record DeadlineView(DeadlineKind Kind, string? Words, DateOnly? From, DateOnly? Until, ReportingCycle? Every,
    IReadOnlyList<DateOnly> DueDates)
{
    public static DeadlineView Of(SupervisedTask task, DateTimeOffset now)
    {
        // Tasks assigned before terms were read have a date or nothing.
        var terms = task.DeadlineTerms ?? (task.Deadline is { } date
            ? new DeadlineTerms(DeadlineKind.Date, task.DeadlineWords ?? "", Until: date)
            : DeadlineTerms.None(task.DeadlineWords ?? ""));
        var through = new DateOnly(ChinaTime.DateOf(now).Year + 1, 12, 31);
        // A granted extension moves the final due date; the words stay as written.
        IReadOnlyList<DateOnly> due = terms.Kind is DeadlineKind.Recurring or DeadlineKind.Standing
            ? terms.DueDates(ChinaTime.DateOf(task.AssignedAt), through)
            : task.Deadline is { } final ? [final] : [];
        return new DeadlineView(terms.Kind, terms.Words.Length == 0 ? null : terms.Words, terms.From, terms.Until, terms.Every, due);
    }
}

/// <summary>The body of POST …/deadline (完成时限更正): the terms as they should read, and why the office corrects them.</summary>
public sealed record DeadlineCorrectionRequest(DeadlineKind? Kind, string? Words, DateOnly? From, DateOnly? Until, ReportingCycle? Every,
    string? Reason) : IValidatedRequest
{
    public DeadlineTerms Terms() => new(Kind ?? DeadlineKind.None, Words?.Trim() ?? "", From, Until, Every);

    public IResult? Validate()
    {
        var rules = new TextRules()
            .Check("kind", Kind is not null, "field.required-one-of", ("values", Enum.GetNames<DeadlineKind>()))
            .Optional("words", Words, 200)
            .Dated("from", From, min: 1990)
            .Dated("until", Until, min: 1990)
            .Required("reason", Reason, 4000, multiline: true);
        if (Kind is not null && Terms().Problem() is { } problem) rules.Check("kind", false, $"rule.{problem.Key}");
        return rules.Problem();
    }
}

/// <summary>The office corrects how a task's deadline reads; the task records who, the old and new terms, and why.</summary>
public static class DeadlineCorrections
{
    public static Task<IResult> Correct(string planId, int number, HttpContext http, TaskWrites writes) =>
        writes.ExecuteAsync<DeadlineCorrectionRequest>(http, planId, number,
            request => (task, actor, now) => new CorrectDeadline(request.Terms(), request.Reason!.Trim()).Decide(task, actor, now));
}
