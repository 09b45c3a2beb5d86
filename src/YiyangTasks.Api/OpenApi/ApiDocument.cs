using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace YiyangTasks.Api.OpenApi;

/// <summary>
/// The OpenAPI document, produced by Microsoft.AspNetCore.OpenApi (the framework's own generator, which
/// reads minimal-API metadata directly and writes OpenAPI 3.1); Swashbuckle's Swagger UI shows it.
/// </summary>
public static class ApiDocument
{
    public const string BearerScheme = "Bearer";

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
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (Examples.ByType.TryGetValue(context.JsonTypeInfo.Type, out var example)) schema.Examples = [example.DeepClone()];
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "YiyangTasks",
                    Version = "v1",
                    Description = "Follow-through of the tasks a 医养结合 plan assigns: acknowledgements, progress, " +
                                  "completion, extensions, supervision. Every endpoint but health needs a bearer token.",
                };
                // The committed api-specs/openapi.json must not depend on the host it was generated on.
                document.Servers = [];
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
