using Microsoft.AspNetCore.Mvc;
using YiyangTasks.Api.Localization;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Http;

/// <summary>
/// RFC 9457 problem details for every refusal the API gives, each with a stable type; titles and details are worded in
/// the request's language (<see cref="Messages"/>): a detail passed in is already worded, a title is found by its type.
/// </summary>
public static class Problems
{
    public static IResult BadRequest(string detail, IDictionary<string, string[]>? errors = null) =>
        errors is null
            ? Problem(StatusCodes.Status400BadRequest, "bad-request", detail)
            : Results.ValidationProblem(errors, detail, type: Type("validation"), title: Messages.Of("title.validation"));

    /// <summary>400: one field is not valid; <paramref name="key"/> words what is wrong with it.</summary>
    public static IResult Invalid(string field, string key, params (string Name, object? Value)[] args)
    {
        var message = Messages.Of(key, args);
        return BadRequest($"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });
    }

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "not-found", detail);

    public static IResult PlanNotFound(string planId) => NotFound(Messages.Of("plan-not-found", ("plan", planId)));

    public static IResult UnitNotFound(string unitId) => NotFound(Messages.Of("unit-not-found", ("unit", unitId)));

    /// <summary>409: the task's rules forbid this now; the answer names the rule.</summary>
    public static IResult RuleViolated(RuleViolation violation, long currentVersion) =>
        Problem(StatusCodes.Status409Conflict, "rule-violation", Messages.Of(violation),
            new Dictionary<string, object?> { ["rule"] = violation.Rule, ["currentVersion"] = currentVersion });

    /// <summary>409: the client's If-Match version is not the task's current version.</summary>
    public static IResult VersionConflict(long expected, long currentVersion) =>
        Problem(StatusCodes.Status409Conflict, "version-conflict",
            Messages.Of("version-conflict", ("expected", expected), ("current", currentVersion)),
            new Dictionary<string, object?> { ["currentVersion"] = currentVersion });

    /// <summary>409: others kept writing to the same task while we retried.</summary>
    public static IResult Contended(long currentVersion) =>
        Problem(StatusCodes.Status409Conflict, "version-conflict", Messages.Of("contended"),
            new Dictionary<string, object?> { ["currentVersion"] = currentVersion }, title: "contended");

    public static IResult IdempotencyKeyReused() =>
        Problem(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", Messages.Of("idempotency-key-reused"));

    public static IResult PayloadTooLarge(long limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "payload-too-large", Messages.Of("payload-too-large", ("limit", limit)));

    public static IResult UnsupportedMediaType(string expected) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", Messages.Of("unsupported-media-type", ("expected", expected)));

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "forbidden", detail);

    /// <param name="detail">Already worded in the request's language.</param>
    /// <param name="title">The title's key (title.{key}) when it is not the type's own.</param>
    public static IResult Problem(int status, string type, string detail,
        IDictionary<string, object?>? extensions = null, string? title = null) =>
        Results.Problem(new ProblemDetails
        {
            Status = status,
            Type = Type(type),
            Title = Messages.Of($"title.{title ?? type}"),
            Detail = detail,
            Extensions = extensions ?? new Dictionary<string, object?>(),
        });

    /// <summary>
    /// The problems ASP.NET Core writes itself (401 and 403 of authentication, 404 and 405 of routing, a malformed
    /// parameter) get their title in the request's language too.
    /// </summary>
    public static void Localize(ProblemDetailsContext context)
    {
        var details = context.ProblemDetails;
        if (details.Status is not { } status || details.Type?.StartsWith("/problems/", StringComparison.Ordinal) == true) return;
        var key = $"title.status.{status}";
        if (Messages.Knows(key)) details.Title = Messages.Of(key);
    }

    private static string Type(string code) => $"/problems/{code}";
}
