using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace YiyangTasks.Api.OpenApi;

/// <summary>
/// The rules every schema of the document follows, applied by one transformer rather than by hand:
/// <list type="bullet">
/// <item>Nulls: a nullable property (a <c>?</c> type in C#) is never required, in requests and answers alike — the API
/// omits it when it is null and accepts it omitted or null. So is a request field with a default value. Every other
/// property is required, and always sent.</item>
/// <item>A request field the server refuses without (<see cref="RequiredAttribute"/> beside its validation) is required and
/// not nullable, though its C# type is nullable so the server can answer a clear 400 instead of a parse error.</item>
/// <item>Enums are strings (the API's JSON writes and reads them by name only).</item>
/// <item>One problem-details schema, with the extension members the API sends.</item>
/// </list>
/// </summary>
internal static class SchemaRules
{
    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        if (schema.Enum is { Count: > 0 } && schema.Type is null) schema.Type = JsonSchemaType.String;

        // Called for a type's own schema and again, with JsonPropertyInfo set, where it is a property's schema.
        if (context.JsonPropertyInfo is { } property && IsRequiredField(property)) StripNull(schema);

        var type = context.JsonTypeInfo;
        if (type.Kind == JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 })
        {
            var required = type.Properties
                .Where(p => schema.Properties.ContainsKey(p.Name) && p.ShouldSerialize is null &&
                            (IsRequiredField(p) || !p.IsGetNullable && p.AssociatedParameter is not { HasDefaultValue: true }))
                .Select(p => p.Name)
                .ToHashSet();
            // A required property is never null: its schema does not offer null either.
            foreach (var name in required)
                if (schema.Properties[name] is OpenApiSchema propertySchema) StripNull(propertySchema);
            schema.Required = required.Count == 0 ? null : required;
        }
        if (typeof(ProblemDetails).IsAssignableFrom(type.Type)) DescribeProblem(schema);
        if (Examples.ByType.TryGetValue(type.Type, out var example)) schema.Examples = [example.DeepClone()];
        return Task.CompletedTask;
    }

    /// <summary>
    /// The generator wraps a nullable enum or object property as oneOf [null, $ref] after the schema transformers ran;
    /// a required property (a request field the server refuses without) becomes the bare $ref.
    /// </summary>
    public static Task ApplyToDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken _)
    {
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (schema.Properties is null || schema.Required is null) continue;
            foreach (var name in schema.Required)
            {
                if (schema.Properties.TryGetValue(name, out var property) && property is OpenApiSchema { OneOf: { Count: 2 } alternatives } &&
                    alternatives.SingleOrDefault(a => a is OpenApiSchema { Type: JsonSchemaType.Null }) is { } nullAlternative)
                    schema.Properties[name] = alternatives.Single(a => a != nullAlternative);
            }
        }
        return Task.CompletedTask;
    }

    private static bool IsRequiredField(JsonPropertyInfo property) =>
        property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true;

    private static void StripNull(OpenApiSchema schema)
    {
        if (schema.Type is { } t && t.HasFlag(JsonSchemaType.Null)) schema.Type = t & ~JsonSchemaType.Null;
        if (schema.OneOf is { } alternatives)
        {
            var nulls = alternatives.Where(a => a is OpenApiSchema { Type: JsonSchemaType.Null }).ToArray();
            foreach (var n in nulls) alternatives.Remove(n);
        }
    }

    /// <summary>RFC 9457 problem details as <see cref="Http.Problems"/> and ASP.NET Core's problem writer send them.</summary>
    private static void DescribeProblem(OpenApiSchema schema)
    {
        schema.Description = "RFC 9457 problem details. `type` is a stable code (/problems/rule-violation, /problems/version-conflict, " +
                             "/problems/validation…); `detail` says in words what to do.";
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "For /problems/validation: each invalid field (camelCase JSON path, or a header name) and what is wrong with it.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
        schema.Properties["rule"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "For /problems/rule-violation: the task's rule that forbids the command (completion-already-pending…).",
        };
        schema.Properties["currentVersion"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer, Format = "int64",
            Description = "For a 409: the task's current version, to read again and send as If-Match.",
        };
        schema.Properties["warnings"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "For /problems/no-task-list (import): what the reader noticed in the document, as in ImportResult.warnings.",
            Items = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "code", "message" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["line"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
                    ["code"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                },
            },
        };
        schema.Properties["traceId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String, Description = "The request's trace id, to quote when reporting a problem.",
        };
        schema.AdditionalProperties = null;
        schema.AdditionalPropertiesAllowed = true;
    }
}
