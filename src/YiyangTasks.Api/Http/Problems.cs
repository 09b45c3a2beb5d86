using Microsoft.AspNetCore.Mvc;

namespace YiyangTasks.Api.Http;

/// <summary>RFC 9457 problem details for every refusal the API gives, each with a stable type.</summary>
public static class Problems
{
    public static IResult BadRequest(string detail, IDictionary<string, string[]>? errors = null) =>
        errors is null
            ? Problem(StatusCodes.Status400BadRequest, "bad-request", "The request is not valid.", detail)
            : Results.ValidationProblem(errors, detail, type: Type("validation"), title: "The request is not valid.");

    public static IResult Invalid(string field, string message) =>
        BadRequest($"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });

    public static IResult NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, "not-found", "Not found.", detail);

    public static IResult PlanNotFound(string planId) => NotFound($"There is no plan '{planId}'.");

    /// <summary>409: the task's rules forbid this now; the answer names the rule.</summary>
    public static IResult RuleViolated(string rule, string message, long currentVersion) =>
        Problem(StatusCodes.Status409Conflict, "rule-violation", "The task's rules forbid this.", message,
            new Dictionary<string, object?> { ["rule"] = rule, ["currentVersion"] = currentVersion });

    /// <summary>409: the client's If-Match version is not the task's current version.</summary>
    public static IResult VersionConflict(long expected, long currentVersion) =>
        Problem(StatusCodes.Status409Conflict, "version-conflict", "The task has changed since you last saw it.",
            $"You sent If-Match version {expected} but the task is at version {currentVersion}. Read it again and retry.",
            new Dictionary<string, object?> { ["currentVersion"] = currentVersion });

    /// <summary>409: others kept writing to the same task while we retried.</summary>
    public static IResult Contended(long currentVersion) =>
        Problem(StatusCodes.Status409Conflict, "version-conflict", "The task is being changed by others.",
            "Concurrent changes to this task did not settle; retry.",
            new Dictionary<string, object?> { ["currentVersion"] = currentVersion });

    public static IResult IdempotencyKeyReused() =>
        Problem(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused",
            "This Idempotency-Key was used for a different request.",
            "A retry must send the same method, path and body as the first request with this key; use a new key for a new request.");

    public static IResult PayloadTooLarge(long limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "payload-too-large", "The request body is too large.",
            $"Bodies of this endpoint are limited to {limit} bytes.");

    public static IResult UnsupportedMediaType(string expected) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported media type.",
            $"Send the body as {expected}.");

    public static IResult Forbidden(string detail) =>
        Problem(StatusCodes.Status403Forbidden, "forbidden", "You may not do this.", detail);

    public static IResult Problem(int status, string type, string title, string detail,
        IDictionary<string, object?>? extensions = null) =>
        Results.Problem(new ProblemDetails
        {
            Status = status,
            Type = Type(type),
            Title = title,
            Detail = detail,
            Extensions = extensions ?? new Dictionary<string, object?>(),
        });

    private static string Type(string code) => $"/problems/{code}";
}
