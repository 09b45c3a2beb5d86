using System.Net;
using System.Net.Http.Json;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Tasks;

/// <summary>A task's whole life through the REST API, as the office, liaisons and supervision group live it.</summary>
public class TaskLifecycleTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task From_assignment_through_a_rejected_then_accepted_completion()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var health = api.As(Roles.Liaison, HealthCommission, "李卫");
        using var civil = api.As(Roles.Liaison, CivilAffairs, "张民");
        using var insurance = api.As(Roles.Liaison, MedicalInsurance, "赵保");
        using var office = api.As(Roles.Office, name: "王主任");
        using var supervision = api.As(Roles.Supervision, name: "督查组陈组长");

        var plans = await (await office.GetAsync("/api/plans")).JsonAsync();
        var listed = plans.EnumerateArray().Single(p => p.GetProperty("planId").GetString() == planId);
        Assert.Equal(2, listed.GetProperty("tasksByStatus").GetProperty("assigned").GetInt32());

        var ack1 = await health.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null);
        Assert.Equal(HttpStatusCode.OK, ack1.StatusCode);
        Assert.Equal(2, (await ack1.JsonAsync()).GetProperty("version").GetInt64());
        Assert.Equal("\"2\"", ack1.Headers.ETag?.Tag);
        var afterOne = await (await office.GetAsync(TaskUrl(planId, 1))).JsonAsync();
        Assert.Equal("assigned", afterOne.GetProperty("task").GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.OK, (await civil.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);
        var acknowledged = await office.GetAsync(TaskUrl(planId, 1));
        Assert.Equal("\"3\"", acknowledged.Headers.ETag?.Tag);
        Assert.Equal("acknowledged", (await acknowledged.JsonAsync()).GetProperty("task").GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.OK, (await insurance.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"),
            Report(40, "医保支付政策已起草。"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await health.PostAsJsonAsync(TaskUrl(planId, 1, "/completion"),
            new { summary = "融合发展机制已建立。" })).StatusCode);
        var rejected = await office.PostAsJsonAsync(TaskUrl(planId, 1, "/completion/rejection"), new { reason = "缺少医保配套文件。" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await insurance.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"),
            Report(100, "医保配套文件已印发。"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await civil.PostAsJsonAsync(TaskUrl(planId, 1, "/completion"),
            new { summary = "配套文件齐全，申请办结。" })).StatusCode);
        var accepted = await office.PostAsJsonAsync(TaskUrl(planId, 1, "/completion/acceptance"), new { comment = "同意办结。" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(9, (await accepted.JsonAsync()).GetProperty("version").GetInt64());

        // An accepted task still takes supervision findings, and nothing else.
        Assert.Equal(HttpStatusCode.OK, (await supervision.PostAsJsonAsync(TaskUrl(planId, 1, "/supervision"),
            new { rating = "good", notes = "资料完整。" })).StatusCode);
        var admonish = await supervision.PostAsJsonAsync(TaskUrl(planId, 1, "/admonishments"),
            new { units = new[] { HealthCommission }, reason = "迟报。" });
        Assert.Equal(HttpStatusCode.Conflict, admonish.StatusCode);
        Assert.Equal("/problems/rule-violation", (await admonish.JsonAsync()).GetProperty("type").GetString());

        var history = (await (await supervision.GetAsync(TaskUrl(planId, 1, "/history"))).JsonAsync()).EnumerateArray().ToArray();
        Assert.Equal(
            ["TaskAssigned", "TaskAcknowledgedByLeadUnit", "TaskAcknowledgedByLeadUnit", "ProgressReported", "CompletionReported",
                "CompletionRejected", "ProgressReported", "CompletionReported", "CompletionAccepted", "SupervisionFindingRecorded"],
            history.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(Enumerable.Range(1, 10).Select(v => (long)v), history.Select(e => e.GetProperty("version").GetInt64()));
        Assert.Equal(["王主任", "李卫", "张民", "赵保", "李卫", "王主任", "赵保", "张民", "王主任", "督查组陈组长"],
            history.Select(e => e.GetProperty("actor").GetProperty("displayName").GetString()));
        Assert.All(history, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("correlationId").GetString())));
    }

    [Fact]
    public async Task Extension_requested_by_a_lead_unit_and_granted_moves_the_deadline()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var health = api.As(Roles.Liaison, HealthCommission);
        using var office = api.As(Roles.Office);

        var requested = await health.PostAsJsonAsync(TaskUrl(planId, 1, "/deadline-extensions"),
            new { requestedDeadline = "2027-03-31", reason = "受疫情影响。" });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        var requestId = (await requested.JsonAsync()).GetProperty("recordId").GetString();

        var granted = await office.PostAsJsonAsync(TaskUrl(planId, 1, $"/deadline-extensions/{requestId}/decision"), new { grant = true });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var task = (await (await office.GetAsync(TaskUrl(planId, 1))).JsonAsync()).GetProperty("task");
        Assert.Equal("2027-03-31", task.GetProperty("deadline").GetString());

        var again = await office.PostAsJsonAsync(TaskUrl(planId, 1, $"/deadline-extensions/{requestId}/decision"), new { grant = true });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Admonishment_then_escalation_of_a_unit_on_the_task()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var supervision = api.As(Roles.Supervision);

        var early = await supervision.PostAsJsonAsync(TaskUrl(planId, 2, "/escalations"), new { units = new[] { CivilAffairs }, reason = "屡教不改。" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervision.PostAsJsonAsync(TaskUrl(planId, 2, "/admonishments"),
            new { units = new[] { CivilAffairs }, reason = "未按时签收。" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervision.PostAsJsonAsync(TaskUrl(planId, 2, "/escalations"),
            new { units = new[] { CivilAffairs }, reason = "告诫后仍未整改。" })).StatusCode);
        var notOnTask = await supervision.PostAsJsonAsync(TaskUrl(planId, 2, "/admonishments"), new { units = new[] { Finance }, reason = "x" });
        Assert.Equal(HttpStatusCode.Conflict, notOnTask.StatusCode);
        Assert.Equal(3, await api.VersionAsync(planId, 2));
    }

    [Fact]
    public async Task Tasks_are_listed_by_unit_status_and_overdue()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var office = api.As(Roles.Office);

        var byUnit = await (await office.GetAsync($"/api/plans/{planId}/tasks?unit={Uri.EscapeDataString(MedicalInsurance)}")).JsonAsync();
        Assert.Equal([1], byUnit.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("number").GetInt32()));
        var all = await (await office.GetAsync($"/api/plans/{planId}/tasks?pageSize=1&page=2")).JsonAsync();
        Assert.Equal(2, all.GetProperty("total").GetInt64());
        Assert.Equal([2], all.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("number").GetInt32()));
        var assigned = await (await office.GetAsync($"/api/plans/{planId}/tasks?status=assigned")).JsonAsync();
        Assert.Equal(2, assigned.GetProperty("total").GetInt64());

        api.Clock.Set(new DateTimeOffset(2027, 1, 5, 2, 0, 0, TimeSpan.Zero));
        try
        {
            using var officeNextYear = api.As(Roles.Office);
            var overdue = await (await officeNextYear.GetAsync($"/api/plans/{planId}/tasks?overdue=true")).JsonAsync();
            Assert.Equal([1], overdue.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("number").GetInt32()));
        }
        finally
        {
            api.Clock.Set(ApiFactory.Start);
        }
        var plan = await (await office.GetAsync($"/api/plans/{planId}")).JsonAsync();
        Assert.Equal(2, plan.GetProperty("taskCount").GetInt32());
        Assert.Equal(2, plan.GetProperty("tasksByStatus").GetProperty("assigned").GetInt32());
    }

    internal static object Report(int percent, string narrative, Guid? supersedes = null) => new
    {
        periodStart = "2026-03-01", periodEnd = "2026-03-31", status = "onTrack", percentDone = percent, narrative,
        supersedes,
    };
}
