using System.Text.Json;
using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Http;

/// <summary>A request body that can say what is wrong with its own shape (400), before any rule of the task is asked.</summary>
public interface IValidatedRequest
{
    IResult? Validate();
}

/// <summary>Reads a JSON request body within a size limit, answering a clear problem for anything malformed.</summary>
public static class RequestBody
{
    /// <summary>The default limit of a command's body: far above any real command, far below harm.</summary>
    public const int DefaultLimit = 256 * 1024;

    public static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpRequest request, int limit = DefaultLimit)
        where T : class
    {
        if (request.ContentLength > limit) return (null, Problems.PayloadTooLarge(limit));
        if (!request.HasJsonContentType()) return (null, Problems.UnsupportedMediaType("application/json"));

        var body = await ReadLimitedAsync(request, limit);
        if (body is null) return (null, Problems.PayloadTooLarge(limit));

        if (body.Length == 0) return (null, Problems.BadRequest(Messages.Of("body-empty")));
        request.HttpContext.Items[BodyKey] = body;
        try
        {
            var value = JsonSerializer.Deserialize<T>(body, ApiJson.Requests);
            return value is null
                ? (null, Problems.BadRequest(Messages.Of("body-null")))
                : (value, null);
        }
        catch (JsonException e)
        {
            // JsonException's message names the path and position but never our internals.
            return (null, Problems.BadRequest(Messages.Of("body-not-json", ("reason", e.Message))));
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            // Invalid UTF-8 or unpaired surrogates in a string value.
            return (null, Problems.BadRequest(Messages.Of("body-not-utf8", ("reason", e.Message))));
        }
    }

    /// <summary>The raw bytes of the body read by <see cref="ReadJsonAsync{T}"/>, for idempotency fingerprints.</summary>
    public static ReadOnlyMemory<byte> RawBody(HttpContext context) =>
        context.Items.TryGetValue(BodyKey, out var body) && body is byte[] bytes ? bytes : ReadOnlyMemory<byte>.Empty;

    private const string BodyKey = "yiyang.body";

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/> bytes (however it was sent).</summary>
    public static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, int limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.ToArray();
    }
}
