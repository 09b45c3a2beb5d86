using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.ClientWalk.NSwagClient;
using TaskStatus = YiyangTasks.ClientWalk.NSwagClient.TaskStatus;

namespace YiyangTasks.ClientWalk;

/// <summary>A task's life driven by the client NSwag generates from api-specs/openapi.json, as an integrator would use it.</summary>
public class NSwagClientWalk(ApiFactory api) : IClassFixture<ApiFactory>
{
    private YiyangClient As(string role, string? unit = null, string? name = null) => new(api.As(role, unit, name));

    [Fact]
    public async Task A_task_from_assignment_to_accepted_completion()
    {
        var office = As(Roles.Office, name: "王主任");
        var liaison = As(Roles.Liaison, PlanFixtures.CivilAffairs, "民政局联络员");
        var supervision = As(Roles.Supervision, name: "陈组长");
        var planId = $"nswag-{Guid.NewGuid():N}"[..20];

        await office.RegisterPlanAsync(null, new RegisterPlanRequest
        {
            PlanId = planId, Title = "医养结合工作重点任务分工方案（客户端）", Jurisdiction = "信阳市",
            Tasks =
            [
                new TaskToAssign { Number = 1, Text = "推进医疗卫生与养老服务融合发展。", LeadUnits = [PlanFixtures.HealthCommission], CooperatingUnits = [PlanFixtures.CivilAffairs] },
                new TaskToAssign { Number = 2, Text = "建立医养结合服务质量评价制度。", LeadUnits = [PlanFixtures.CivilAffairs], Deadline = new DateOnly(2026, 12, 31) },
            ],
        });

        // The office lists plans with real status counts.
        var plan = (await office.ListPlansAsync()).Single(p => p.PlanId == planId);
        Assert.Equal(2, plan.TaskCount);
        Assert.Equal(2, plan.TasksByStatus.Values.Sum());

        // The liaison acknowledges and reports progress, each with the version last seen as If-Match.
        var task = await liaison.GetTaskAsync(planId, 2, null);
        var acknowledged = await liaison.AcknowledgeTaskAsync(planId, 2, $"\"{task.Version}\"", null, null, new AcknowledgementRequest());
        var reported = await liaison.ReportProgressAsync(planId, 2, $"\"{acknowledged.Version}\"", Guid.NewGuid().ToString(), "walk-nswag",
            new ProgressReportRequest
            {
                PeriodStart = new DateOnly(2026, 3, 1), PeriodEnd = new DateOnly(2026, 3, 31), Status = ProgressStatus.OnTrack,
                PercentDone = 30, Narrative = "已完成机构摸底。",
            });
        Assert.Equal(acknowledged.Version + 1, reported.Version);
        await liaison.ReportCompletionAsync(planId, 2, $"\"{reported.Version}\"", null, null, new CompletionReportRequest { Summary = "评价制度已印发。" });

        // A second completion report is refused: a typed problem naming the rule.
        var refused = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            liaison.ReportCompletionAsync(planId, 2, null, null, null, new CompletionReportRequest { Summary = "再次申请。" }));
        Assert.Equal(409, refused.StatusCode);
        Assert.Equal("completion-already-pending", refused.Result.Rule);
        Assert.True(refused.Result.CurrentVersion > 0);

        // The office accepts the completion; the supervision group reads the timeliness report as typed JSON.
        await office.AcceptCompletionAsync(planId, 2, null, null, null, new CompletionAcceptanceRequest { Comment = "同意办结。" });
        Assert.Equal(TaskStatus.Completed, (await office.GetTaskAsync(planId, 2, null)).Task.Status);
        // The reports are kept by the projection daemon: wait until it has read the walk's events (a client reads X-Projection-Sequence).
        await api.ProjectionsCaughtUpAsync();
        var rows = await supervision.GetTimelinessReportAsync(planId, null, null, null);
        var civilAffairs = rows.Single(r => r.Unit == PlanFixtures.CivilAffairs);
        Assert.Equal(1, civilAffairs.TasksLed);
        Assert.Equal(1, civilAffairs.TasksCooperated);
        Assert.Equal(1, civilAffairs.CompletedOnTime);
    }
}
