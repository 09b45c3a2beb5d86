using System.Net;
using System.Net.Http.Headers;
using System.Text;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Reliability;

/// <summary>
/// A corpus of hostile bodies sent to every write endpoint: each gets a 4xx problem, nothing is stored, and
/// the next good request is answered normally. Injection strings in free text are stored verbatim (they are
/// text, and every query is parameterised); in names and ids they are refused.
/// </summary>
public class HostileInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private sealed record Endpoint(string Role, string? Unit, string Path, string ValidBody);

    private static readonly Endpoint[] Endpoints =
    [
        new(Roles.Liaison, HealthCommission, "/acknowledgements", "{}"),
        new(Roles.Liaison, HealthCommission, "/progress-reports", """{"periodStart":"2026-03-01","periodEnd":"2026-03-31","status":"onTrack","percentDone":10,"narrative":"ok"}"""),
        new(Roles.Liaison, HealthCommission, "/completion", """{"summary":"done"}"""),
        new(Roles.Office, null, "/completion/acceptance", """{"comment":"ok"}"""),
        new(Roles.Office, null, "/completion/rejection", """{"reason":"no"}"""),
        new(Roles.Liaison, HealthCommission, "/deadline-extensions", """{"requestedDeadline":"2027-03-31","reason":"late"}"""),
        new(Roles.Office, null, "/deadline-extensions/00000000-0000-0000-0000-000000000001/decision", """{"grant":true}"""),
        new(Roles.Supervision, null, "/supervision", """{"rating":"good","notes":"ok"}"""),
        new(Roles.Supervision, null, "/admonishments", """{"units":["市民政局"],"reason":"late"}"""),
        new(Roles.Supervision, null, "/escalations", """{"units":["市民政局"],"reason":"late"}"""),
    ];

    private static IEnumerable<(string Name, byte[] Body, string MediaType)> Corpus(string valid)
    {
        yield return ("malformed", "{\"a\":"u8.ToArray(), "application/json");
        yield return ("truncated", Encoding.UTF8.GetBytes(valid[..(valid.Length / 2)]), "application/json");
        yield return ("not an object", "\"hello\""u8.ToArray(), "application/json");
        yield return ("wrong types", "{\"periodStart\":5,\"status\":[1],\"percentDone\":\"x\",\"summary\":7,\"comment\":{},\"reason\":true,\"rating\":1,\"notes\":[],\"units\":\"x\",\"grant\":\"yes\",\"requestedDeadline\":1}"u8.ToArray(), "application/json");
        yield return ("deeply nested", Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)), "application/json");
        yield return ("ten megabytes", Encoding.UTF8.GetBytes("{\"narrative\":\"" + new string('x', 10 * 1024 * 1024) + "\"}"), "application/json");
        yield return ("invalid UTF-8", [.. "{\"summary\":\""u8.ToArray(), 0xC3, 0x28, 0xFF, .. "\"}"u8.ToArray()], "application/json");
        yield return ("unpaired surrogate", Encoding.UTF8.GetBytes(valid.Replace("\"ok\"", "\"\\uDC00\"").Replace("\"done\"", "\"\\uD800\"").Replace("\"no\"", "\"\\uD800\"").Replace("\"late\"", "\"\\uDFFF\"")), "application/json");
        yield return ("control characters", Encoding.UTF8.GetBytes(valid.Replace("\"ok\"", "\"a\\u0000b\"").Replace("\"done\"", "\"a\\u001bb\"").Replace("\"no\"", "\"\\u0007\"").Replace("\"late\"", "\"\\u0008\"")), "application/json");
        yield return ("bidi override", Encoding.UTF8.GetBytes(valid.Replace("\"ok\"", "\"\\u202Eok\"").Replace("\"done\"", "\"\\u2066done\"").Replace("\"no\"", "\"\\u202Dno\"").Replace("\"late\"", "\"\\u202Elate\"")), "application/json");
        yield return ("unknown unit or injection in a name", Encoding.UTF8.GetBytes(valid.Replace("\"市民政局\"", "\"市民政局'; drop table mt_events; --\"").Replace("\"rating\":\"good\"", "\"rating\":\"good'--\"")), "application/json");
        yield return ("far future and far past dates", Encoding.UTF8.GetBytes(valid.Replace("2026-03-01", "0001-01-01").Replace("2027-03-31", "9999-12-31")), "application/json");
        yield return ("numbers out of range", Encoding.UTF8.GetBytes(valid.Replace("\"percentDone\":10", "\"percentDone\":99999999999").Replace("\"grant\":true", "\"grant\":2")), "application/json");
        yield return ("form instead of JSON", "summary=done"u8.ToArray(), "application/x-www-form-urlencoded");
    }

    [Fact]
    public async Task Every_write_endpoint_refuses_every_hostile_body_with_a_problem_stores_nothing_and_keeps_serving()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        var failures = new List<string>();
        var sent = 0;
        foreach (var endpoint in Endpoints)
        {
            using var client = api.As(endpoint.Role, endpoint.Unit);
            foreach (var (name, body, mediaType) in Corpus(endpoint.ValidBody))
            {
                // Bodies the endpoint's shape allows unchanged are not hostile to it (e.g. "{}" for an acknowledgement).
                if (Encoding.UTF8.GetString(body) == endpoint.ValidBody) continue;
                var before = await api.VersionAsync(planId, 1);
                var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
                var answer = await client.PostAsync(TaskUrl(planId, 1, endpoint.Path), content);
                sent++;
                var status = (int)answer.StatusCode;
                var problem = answer.Content.Headers.ContentType?.MediaType == "application/problem+json";
                if (status is < 400 or >= 500 || !problem || await api.VersionAsync(planId, 1) != before)
                    failures.Add($"{endpoint.Path} / {name}: {status}, problem={problem}, stored={await api.VersionAsync(planId, 1) != before}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(sent >= 100, $"only {sent} hostile requests were sent"); // some mutations leave a short body unchanged and are skipped

        using var health = api.As(Roles.Liaison, HealthCommission);
        Assert.Equal(HttpStatusCode.OK, (await health.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);
    }

    [Fact]
    public async Task Injection_strings_in_free_text_are_stored_verbatim_and_harm_nothing()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        const string hostile = "'); DROP TABLE yiyang.mt_events; -- <script>alert('x')</script> ${jndi:ldap://x} {{7*7}}";
        using var health = api.As(Roles.Liaison, HealthCommission);
        var answer = await health.PostAsync(TaskUrl(planId, 1, "/completion"),
            new StringContent(System.Text.Json.JsonSerializer.Serialize(new { summary = hostile }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var stored = (await api.EventsAsync(planId, 1)).OfType<Domain.Tasks.CompletionReported>().Single();
        Assert.Equal(hostile, stored.Summary);
        using var supervision = api.As(Roles.Supervision);
        Assert.Equal(HttpStatusCode.OK, (await supervision.GetAsync($"/api/audit/events?plan={planId}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervision.GetAsync($"/api/audit/events?type={Uri.EscapeDataString("x' or 1=1 --")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync($"/api/plans/{Uri.EscapeDataString("x' or '1'='1")}/tasks/1")).StatusCode);
    }
}
