using System.Net;
using System.Net.Http.Json;
using System.Text;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Tasks;

/// <summary>Every kind of bad input gets an RFC 9457 problem with the right status, and nothing is stored.</summary>
public class BadInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string ValidReport = """{"periodStart":"2026-03-01","periodEnd":"2026-03-31","status":"onTrack","percentDone":10,"narrative":"ok"}""";

    public static TheoryData<string, string, int> BadReports => new()
    {
        { "malformed JSON", """{"periodStart":"2026-03-01",""", 400 },
        { "not an object", "[1,2,3]", 400 },
        { "missing narrative", """{"periodStart":"2026-03-01","periodEnd":"2026-03-31","status":"onTrack","percentDone":10}""", 400 },
        { "over-long narrative", ValidReport.Replace("\"ok\"", $"\"{new string('长', 8001)}\""), 400 },
        { "unknown enum value", ValidReport.Replace("onTrack", "fine"), 400 },
        { "enum as a number", ValidReport.Replace("\"onTrack\"", "1"), 400 },
        { "control character", ValidReport.Replace("\"ok\"", "\"o\\u0007k\""), 400 },
        { "bidi override", ValidReport.Replace("\"ok\"", "\"o\\u202Ek\""), 400 },
        { "unpaired surrogate", ValidReport.Replace("\"ok\"", "\"o\\uD800k\""), 400 },
        { "percent above 100", ValidReport.Replace("10,", "101,"), 400 },
        { "percent below 0", ValidReport.Replace("10,", "-1,"), 400 },
        { "percent not a number", ValidReport.Replace("10,", "\"ten\","), 400 },
        { "period ends before it starts", ValidReport.Replace("2026-03-31", "2026-02-01"), 400 },
        { "period longer than a year", ValidReport.Replace("2026-03-31", "2027-03-31"), 400 },
        { "period to the end of the century", ValidReport.Replace("2026-03-31", "2100-12-31"), 400 },
        { "not a date", ValidReport.Replace("2026-03-31", "31/03/2026"), 400 },
        { "unknown field", ValidReport.Replace("{", "{\"admin\":true,"), 400 },
        { "empty body", "", 400 },
        { "too large", "TOO_LARGE", 413 },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public async Task A_bad_progress_report_is_refused_with_a_problem_and_the_stream_is_unchanged(string because, string body, int status)
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var health = api.As(Roles.Liaison, HealthCommission);

        // Built here rather than in the theory data, which xunit serialises at discovery.
        if (body == "TOO_LARGE") body = ValidReport.Replace("\"ok\"", $"\"{new string('x', 300 * 1024)}\"");
        var answer = await health.PostAsync(TaskUrl(planId, 1, "/progress-reports"), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(status == (int)answer.StatusCode, $"{because}: expected {status}, got {(int)answer.StatusCode}");
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = await answer.JsonAsync();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("   at ", problem.ToString());
        Assert.Equal(1, await api.VersionAsync(planId, 1));
    }

    // Each of these was a 500: an offset past int.MaxValue, a NUL PostgreSQL cannot take, a light computed in year 10000.
    [Theory]
    [InlineData("?page=2147483647", "page")]
    [InlineData("?unit=%00", "unit")]
    [InlineData("?unit=%01", "unit")]
    [InlineData("/1?asOf=9999-12-31T23:59:59Z", "asOf")]
    [InlineData("/1?asOf=9999-12-31", "asOf")]
    [InlineData("/1?asOf=0001-01-01T00:00:00Z", "asOf")]
    public async Task An_absurd_parameter_of_a_task_read_is_400_naming_it(string query, string field)
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var office = api.As(Roles.Office);
        await (await office.GetAsync($"/api/plans/{planId}/tasks{query}")).AssertNamesFieldAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task The_last_page_a_task_list_allows_is_answered_empty()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var office = api.As(Roles.Office);
        var answer = await office.GetAsync($"/api/plans/{planId}/tasks?page=1000000&pageSize=500");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(0, (await answer.JsonAsync()).GetProperty("tasks").GetArrayLength());
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_415()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var health = api.As(Roles.Liaison, HealthCommission);
        var answer = await health.PostAsync(TaskUrl(planId, 1, "/progress-reports"), new StringContent(ValidReport, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.StatusCode);
        Assert.Equal(1, await api.VersionAsync(planId, 1));
    }

    [Fact]
    public async Task An_unknown_plan_or_task_number_is_404_and_stores_nothing()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var health = api.As(Roles.Liaison, HealthCommission);

        var noPlan = await health.PostAsync(TaskUrl("no-such-plan", 1, "/acknowledgements"), null);
        Assert.Equal(HttpStatusCode.NotFound, noPlan.StatusCode);
        Assert.Contains("未找到方案“no-such-plan”", (await noPlan.JsonAsync()).GetProperty("detail").GetString());
        var noTask = await health.PostAsync(TaskUrl(planId, 99, "/acknowledgements"), null);
        Assert.Equal(HttpStatusCode.NotFound, noTask.StatusCode);
        Assert.Contains("没有第99项任务", (await noTask.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(0, await api.VersionAsync(planId, 99));
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync(TaskUrl(planId, 99))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync("/api/plans/no-such-plan")).StatusCode);
    }

    [Fact]
    public async Task A_transition_the_rules_forbid_is_409_naming_the_rule()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var office = api.As(Roles.Office);

        var answer = await office.PostAsJsonAsync(TaskUrl(planId, 1, "/completion/acceptance"), new { comment = "?" });

        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        var problem = await answer.JsonAsync();
        Assert.Equal("/problems/rule-violation", problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("rule").GetString()));
        Assert.Equal(1, problem.GetProperty("currentVersion").GetInt64());
        Assert.Equal(1, await api.VersionAsync(planId, 1));
    }

    [Fact]
    public async Task A_malformed_If_Match_or_Idempotency_Key_is_400()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var health = api.As(Roles.Liaison, HealthCommission);
        var request = new HttpRequestMessage(HttpMethod.Post, TaskUrl(planId, 1, "/acknowledgements"));
        request.Headers.TryAddWithoutValidation("If-Match", "\"abc\"");
        Assert.Equal(HttpStatusCode.BadRequest, (await health.SendAsync(request)).StatusCode);

        var longKey = new HttpRequestMessage(HttpMethod.Post, TaskUrl(planId, 1, "/acknowledgements"));
        longKey.Headers.Add("Idempotency-Key", new string('k', 201));
        Assert.Equal(HttpStatusCode.BadRequest, (await health.SendAsync(longKey)).StatusCode);
        Assert.Equal(1, await api.VersionAsync(planId, 1));
    }

    [Fact]
    public async Task A_bad_plan_registration_is_400_and_registers_nothing()
    {
        using var office = api.As(Roles.Office);
        var answer = await office.PostAsJsonAsync("/api/plans", new
        {
            planId = "bad-plan", title = "", jurisdiction = "信阳市",
            tasks = new[] { new { number = 1, text = "x", leadUnits = Array.Empty<string>() } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var errors = (await answer.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("tasks[0].leadUnits", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/api/plans/bad-plan")).StatusCode);

        // A null task was a 500; an issue date of year 9999 was registered.
        var nullTask = await office.PostAsync("/api/plans", new StringContent(
            """{"planId":"bad-plan","title":"t","jurisdiction":"信阳市","tasks":[null]}""", Encoding.UTF8, "application/json"));
        await nullTask.AssertNamesFieldAsync(HttpStatusCode.BadRequest, "tasks[0]");
        var farFuture = await office.PostAsJsonAsync("/api/plans", new
        {
            planId = "bad-plan", title = "t", jurisdiction = "信阳市", issuedOn = "9999-12-31",
            tasks = new[] { new { number = 1, text = "x", leadUnits = new[] { HealthCommission }, mode = "jointly" } },
        });
        await farFuture.AssertNamesFieldAsync(HttpStatusCode.BadRequest, "issuedOn");
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/api/plans/bad-plan")).StatusCode);
    }
}
