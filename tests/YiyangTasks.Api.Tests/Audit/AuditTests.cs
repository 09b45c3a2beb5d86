using System.Net;
using System.Net.Http.Json;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Audit;

/// <summary>The supervision group's audit over the full history: filtered, newest first, each event with its actor.</summary>
public class AuditTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Events_are_filtered_by_plan_unit_actor_and_type_newest_first_with_their_actor()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        var other = await api.RegisterTwoTaskPlanAsync();
        using (var civil = api.As(Roles.Liaison, CivilAffairs, "张民"))
        {
            Assert.Equal(HttpStatusCode.OK, (await civil.PostAsync(TaskUrl(planId, 2, "/acknowledgements"), null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await civil.PostAsync(TaskUrl(other, 2, "/acknowledgements"), null)).StatusCode);
        }
        using var supervision = api.As(Roles.Supervision, name: "陈组长");
        Assert.Equal(HttpStatusCode.OK, (await supervision.PostAsJsonAsync(TaskUrl(planId, 1, "/admonishments"),
            new { units = new[] { MedicalInsurance }, reason = "未报送" })).StatusCode);

        var all = (await (await supervision.GetAsync($"/api/audit/events?plan={planId}")).JsonAsync()).GetProperty("events").EnumerateArray().ToArray();
        Assert.Equal(5, all.Length); // the registration, two assignments, and the two actions on this plan
        Assert.Equal(all.Select(e => e.GetProperty("sequence").GetInt64()).OrderDescending(), all.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal("AdmonishmentIssued", all[0].GetProperty("type").GetString());
        Assert.Equal("陈组长", all[0].GetProperty("actor").GetProperty("displayName").GetString());
        Assert.All(all, e => Assert.Equal(planId, e.GetProperty("planId").GetString()));

        var byUnit = (await (await supervision.GetAsync($"/api/audit/events?plan={planId}&unit={Uri.EscapeDataString(MedicalInsurance)}")).JsonAsync())
            .GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToArray();
        Assert.Equal(["AdmonishmentIssued", "TaskAssigned"], byUnit);

        var byActor = (await (await supervision.GetAsync($"/api/audit/events?actor={Uri.EscapeDataString("张民")}")).JsonAsync())
            .GetProperty("events").EnumerateArray().ToArray();
        Assert.Equal(2, byActor.Length);
        Assert.All(byActor, e => Assert.Equal("TaskAcknowledgedByLeadUnit", e.GetProperty("type").GetString()));

        var byType = (await (await supervision.GetAsync("/api/audit/events?type=AdmonishmentIssued&pageSize=1")).JsonAsync()).GetProperty("events");
        Assert.Equal(1, byType.GetArrayLength());
        Assert.Equal(MedicalInsurance, byType[0].GetProperty("data").GetProperty("units")[0].GetString());
    }

    [Fact]
    public async Task A_units_full_record_shows_what_it_was_assigned_did_and_was_found_to_have_missed()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using (var civil = api.As(Roles.Liaison, CivilAffairs))
            await civil.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null);
        using var supervision = api.As(Roles.Supervision);
        await supervision.PostAsJsonAsync(TaskUrl(planId, 2, "/admonishments"), new { units = new[] { CivilAffairs }, reason = "迟报" });

        var record = await (await supervision.GetAsync($"/api/audit/units/{Uri.EscapeDataString(CivilAffairs)}")).JsonAsync();
        Assert.Contains(record.GetProperty("assigned").EnumerateArray(), e => e.GetProperty("type").GetString() == "TaskAssigned");
        Assert.Contains(record.GetProperty("did").EnumerateArray(), e => e.GetProperty("type").GetString() == "TaskAcknowledgedByLeadUnit");
        Assert.Contains(record.GetProperty("foundMissing").EnumerateArray(), e => e.GetProperty("type").GetString() == "AdmonishmentIssued");
    }

    [Fact]
    public async Task Only_the_supervision_group_runs_audit_queries_and_bad_filters_are_400()
    {
        using var office = api.As(Roles.Office);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.GetAsync("/api/audit/events")).StatusCode);
        using var supervision = api.As(Roles.Supervision);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervision.GetAsync("/api/audit/events?type=Drop%20table")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervision.GetAsync("/api/audit/events?pageSize=100000")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervision.GetAsync("/api/audit/events?from=2026-05-01T00:00:00Z&to=2026-04-01T00:00:00Z")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervision.GetAsync($"/api/audit/units/{Uri.EscapeDataString("不存在")}")).StatusCode);
    }
}
