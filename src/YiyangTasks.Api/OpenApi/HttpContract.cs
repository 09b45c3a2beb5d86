namespace YiyangTasks.Api.OpenApi;

/// <summary>A request header an endpoint reads, declared in the document from the endpoint's own metadata.</summary>
public sealed record RequestHeader(string Name, string Description);

/// <summary>A response header an endpoint sends with the answer of this status.</summary>
public sealed record ResponseHeader(int Status, string Name, string Description);

/// <summary>Another representation of an answer (CSV, .xlsx) beside its JSON, chosen by Accept.</summary>
public sealed record AlternativeContent(int Status, string ContentType, bool Binary);

/// <summary>A body that is a document: raw in one of the binary media types, or as the named multipart file part.</summary>
public sealed record DocumentBody(string FilePart, IReadOnlyList<string> TextTypes, IReadOnlyList<string> FormFields);

/// <summary>The HTTP conventions an endpoint follows, attached as metadata so the document states them where they apply.</summary>
public static class HttpContract
{
    public static readonly RequestHeader IfMatch = new("If-Match",
        "The task version you last saw, as its ETag (\"3\"): the command is refused with 409 version-conflict when the task has moved on.");

    public static readonly RequestHeader IdempotencyKey = new("Idempotency-Key",
        "Any string of at most 200 printable characters; a retry with the same key and body answers the first answer again, once.");

    public static readonly RequestHeader CorrelationId = new("X-Correlation-Id",
        "Recorded with every event this request writes (letters, digits, - _ . :, at most 100); otherwise the request's trace id is.");

    public const string ETagDescription = "The task's version, the value to send back as If-Match.";

    public const string EventSequenceDescription = "The event sequence this write reached (its last event's place in the store): " +
        "a report reflects the write once its X-Projection-Sequence is at least this number.";

    /// <summary>A task command: If-Match, Idempotency-Key and X-Correlation-Id in, the new version as ETag and the event sequence out.</summary>
    public static TBuilder IsTaskCommand<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(IfMatch, IdempotencyKey, CorrelationId, new ResponseHeader(200, "ETag", ETagDescription),
            new ResponseHeader(200, Tasks.TaskWrites.SequenceHeader, EventSequenceDescription));

    /// <summary>A write whose events carry the caller's X-Correlation-Id.</summary>
    public static TBuilder RecordsCorrelationId<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(CorrelationId);

    public static TBuilder AnswersETag<TBuilder>(this TBuilder endpoint, int status = 200) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new ResponseHeader(status, "ETag", ETagDescription));

    /// <summary>The answer of <paramref name="status"/> also comes as CSV (Accept: text/csv), beside its JSON.</summary>
    public static TBuilder AlsoProducesCsv<TBuilder>(this TBuilder endpoint, int status = 200) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new AlternativeContent(status, "text/csv", Binary: false));

    public static TBuilder AlsoProducesFile<TBuilder>(this TBuilder endpoint, int status, string contentType) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new AlternativeContent(status, contentType, Binary: true));

    /// <summary>The body is a document file: its media types, text ones as strings, the others as bytes, and a multipart file part.</summary>
    public static RouteHandlerBuilder AcceptsDocument(this RouteHandlerBuilder endpoint, IReadOnlyList<string> mediaTypes,
        IReadOnlyList<string> textTypes, string filePart, params string[] formFields) =>
        endpoint.Accepts<string>(mediaTypes[0], mediaTypes.Skip(1).ToArray())
            .WithMetadata(new DocumentBody(filePart, textTypes, formFields));
}
