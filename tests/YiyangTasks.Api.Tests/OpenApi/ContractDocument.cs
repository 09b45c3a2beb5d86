using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace YiyangTasks.Api.Tests.OpenApi;

/// <summary>
/// api-specs/openapi.json as a contract answers are checked against: each operation by method and path template,
/// each declared answer by status and media type, each JSON body against its schema with every component schema
/// beside it, and no property the schema does not declare (additionalProperties false where the document says nothing).
/// </summary>
public sealed class ContractDocument
{
    private static readonly Lazy<ContractDocument> Committed = new(() =>
        new ContractDocument(JsonNode.Parse(File.ReadAllText(Path.Combine(OpenApiDocumentTests.RepositoryRoot(), "api-specs", "openapi.json")))!));

    /// <summary>The committed document, read once per test run.</summary>
    public static ContractDocument Current => Committed.Value;

    private readonly JsonObject _definitions;
    private readonly IReadOnlyList<Operation> _operations;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();

    public ContractDocument(JsonNode document)
    {
        _definitions = Closed(Rebased(document["components"]?["schemas"]?.DeepClone() ?? new JsonObject())).AsObject();
        _operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => new Operation(
                op.Key.ToUpperInvariant(), path.Key, op.Value!["operationId"]?.GetValue<string>() ?? $"{op.Key} {path.Key}",
                Template(path.Key), path.Key.Count(c => c == '{'), op.Value!["responses"]!.AsObject())))
            .ToArray();
    }

    /// <summary>One operation of the document.</summary>
    public sealed record Operation(string Method, string Path, string Id, Regex Pattern, int Parameters, JsonObject Responses)
    {
        public override string ToString() => $"{Id} ({Method} {Path})";
    }

    /// <summary>The operation a request is answered by; literal segments win over parameters (/plans/import over /plans/{planId}).</summary>
    public Operation? Find(string method, string path) =>
        _operations.Where(o => o.Method == method && o.Pattern.IsMatch(path)).OrderBy(o => o.Parameters).FirstOrDefault();

    /// <summary>What is wrong with this answer to <paramref name="operation"/> (nothing when it is as declared).</summary>
    public IReadOnlyList<string> Check(Operation operation, int status, string? mediaType, string body)
    {
        var response = operation.Responses[status.ToString()] ?? operation.Responses["default"];
        if (response is null)
            return [$"status {status} is not declared (declared: {string.Join(", ", operation.Responses.Select(r => r.Key))})"];
        var content = response["content"]?.AsObject();
        if (content is null || content.Count == 0)
            return body.Length == 0 ? [] : [$"status {status} declares no body, but one came ({mediaType})"];
        if (mediaType is null || body.Length == 0)
            return [$"status {status} declares {string.Join(", ", content.Select(c => c.Key))}, but no body came"];
        var declared = content[mediaType];
        if (declared is null)
            return [$"status {status} answered {mediaType}, not declared (declared: {string.Join(", ", content.Select(c => c.Key))})"];
        if (!mediaType.EndsWith("json", StringComparison.Ordinal) || declared["schema"] is not { } schemaNode) return [];

        JsonNode? instance;
        try { instance = JsonNode.Parse(body); }
        catch (System.Text.Json.JsonException e) { return [$"status {status} {mediaType}: the body is not JSON ({e.Message})"]; }

        var schema = _schemas.GetOrAdd($"{operation.Id}|{status}|{mediaType}", _ => Build(schemaNode));
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid) return [];
        return (result.Details ?? [])
            .Where(d => !d.IsValid && d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"status {status} {mediaType}: at {Where(d.InstanceLocation.ToString())} " +
                                                   $"({Short(d.EvaluationPath.ToString())}): {Say(d.EvaluationPath.ToString(), e.Value)}"))
            .Distinct()
            .Take(20)
            .DefaultIfEmpty($"status {status} {mediaType}: the body does not match the schema")
            .ToArray();
    }

    private JsonSchema Build(JsonNode schema)
    {
        var root = Closed(Rebased(schema.DeepClone())).AsObject();
        var whole = new JsonObject { ["$defs"] = _definitions.DeepClone() };
        foreach (var (key, value) in root) whole[key] = value?.DeepClone();
        return JsonSchema.FromText(whole.ToJsonString());
    }

    /// <summary>References to #/components/schemas/X point at #/$defs/X, where the built schema keeps them.</summary>
    private static JsonNode Rebased(JsonNode node) =>
        JsonNode.Parse(node.ToJsonString().Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal))!;

    /// <summary>Every object schema that declares its properties allows no others, unless it says otherwise.</summary>
    private static JsonNode Closed(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["properties"] is JsonObject && !obj.ContainsKey("additionalProperties")) obj["additionalProperties"] = false;
                foreach (var (_, child) in obj.ToArray()) if (child is not null) Closed(child);
                break;
            case JsonArray array:
                foreach (var child in array) if (child is not null) Closed(child);
                break;
        }
        return node;
    }

    private static Regex Template(string path) =>
        new("^" + Regex.Replace(Regex.Escape(path).Replace(@"\{", "{"), "{[^}]+}", "[^/]+") + "$", RegexOptions.CultureInvariant);

    private static string Say(string evaluationPath, string error) =>
        evaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal)
            ? "a property the schema does not declare" : error;

    private static string Where(string pointer) => pointer.Length == 0 ? "the body" : pointer;

    private static string Short(string evaluationPath) =>
        evaluationPath.Replace("/$defs/", "schema ", StringComparison.Ordinal);
}
