using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Api.Tests.Tasks;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Identity;

/// <summary>Every request is authenticated, and each role does only its own part.</summary>
public class AuthenticationAndRolesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string> Unauthenticated => new() { "none", "malformed", "wrong signature", "expired", "no expiry", "wrong audience" };

    [Theory]
    [MemberData(nameof(Unauthenticated))]
    public async Task A_request_without_a_valid_token_is_401_problem_details(string token)
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var client = api.CreateClient();
        var issuer = new TokenIssuer(new AuthSettings(ApiFactory.SigningKey, "yiyangtasks", "yiyangtasks-api", null), api.Clock);
        client.DefaultRequestHeaders.Authorization = token switch
        {
            "none" => null,
            "malformed" => new AuthenticationHeaderValue("Bearer", "not.a.jwt"),
            "wrong signature" => new("Bearer", new TokenIssuer(new AuthSettings("another-key-0123456789-0123456789-0123456789", "yiyangtasks", "yiyangtasks-api", null), api.Clock)
                .Mint(Roles.Liaison, HealthCommission, "x", TimeSpan.FromHours(1))),
            "expired" => new("Bearer", new TokenIssuer(new AuthSettings(ApiFactory.SigningKey, "yiyangtasks", "yiyangtasks-api", null),
                new TestClock(api.Clock.GetUtcNow().AddHours(-3))).Mint(Roles.Liaison, HealthCommission, "x", TimeSpan.FromHours(1))),
            "no expiry" => new("Bearer", WithoutExpiry()),
            "wrong audience" => new("Bearer", new TokenIssuer(new AuthSettings(ApiFactory.SigningKey, "yiyangtasks", "another-api", null), api.Clock)
                .Mint(Roles.Liaison, HealthCommission, "x", TimeSpan.FromHours(1))),
            _ => throw new ArgumentOutOfRangeException(nameof(token)),
        };
        _ = issuer;

        var answer = await client.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/plans")).StatusCode);
        Assert.Equal(1, await api.VersionAsync(planId, 1));
    }

    /// <summary>A token signed with the right key for the right audience, carrying no exp claim.</summary>
    private string WithoutExpiry()
    {
        var now = api.Clock.GetUtcNow().UtcDateTime;
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "yiyangtasks",
            Audience = "yiyangtasks-api",
            Claims = new Dictionary<string, object>
            {
                [ActorClaims.UserId] = "liaison:x", [ActorClaims.Name] = "x", [ActorClaims.Role] = Roles.Liaison,
                [ActorClaims.Unit] = HealthCommission,
            },
            IssuedAt = now,
            NotBefore = now,
            SigningCredentials = new SigningCredentials(TokenIssuer.SigningKey(ApiFactory.SigningKey), SecurityAlgorithms.HmacSha256),
        });
        Assert.False(new JsonWebToken(token).TryGetPayloadValue<long>("exp", out _));
        return token;
    }

    [Fact]
    public async Task Health_OpenAPI_and_Swagger_need_no_token()
    {
        using var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/index.html")).StatusCode);
    }

    public static TheoryData<string, string, string> WrongRole => new()
    {
        { Roles.Office, "/acknowledgements", "{}" },
        { Roles.Supervision, "/progress-reports", """{"periodStart":"2026-03-01","periodEnd":"2026-03-31","status":"onTrack","percentDone":1,"narrative":"x"}""" },
        { Roles.Admin, "/completion", """{"summary":"x"}""" },
        { Roles.Liaison, "/completion/acceptance", "{}" },
        { Roles.Supervision, "/completion/rejection", """{"reason":"x"}""" },
        { Roles.Office, "/deadline-extensions", """{"requestedDeadline":"2027-01-31","reason":"x"}""" },
        { Roles.Liaison, "/supervision", """{"rating":"good","notes":"x"}""" },
        { Roles.Office, "/admonishments", """{"units":["市民政局"],"reason":"x"}""" },
        { Roles.Admin, "/escalations", """{"units":["市民政局"],"reason":"x"}""" },
    };

    [Theory]
    [MemberData(nameof(WrongRole))]
    public async Task A_role_calling_another_roles_command_is_403_and_the_stream_is_unchanged(string role, string path, string body)
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var client = api.As(role, role == Roles.Liaison ? HealthCommission : null);

        var answer = await client.PostAsync(TaskUrl(planId, 1, path), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal(1, await api.VersionAsync(planId, 1));
    }

    [Fact]
    public async Task Only_the_office_registers_plans_and_only_the_admin_edits_units()
    {
        using var liaison = api.As(Roles.Liaison, HealthCommission);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsJsonAsync("/api/plans", new { planId = "x" })).StatusCode);
        await api.RegisterTwoTaskPlanAsync();
        using var office = api.As(Roles.Office);
        var edit = new { aliases = new[] { "卫健委", "卫生健康委员会" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PutAsJsonAsync($"/api/units/{Uri.EscapeDataString(HealthCommission)}", edit)).StatusCode);

        using var admin = api.As(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/units/{Uri.EscapeDataString(HealthCommission)}", edit)).StatusCode);
        var byAlias = await (await office.GetAsync($"/api/units/{Uri.EscapeDataString("卫健委")}")).JsonAsync();
        Assert.Equal(HealthCommission, byAlias.GetProperty("unit").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_liaison_acting_on_a_task_their_unit_does_not_lead_is_403_and_the_stream_is_unchanged()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var insurance = api.As(Roles.Liaison, MedicalInsurance); // cooperates on task 1, not on task 2

        Assert.Equal(HttpStatusCode.Forbidden, (await insurance.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await insurance.PostAsJsonAsync(TaskUrl(planId, 1, "/completion"), new { summary = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await insurance.PostAsJsonAsync(TaskUrl(planId, 2, "/progress-reports"), TaskLifecycleTests.Report(1, "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await insurance.GetAsync(TaskUrl(planId, 2))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await insurance.GetAsync(TaskUrl(planId, 2, "/history"))).StatusCode);
        Assert.Equal(1, await api.VersionAsync(planId, 1));
        Assert.Equal(1, await api.VersionAsync(planId, 2));

        var mine = await (await insurance.GetAsync($"/api/plans/{planId}/tasks")).JsonAsync();
        Assert.Equal([1], mine.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("number").GetInt32()));
    }

    [Fact]
    public async Task A_liaison_token_for_a_unit_not_in_the_directory_is_refused()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var stranger = api.As(Roles.Liaison, "不存在的局");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/plans/{planId}/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);
        Assert.Equal(1, await api.VersionAsync(planId, 1));
    }

    [Fact]
    public async Task The_history_names_each_events_person_role_and_unit()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var civil = api.As(Roles.Liaison, CivilAffairs, "张民");
        var request = new HttpRequestMessage(HttpMethod.Post, TaskUrl(planId, 2, "/acknowledgements"));
        request.Headers.Add("X-Correlation-Id", "corr-42");
        Assert.Equal(HttpStatusCode.OK, (await civil.SendAsync(request)).StatusCode);

        using var supervision = api.As(Roles.Supervision, name: "陈组长");
        var history = (await (await supervision.GetAsync(TaskUrl(planId, 2, "/history"))).JsonAsync()).EnumerateArray().ToArray();
        var ack = history.Single(e => e.GetProperty("type").GetString() == "TaskAcknowledgedByLeadUnit");
        var actor = ack.GetProperty("actor");
        Assert.Equal("张民", actor.GetProperty("displayName").GetString());
        Assert.Equal(Roles.Liaison, actor.GetProperty("role").GetString());
        Assert.Equal(CivilAffairs, actor.GetProperty("unit").GetString());
        Assert.Equal("corr-42", ack.GetProperty("correlationId").GetString());
        Assert.All(history, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("actor").GetProperty("userId").GetString())));
    }

    [Fact]
    public void The_token_command_mints_a_token_the_API_accepts_and_refuses_bad_arguments()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = ApiFactory.SigningKey,
        }).Build();
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(0, TokenCommand.Run(new TokenInput { RoleFlag = "liaison", UnitFlag = CivilAffairs, NameFlag = "张三", DaysFlag = 7 }, configuration, output, error));
        var token = output.ToString().Trim();
        Assert.Equal(3, token.Split('.').Length);
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        var jwt = handler.ReadJsonWebToken(token);
        Assert.Equal(CivilAffairs, jwt.GetClaim("unit").Value);
        Assert.Equal("张三", jwt.GetClaim("name").Value);

        Assert.Equal(2, TokenCommand.Run(new TokenInput { RoleFlag = "liaison" }, configuration, output, error));
        Assert.Equal(2, TokenCommand.Run(new TokenInput { RoleFlag = "mayor" }, configuration, output, error));
        Assert.Contains("--unit", error.ToString());
        _ = api.Services.GetRequiredService<TokenIssuer>();
    }
}
