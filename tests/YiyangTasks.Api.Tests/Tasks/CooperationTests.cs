using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Domain.Tasks;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Tasks;

/// <summary>
/// 配合单位 through the API: a cooperating unit acknowledges its 配合事项 (as the plan names it, or in its own words) and
/// reports on it; the lead sees who has not contributed; its lapses are its own, apart in the unit report.
/// </summary>
public class CooperationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static DateTimeOffset Beijing(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Task 1 led by 市卫健委; 市医保局 cooperates on a part the plan names, 市财政局 on one it does not.</summary>
    private async Task<string> RegisterPlanNamingOneDutyAsync()
    {
        var planId = $"coop-{Guid.NewGuid():N}"[..20];
        using var office = api.As(Roles.Office, name: "王主任");
        var response = await office.PostAsJsonAsync("/api/plans", new
        {
            planId, title = "医养结合工作任务分工（配合单位）", jurisdiction = "信阳市",
            tasks = new[]
            {
                new
                {
                    number = 1, text = "推进医疗卫生与养老服务融合发展。", leadUnits = new[] { HealthCommission },
                    cooperatingUnits = new[] { MedicalInsurance, Finance }, deadline = "2026-12-31",
                    cooperationDuties = new[] { new { unit = MedicalInsurance, duty = "做好医保支付政策衔接" } },
                },
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return planId;
    }

    private static JsonElement Part(JsonElement view, string unit) =>
        view.GetProperty("task").GetProperty("cooperation").GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("unit").GetString() == unit);

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task Cooperating_units_acknowledge_and_report_their_part_and_their_lapses_are_their_own()
    {
        api.Clock.Set(ApiFactory.Start); // Monday 2 March 2026
        var planId = await RegisterPlanNamingOneDutyAsync();
        using var health = api.As(Roles.Liaison, HealthCommission);
        using var insurance = api.As(Roles.Liaison, MedicalInsurance);
        using var finance = api.As(Roles.Liaison, Finance);
        using var civil = api.As(Roles.Liaison, CivilAffairs);
        using var office = api.As(Roles.Office);

        var assigned = await (await office.GetAsync(TaskUrl(planId, 1))).JsonAsync();
        Assert.Equal("做好医保支付政策衔接", Part(assigned, MedicalInsurance).GetProperty("plannedDuty").GetString());
        Assert.Equal("", Part(assigned, Finance).GetProperty("plannedDuty").GetString());
        Assert.Equal([MedicalInsurance, Finance], Strings(assigned.GetProperty("task").GetProperty("cooperation").GetProperty("notYetContributed")));

        var acknowledged = await insurance.PostAsync(TaskUrl(planId, 1, "/cooperation/acknowledgements"), null);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal(["CooperationAcknowledged"], Strings((await acknowledged.JsonAsync()).GetProperty("events")));

        // The plan names no part for 市财政局: it must say what it owes. Refused, nothing stored.
        var noDuty = await finance.PostAsync(TaskUrl(planId, 1, "/cooperation/acknowledgements"), null);
        Assert.Equal(HttpStatusCode.Conflict, noDuty.StatusCode);
        Assert.Contains("cooperation-duty-required", await noDuty.Content.ReadAsStringAsync());
        Assert.Equal(2, await api.VersionAsync(planId, 1));
        var stale = new HttpRequestMessage(HttpMethod.Post, TaskUrl(planId, 1, "/cooperation/acknowledgements"))
        {
            Content = JsonContent.Create(new { duty = "保障配套资金" }),
        };
        stale.Headers.IfMatch.ParseAdd("\"1\"");
        Assert.Equal(HttpStatusCode.Conflict, (await finance.SendAsync(stale)).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await finance.PostAsJsonAsync(TaskUrl(planId, 1, "/cooperation/acknowledgements"), new { duty = "保障配套资金" })).StatusCode);

        // The lead acknowledges as lead, a unit not on the task not at all; a part's text has a bound.
        var lead = await health.PostAsync(TaskUrl(planId, 1, "/cooperation/acknowledgements"), null);
        Assert.Equal(HttpStatusCode.Conflict, lead.StatusCode);
        Assert.Contains("only-cooperating-unit-acknowledges-its-part", await lead.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await civil.PostAsync(TaskUrl(planId, 1, "/cooperation/acknowledgements"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.PostAsJsonAsync(TaskUrl(planId, 1, "/cooperation/acknowledgements"),
            new { duty = new string('长', 201) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await health.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);

        // 市医保局 reports March's part, retried with the same Idempotency-Key: one event.
        api.Clock.Set(Beijing(3, 31)); // tokens are minted by the test clock: new ones for the new day
        using var insuranceLater = api.As(Roles.Liaison, MedicalInsurance);
        using var healthLater = api.As(Roles.Liaison, HealthCommission);
        var body = new { periodStart = "2026-03-01", periodEnd = "2026-03-31", narrative = "已出台医保支付衔接办法。" };
        async Task<HttpResponseMessage> ReportMarch()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, TaskUrl(planId, 1, "/cooperation/reports")) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "march-part");
            return await insuranceLater.SendAsync(request);
        }
        var reported = await ReportMarch();
        Assert.True(reported.StatusCode == HttpStatusCode.OK, await reported.Content.ReadAsStringAsync());
        var first = await reported.JsonAsync();
        var replay = await ReportMarch();
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replay").Single());
        Assert.Equal(first.GetProperty("version").GetInt64(), (await replay.JsonAsync()).GetProperty("version").GetInt64());
        Assert.Single((await api.EventsAsync(planId, 1)).OfType<CooperationReported>());
        Assert.Equal(HttpStatusCode.BadRequest, (await insuranceLater.PostAsJsonAsync(TaskUrl(planId, 1, "/cooperation/reports"),
            new { periodStart = "2026-03-01", periodEnd = "2026-03-31" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await healthLater.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"), TaskLifecycleTests.Report(30, "三月进展"))).StatusCode);

        // March's reports were due 8 April: 市财政局 did not report its part. Its lapse, not the lead's.
        api.Clock.Set(Beijing(4, 9));
        await api.SweepAsync();
        using var officeLater = api.As(Roles.Office);
        var events = await api.EventsAsync(planId, 1);
        var missed = Assert.Single(events.OfType<CooperationReportMissed>());
        Assert.Equal((Finance, new DateOnly(2026, 3, 1)), (missed.Unit, missed.PeriodStart));
        Assert.Empty(events.OfType<ReportMissed>());
        Assert.Empty(events.OfType<CooperationAcknowledgementOverdue>());

        var view = await (await officeLater.GetAsync(TaskUrl(planId, 1))).JsonAsync();
        Assert.Equal([Finance], Strings(view.GetProperty("task").GetProperty("cooperation").GetProperty("notYetContributed")));
        var part = Part(view, MedicalInsurance);
        Assert.True(part.GetProperty("isAcknowledged").GetBoolean());
        Assert.Equal("已出台医保支付衔接办法。", part.GetProperty("lastContribution").GetProperty("narrative").GetString());
        Assert.Equal("保障配套资金", Part(view, Finance).GetProperty("duty").GetString());
        Assert.Equal(1, Part(view, Finance).GetProperty("reportsMissed").GetInt32());

        await api.ProjectionsCaughtUpAsync(); // the timeliness report reads the daemon's task summaries
        var rows = (await (await officeLater.GetAsync($"/api/reports/timeliness?plan={planId}")).JsonAsync()).EnumerateArray()
            .ToDictionary(r => r.GetProperty("unit").GetString()!);
        Assert.Equal((0, 1.0), (rows[HealthCommission].GetProperty("reportsMissed").GetInt32(), rows[HealthCommission].GetProperty("onTimeRate").GetDouble()));
        var financeCooperated = rows[Finance].GetProperty("cooperated");
        Assert.Equal((1, 1, 0.5), (financeCooperated.GetProperty("acknowledgementsOnTime").GetInt32(),
            financeCooperated.GetProperty("reportsMissed").GetInt32(), financeCooperated.GetProperty("onTimeRate").GetDouble()));
        Assert.Equal(1, rows[MedicalInsurance].GetProperty("cooperated").GetProperty("reportsOnTime").GetInt32());
        Assert.Equal(0, rows[MedicalInsurance].GetProperty("tasksLed").GetInt32());
    }
}
