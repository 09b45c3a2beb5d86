using Marten;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.OpenApi;
using YiyangTasks.Api.Timeliness;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;
using TaskStatus = YiyangTasks.Domain.Tasks.TaskStatus;

namespace YiyangTasks.Api.Reports;

/// <summary>One row of a plan's 台账: a task, who leads and helps, its time limit, where it stands, its light and what is overdue.</summary>
public sealed record LedgerRow(int Number, string Task, IReadOnlyList<string> LeadUnits, IReadOnlyList<string> CooperatingUnits,
    DateOnly? Deadline, string? DeadlineWords, string Status, string Acknowledgements, string LatestProgress, Light Light,
    string LightReasons, string Overdue);

/// <summary>GET /api/reports/plans/{planId}/ledger: the plan's 台账 as JSON, CSV (Accept: text/csv) or Excel (Accept: the .xlsx type).</summary>
public static class PlanLedger
{
    public static readonly string[] Headers = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限", "状态", "签收情况", "最新进展", "红黄绿灯及原因", "逾期情况"];
    private static readonly double[] Widths = [6, 60, 22, 28, 14, 10, 36, 40, 48, 40];

    public static void MapLedger(this RouteGroupBuilder reports) =>
        reports.MapGet("/plans/{planId}/ledger", Ledger).RequireAuthorization(Policies.OfficeOrSupervision).WithName("GetPlanLedger")
            .WithSummary("A plan's 台账: each task's units, time limit, status, acknowledgements, latest progress, light with reasons, overdue")
            .WithDescription("Accept: text/csv answers CSV; Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet answers an Excel workbook.")
            .Produces<LedgerRow[]>().AlsoProducesCsv().AlsoProducesFile(200, Xlsx.MediaType).ProducesProblem(404);

    public static async Task<IResult> Ledger(string planId, HttpContext http, IQuerySession session, TimelinessPolicy policy, TimeProvider clock)
    {
        var plan = await session.LoadAsync<Plan>(planId, http.RequestAborted);
        if (plan is null) return Problems.PlanNotFound(planId);
        var now = clock.GetUtcNow();
        var rules = await policy.RulesForAsync(planId, http.RequestAborted);
        var calendar = await policy.CalendarAsync(http.RequestAborted);
        var tasks = await session.Query<SupervisedTask>().Where(t => t.PlanId == planId).OrderBy(t => t.Number).ToListAsync(http.RequestAborted);
        var today = ChinaTime.DateOf(now);

        var rows = tasks.Select(t =>
        {
            var light = TrafficLight.Of(t, rules, calendar, now);
            var overdue = t.IsCompleted || t.IsWithdrawn ? [] : Obligations.Of(t, rules, calendar, now)
                .Where(o => !o.IsMet && o.DueAt <= now)
                .Select(o => $"{What(o)}逾期{Math.Max(0, calendar.WorkingDaysBetween(o.DueOn, today))}个工作日（应于{ChineseDate.Of(o.DueOn)}）")
                .ToArray();
            var latest = t.CurrentReports.MaxBy(r => r.ReportedAt);
            return new LedgerRow(t.Number, t.Text, t.LeadUnits, t.CooperatingUnits, t.Deadline, t.DeadlineWords, Status(t),
                string.Join("；", t.LeadUnits.Select(u => t.Acknowledgements.FirstOrDefault(a => a.Unit == u) is { } a
                    ? $"{u}已签收（{ChineseDate.Of(ChinaTime.DateOf(a.At))}）" : $"{u}未签收")),
                latest is null ? "" : $"{latest.Unit}{ChineseDate.Of(ChinaTime.DateOf(latest.ReportedAt))}报送：完成{latest.PercentDone}%，{ProgressWords(latest.Status)}",
                light.Light, string.Join("；", light.Reasons), overdue.Length == 0 ? "无" : string.Join("；", overdue));
        }).ToArray();

        if (Xlsx.IsWanted(http.Request)) return Xlsx.File($"{planId}-台账.xlsx", "台账", Headers, Widths, rows.Select(Cells));
        if (Csv.IsWanted(http.Request)) return Csv.File($"{planId}-台账.csv", Headers, rows.Select(Cells));
        return Results.Ok(rows);
    }

    private static IReadOnlyList<object?> Cells(LedgerRow r) =>
    [
        r.Number, r.Task, string.Join("、", r.LeadUnits), string.Join("、", r.CooperatingUnits), (object?)r.Deadline ?? r.DeadlineWords ?? "",
        r.Status, r.Acknowledgements, r.LatestProgress,
        new LightCell(r.Light, r.LightReasons.Length == 0 ? LightWords(r.Light) : $"{LightWords(r.Light)}：{r.LightReasons}"), r.Overdue,
    ];

    private static string What(Obligation o) => o.Kind switch
    {
        ObligationKind.Acknowledgement => $"{o.Unit}签收",
        ObligationKind.Report => $"{o.Unit}{o.PeriodStart!.Value.Year}年{o.PeriodStart.Value.Month}月进展报送",
        _ => "办结",
    };

    private static string Status(SupervisedTask t) => t.IsWithdrawn ? "已撤销" : t.Status switch
    {
        TaskStatus.Assigned => "已交办",
        TaskStatus.Acknowledged => "已签收",
        TaskStatus.InProgress => "推进中",
        TaskStatus.CompletionReported => "办结待审",
        _ => "已办结",
    };

    private static string ProgressWords(ProgressStatus status) => status switch
    {
        ProgressStatus.OnTrack => "正常推进",
        ProgressStatus.AtRisk => "存在风险",
        _ => "工作受阻",
    };

    private static string LightWords(Light light) => light switch { Light.Red => "红灯", Light.Yellow => "黄灯", _ => "绿灯" };
}
