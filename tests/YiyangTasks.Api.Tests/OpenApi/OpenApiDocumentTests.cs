using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Api;

namespace YiyangTasks.Api.Tests.OpenApi;

/// <summary>
/// The committed api-specs/openapi.json is the app's document, to the byte (after normalising JSON).
/// Regenerate it with: YIYANG_UPDATE_OPENAPI=1 dotnet test tests/YiyangTasks.Api.Tests --filter OpenApiDocumentTests
/// </summary>
public class OpenApiDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_committed_document_matches_what_the_app_serves()
    {
        using var client = api.CreateClient();
        var answer = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var served = Normalise(await answer.Content.ReadAsStringAsync());

        var committedPath = Path.Combine(RepositoryRoot(), "api-specs", "openapi.json");
        if (Environment.GetEnvironmentVariable("YIYANG_UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(committedPath, served);

        Assert.True(File.Exists(committedPath), $"{committedPath} is missing; regenerate it (see this test's summary).");
        var committed = Normalise(await File.ReadAllTextAsync(committedPath));
        Assert.True(committed == served,
            "api-specs/openapi.json differs from the app's document; regenerate it with " +
            "YIYANG_UPDATE_OPENAPI=1 dotnet test tests/YiyangTasks.Api.Tests --filter OpenApiDocumentTests");
    }

    [Fact]
    public async Task Every_operation_has_a_summary_and_its_error_responses()
    {
        using var client = api.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (name: $"{op.Key} {path.Key}", op: op.Value!)))
            .ToArray();
        Assert.NotEmpty(operations);
        foreach (var (name, op) in operations)
        {
            Assert.False(string.IsNullOrWhiteSpace(op["summary"]?.GetValue<string>()), $"{name} has no summary");
            var responses = op["responses"]!.AsObject().Select(r => r.Key).ToArray();
            Assert.Contains(responses, r => r.StartsWith('2'));
            if (op["requestBody"] is not null) Assert.Contains("400", responses);
            if (op["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>() is { } reference)
            {
                var schema = document["components"]!["schemas"]![reference.Split('/')[^1]]!;
                Assert.True(schema["examples"] is JsonArray { Count: > 0 }, $"{name}: the request schema {reference} has no example");
            }
            if (name.StartsWith("post", StringComparison.Ordinal) || name.StartsWith("put", StringComparison.Ordinal))
                Assert.Contains("403", responses);
        }
    }

    private static string Normalise(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    internal static string RepositoryRoot() => RepositoryFolders.Root(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("YiyangTasks.sln not found above the test binaries.");
}
