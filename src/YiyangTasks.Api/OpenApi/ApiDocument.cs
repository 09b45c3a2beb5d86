using Microsoft.OpenApi;

namespace YiyangTasks.Api.OpenApi;

/// <summary>
/// The OpenAPI document, produced by Microsoft.AspNetCore.OpenApi (the framework's own generator, which reads
/// minimal-API metadata directly and writes OpenAPI 3.1); Swashbuckle's Swagger UI shows it. What the generator
/// cannot know is stated by transformers: <see cref="SchemaRules"/> (nulls, required fields, enums, problem details)
/// and <see cref="OperationRules"/> (headers, CSV and file answers, document bodies, from endpoint metadata).
/// </summary>
public static class ApiDocument
{
    public const string BearerScheme = "Bearer";

    /// <summary>Each tag of the document and what its operations are about.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>
    {
        ["Plans"] = "Plans followed through (医养结合 division-of-labour lists): reading, registering, importing a published document.",
        ["Tasks"] = "A plan's numbered tasks: their state and history, and the commands of their life (签收, 进展, 办结, 延期, 督查, 效能告诫, 问责).",
        ["Units"] = "Member units (牵头单位, 配合单位), their aliases and liaisons (联络员); merging a unit renamed by a reorganisation.",
        ["Digest"] = "The overdue digest (逾期提醒) sent to units, and the webhooks it is delivered to.",
        ["Reports"] = "Timeliness reports for the office and the supervision group (通报), as JSON or CSV.",
        ["Audit"] = "The record as the supervision group audits it: every event, who and when.",
        ["Calendar"] = "The State Council's holiday notices that make the working-day calendar deadlines are counted in.",
    };

    /// <summary>Declares, on every endpoint of a group, problem answers the group itself gives (401, 403).</summary>
    public static RouteGroupBuilder ProducesProblemForEveryEndpoint(this RouteGroupBuilder group, params int[] statuses)
    {
        foreach (var status in statuses)
            group.WithMetadata(new Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), status, "application/problem+json"));
        return group;
    }

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            // The light as the API shows it keeps the domain's name in the document.
            options.CreateSchemaReferenceId = type => type.Type == typeof(Localization.LightView)
                ? "TrafficLight"
                : Microsoft.AspNetCore.OpenApi.OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddSchemaTransformer(SchemaRules.Apply);
            options.AddOperationTransformer(OperationRules.Apply);
            options.AddDocumentTransformer(SchemaRules.ApplyToDocument);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "YiyangTasks",
                    Version = "v1",
                    Description = "Follow-through of the tasks a 医养结合 plan assigns: acknowledgements, progress, " +
                                  "completion, extensions, supervision. Every endpoint but health needs a bearer token.",
                    Contact = new OpenApiContact { Name = "YiyangTasks maintainers (联席会议办公室 IT)" },
                    // No licence has been chosen for the project; the document says so rather than inventing one.
                    License = new OpenApiLicense { Name = "Proprietary, all rights reserved", Identifier = "LicenseRef-Proprietary" },
                };
                // The committed api-specs/openapi.json must not depend on the host it was generated on: one fixed entry.
                document.Servers = [new OpenApiServer { Url = "http://localhost:5080", Description = "The development host (dotnet run); use your deployment's address." }];
                var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
                    .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).OfType<string>().ToHashSet();
                document.Tags = new HashSet<OpenApiTag>(used.Order().Select(name => new OpenApiTag
                {
                    Name = name, Description = Tags.TryGetValue(name, out var description) ? description : null,
                }));
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A token from your identity provider, or in development from " +
                                  "`dotnet run --project src/YiyangTasks.Api -- token --role office`.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
                return Task.CompletedTask;
            });
        });
}
