using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;

namespace YiyangTasks.Api.Tests.OpenApi;

/// <summary>
/// What the document says a request may not be, the server refuses with a 400 problem (issue 17): a number sent as a
/// string, an enum sent as a number, null for a field the document requires. The answers pass through
/// <see cref="ContractCheck"/> like every other.
/// </summary>
public class ContractRefusalTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Report = """
        {"periodStart":"2026-03-01","periodEnd":"2026-03-31","status":"onTrack","percentDone":30,"narrative":"已完成机构摸底。"}
        """;

    [Theory]
    [InlineData("\"percentDone\":30", "\"percentDone\":\"25\"", "percentDone")]
    [InlineData("\"status\":\"onTrack\"", "\"status\":0", "status")]
    [InlineData("\"narrative\":\"已完成机构摸底。\"", "\"narrative\":null", "narrative")]
    public async Task A_progress_report_the_document_does_not_allow_is_a_400_and_nothing_is_stored(string valid, string invalid, string field)
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var liaison = api.As(Roles.Liaison, PlanFixtures.CivilAffairs);
        var before = await api.VersionAsync(planId, 2);

        var answer = await liaison.PostAsync($"/api/plans/{planId}/tasks/2/progress-reports",
            new StringContent(Report.Replace(valid, invalid), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains(field, (await answer.Content.ReadFromJsonAsync<JsonObject>())!.ToJsonString());
        Assert.Equal(before, await api.VersionAsync(planId, 2));
    }

    [Fact]
    public async Task The_same_report_as_the_document_says_is_accepted()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var liaison = api.As(Roles.Liaison, PlanFixtures.CivilAffairs);
        var answer = await liaison.PostAsync($"/api/plans/{planId}/tasks/2/progress-reports",
            new StringContent(Report, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }
}
