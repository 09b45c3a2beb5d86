using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.ClientWalk.KiotaClient;
using YiyangTasks.ClientWalk.KiotaClient.Models;
using TaskStatus = YiyangTasks.ClientWalk.KiotaClient.Models.TaskStatus;

namespace YiyangTasks.ClientWalk;

/// <summary>A task's life driven by the client Kiota generates from api-specs/openapi.json, as an integrator would use it.</summary>
public class KiotaClientWalk(ApiFactory api) : IClassFixture<ApiFactory>
{
    private YiyangKiotaClient As(string role, string? unit = null, string? name = null) =>
        new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: api.As(role, unit, name))
        {
            BaseUrl = "http://localhost",
        });

    private static Action<RequestConfiguration<DefaultQueryParameters>> IfMatch(long? version) =>
        config => config.Headers.Add("If-Match", $"\"{version}\"");

    [Fact]
    public async Task A_task_from_assignment_to_accepted_completion()
    {
        var office = As(Roles.Office, name: "王主任");
        var liaison = As(Roles.Liaison, PlanFixtures.CivilAffairs, "民政局联络员");
        var supervision = As(Roles.Supervision, name: "陈组长");
        var planId = $"kiota-{Guid.NewGuid():N}"[..20];

        await office.Api.Plans.PostAsync(new RegisterPlanRequest
        {
            PlanId = planId, Title = "医养结合工作重点任务分工方案（客户端）", Jurisdiction = "信阳市",
            Tasks =
            [
                new TaskToAssign { Number = 1, Text = "推进医疗卫生与养老服务融合发展。", LeadUnits = [PlanFixtures.HealthCommission], CooperatingUnits = [PlanFixtures.CivilAffairs] },
                new TaskToAssign { Number = 2, Text = "建立医养结合服务质量评价制度。", LeadUnits = [PlanFixtures.CivilAffairs], Deadline = new Date(2026, 12, 31) },
            ],
        });

        // The office lists plans with real status counts.
        var plan = (await office.Api.Plans.GetAsync())!.Single(p => p.PlanId == planId);
        Assert.Equal(2, plan.TaskCount);
        Assert.Equal(2, plan.TasksByStatus!.AdditionalData.Values.Sum(Convert.ToInt32));

        // The liaison acknowledges and reports progress, each with the version last seen as If-Match.
        var task = liaison.Api.Plans[planId].Tasks[2];
        var seen = await task.GetAsync();
        var acknowledged = await task.Acknowledgements.PostAsync(new AcknowledgementRequest(), IfMatch(seen!.Version));
        var reported = await task.ProgressReports.PostAsync(new ProgressReportRequest
        {
            PeriodStart = new Date(2026, 3, 1), PeriodEnd = new Date(2026, 3, 31), Status = ProgressStatus.OnTrack,
            PercentDone = 30, Narrative = "已完成机构摸底。",
        }, IfMatch(acknowledged!.Version));
        Assert.Equal(acknowledged.Version + 1, reported!.Version);
        await task.Completion.PostAsync(new CompletionReportRequest { Summary = "评价制度已印发。" }, IfMatch(reported.Version));

        // A second completion report is refused: a typed problem naming the rule.
        var refused = await Assert.ThrowsAsync<ProblemDetails>(() => task.Completion.PostAsync(new CompletionReportRequest { Summary = "再次申请。" }));
        Assert.Equal(409, refused.ResponseStatusCode);
        Assert.Equal("completion-already-pending", refused.Rule);
        Assert.NotNull(refused.CurrentVersion);

        // The office accepts the completion; the supervision group reads the timeliness report as typed JSON.
        await office.Api.Plans[planId].Tasks[2].Completion.Acceptance.PostAsync(new CompletionAcceptanceRequest { Comment = "同意办结。" });
        Assert.Equal(TaskStatus.Completed, (await office.Api.Plans[planId].Tasks[2].GetAsync())!.Task!.Status);
        // The reports are kept by the projection daemon: wait until it has read the walk's events (a client reads X-Projection-Sequence).
        await api.ProjectionsCaughtUpAsync();
        var rows = await supervision.Api.Reports.Timeliness.GetAsync(config => config.QueryParameters.Plan = planId);
        var civilAffairs = rows!.Single(r => r.Unit == PlanFixtures.CivilAffairs);
        Assert.Equal(1, civilAffairs.TasksLed);
        Assert.Equal(1, civilAffairs.TasksCooperated);
        Assert.Equal(1, civilAffairs.CompletedOnTime);
    }
}
