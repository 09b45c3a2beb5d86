using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace YiyangTasks.Api.OpenApi;

/// <summary>
/// States in each operation what its endpoint metadata says (<see cref="HttpContract"/>): request headers, response
/// headers, a CSV or file beside the JSON answer, a document body; and marks every problem answer with the one problem schema.
/// </summary>
internal static class OperationRules
{
    public static Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        foreach (var header in metadata.OfType<RequestHeader>().DistinctBy(h => h.Name))
        {
            operation.Parameters ??= [];
            if (operation.Parameters.Any(p => p.Name == header.Name && p.In == ParameterLocation.Header)) continue;
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = header.Name, In = ParameterLocation.Header, Required = false, Description = header.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
        foreach (var header in metadata.OfType<ResponseHeader>())
        {
            if (operation.Responses?.GetValueOrDefault(header.Status.ToString()) is not OpenApiResponse response) continue;
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[header.Name] = new OpenApiHeader
            {
                Description = header.Description, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
        foreach (var alternative in metadata.OfType<AlternativeContent>())
        {
            if (operation.Responses?.GetValueOrDefault(alternative.Status.ToString()) is not OpenApiResponse response) continue;
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            response.Content[alternative.ContentType] = new OpenApiMediaType { Schema = Text(alternative.Binary) };
        }
        if (metadata.OfType<DocumentBody>().LastOrDefault() is { } document && operation.RequestBody?.Content is { } content)
        {
            foreach (var (mediaType, media) in content)
            {
                if (mediaType == "multipart/form-data")
                {
                    var form = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema> { [document.FilePart] = Text(binary: true) },
                        Required = new HashSet<string> { document.FilePart },
                    };
                    foreach (var field in document.FormFields) form.Properties[field] = Text(binary: false);
                    media.Schema = form;
                }
                else media.Schema = Text(binary: !document.TextTypes.Contains(mediaType));
            }
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema Text(bool binary) =>
        binary ? new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } : new OpenApiSchema { Type = JsonSchemaType.String };
}
