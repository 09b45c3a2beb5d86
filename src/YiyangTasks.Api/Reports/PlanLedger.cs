using Marten;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Localization;
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
    /// <summary>序号, 工作任务, 牵头单位, 配合单位, 完成时限, 状态, 签收情况, 最新进展, 红黄绿灯及原因, 逾期情况 (or in English).</summary>
    public static string[] Headers => Messages.Row("header.ledger");
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
                .Select(o => Messages.Of("ledger.overdue", ("what", What(o)), ("days", Math.Max(0, calendar.WorkingDaysBetween(o.DueOn, today))), ("due", o.DueOn)))
                .ToArray();
            var latest = t.CurrentReports.MaxBy(r => r.ReportedAt);
            return new LedgerRow(t.Number, t.Text, t.LeadUnits, t.CooperatingUnits, t.Deadline, t.DeadlineWords, Status(t),
                string.Join(Separator, t.LeadUnits.Select(u => t.Acknowledgements.FirstOrDefault(a => a.Unit == u) is { } a
                    ? Messages.Of("ledger.acknowledged", ("unit", u), ("date", ChinaTime.DateOf(a.At))) : Messages.Of("ledger.not-acknowledged", ("unit", u)))),
                latest is null ? "" : Messages.Of("ledger.latest", ("unit", latest.Unit), ("date", ChinaTime.DateOf(latest.ReportedAt)),
                    ("percent", latest.PercentDone), ("progress", Messages.Of($"progress.{latest.Status}"))),
                light.Light, string.Join(Separator, light.Reasons.Select(LightWords.Of)),
                overdue.Length == 0 ? Messages.Of("ledger.none") : string.Join(Separator, overdue));
        }).ToArray();

        if (Xlsx.IsWanted(http.Request)) return Xlsx.File($"{planId}-台账.xlsx", Messages.Of("sheet.ledger"), Headers, Widths, rows.Select(Cells));
        if (Csv.IsWanted(http.Request)) return Csv.File($"{planId}-台账.csv", Headers, rows.Select(Cells));
        return Results.Ok(rows);
    }

    private static IReadOnlyList<object?> Cells(LedgerRow r) =>
    [
        r.Number, r.Task, string.Join("、", r.LeadUnits), string.Join("、", r.CooperatingUnits), (object?)r.Deadline ?? r.DeadlineWords ?? "",
        r.Status, r.Acknowledgements, r.LatestProgress,
        new LightCell(r.Light, r.LightReasons.Length == 0 ? LightWords.Of(r.Light)
            : Messages.Of("ledger.light", ("light", LightWords.Of(r.Light)), ("reasons", r.LightReasons))), r.Overdue,
    ];

    // Items of a cell are separated as each language writes a list of clauses.
    private static string Separator => Messages.English ? "; " : "；";

    private static string What(Obligation o) => o.Kind switch
    {
        ObligationKind.Acknowledgement => Messages.Of("ledger.what.acknowledgement", ("unit", o.Unit)),
        ObligationKind.Report => Messages.Of("ledger.what.report", ("unit", o.Unit), ("year", o.PeriodStart!.Value.Year),
            ("month", o.PeriodStart.Value.Month)),
        _ => Messages.Of("ledger.what.completion"),
    };

    private static string Status(SupervisedTask t) => Messages.Of(t.IsWithdrawn ? "status.withdrawn" : $"status.{t.Status}");
}
