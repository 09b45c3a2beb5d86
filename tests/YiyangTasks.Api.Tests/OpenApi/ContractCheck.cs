namespace YiyangTasks.Api.Tests.OpenApi;

/// <summary>
/// Sits in every HTTP client the API tests use (<see cref="Infrastructure.ApiFactory.CreateClient"/>): each answer to an
/// operation of api-specs/openapi.json must have a declared status and media type and a body valid against its schema,
/// or the request throws <see cref="ContractViolation"/>, naming the operation and the property, and the test fails.
/// </summary>
public sealed class ContractCheck(ContractDocument document) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        if (document.Find(request.Method.Method, path) is not { } operation) return response; // not in the document (health, swagger)

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var problems = document.Check(operation, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        if (problems.Count > 0)
            throw new ContractViolation($"{request.Method} {request.RequestUri.PathAndQuery}: {operation} answered what " +
                                        "api-specs/openapi.json does not declare:\n  " + string.Join("\n  ", problems) +
                                        $"\nBody: {(body.Length > 1500 ? body[..1500] + "…" : body)}");
        return response;
    }
}

/// <summary>An answer the committed OpenAPI document does not allow.</summary>
public sealed class ContractViolation(string message) : Exception(message);
