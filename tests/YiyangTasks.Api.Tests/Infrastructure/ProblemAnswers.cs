using System.Net;

namespace YiyangTasks.Api.Tests.Infrastructure;

/// <summary>Asserts a refusal is what the API promises: an RFC 9457 problem of the right status naming the field at fault.</summary>
public static class ProblemAnswers
{
    public static async Task AssertNamesFieldAsync(this HttpResponseMessage answer, HttpStatusCode status, string field)
    {
        var asked = answer.RequestMessage?.RequestUri?.PathAndQuery;
        Assert.True(status == answer.StatusCode, $"{asked}: expected {(int)status}, got {(int)answer.StatusCode}");
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = await answer.JsonAsync();
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _),
            $"{asked}: the problem does not name {field}: {problem}");
    }
}
