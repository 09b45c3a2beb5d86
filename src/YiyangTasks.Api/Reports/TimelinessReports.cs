using System.Globalization;
using Marten;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Reports.Projections;
using YiyangTasks.Api.OpenApi;
using YiyangTasks.Api.Timeliness;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;
using TaskStatus = YiyangTasks.Domain.Tasks.TaskStatus;
using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Reports;

/// <summary>A task past due on something, for the office's overdue list.</summary>
public sealed record OverdueTask(int Number, string Text, IReadOnlyList<string> LeadUnits, ObligationKind Obligation,
    string? Unit, DateOnly DueOn, int WorkingDaysOverdue);

/// <summary>What changed since the last digest: tasks newly overdue, and tasks no longer overdue.</summary>
public sealed record SinceLastDigest(DateOnly? DigestDate, IReadOnlyList<int> NewlyOverdue, IReadOnlyList<int> NoLongerOverdue);

/// <summary>
/// The joint-conference office's view of one plan. <paramref name="Overdue"/> is one page of the overdue list, most working days
/// overdue first (<paramref name="OverduePage"/>, <paramref name="OverduePageSize"/>); <paramref name="OverdueTotal"/> counts the whole list.
/// </summary>
public sealed record PlanOverview(string PlanId, string Title, DateTimeOffset AsOf, IReadOnlyDictionary<TaskStatus, int> TasksByStatus,
    IReadOnlyDictionary<Light, int> Lights, IReadOnlyList<OverdueTask> Overdue, int OverdueTotal, int OverduePage, int OverduePageSize,
    IReadOnlyList<UnitTimeliness> UnitRanking, SinceLastDigest SinceLastDigest);

/// <summary>GET /api/reports/timeliness and GET /api/reports/plans/{planId}/overview, as JSON or (Accept: text/csv) CSV.</summary>
public static class TimelinessReports
{
    public static void MapReports(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapBurden();
        reports.MapGet("/timeliness", UnitReport).WithName("GetTimelinessReport")
            .WithSummary("Per-unit timeliness: acknowledgements, reports, overdue tasks, completions, ratings, on-time rate")
            .WithDescription("Filter by plan and unit; from/to (yyyy-MM-dd) keep the tasks assigned in that range. Accept: text/csv answers CSV (UTF-8 with BOM); Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet an Excel workbook.")
            .Produces<UnitTimeliness[]>().AlsoProducesCsv().AlsoProducesFile(200, Xlsx.MediaType)
            .ProducesProblem(400).ProducesProblem(404);
        reports.MapGet("/plans/{planId}/overview", Overview).WithName("GetPlanOverview").RequireAuthorization(Policies.OfficeOrSupervision)
            .WithSummary("A plan for the joint-conference office: status counts, lights, overdue list, unit ranking (通报), changes since the last digest")
            .WithDescription($"The overdue list comes a page at a time, earliest due (most working days overdue) first, then by task number: overduePage (from 1) and overduePageSize " +
                $"(1–{MaxOverduePageSize}, default {DefaultOverduePageSize}); overdueTotal counts the whole list. The plan's ledger " +
                "(…/ledger, CSV or Excel) has every task. Accept: text/csv answers the unit ranking as CSV.")
            .Produces<PlanOverview>().AlsoProducesCsv().ProducesProblem(400).ProducesProblem(404);
        reports.MapLedger();
    }

    public static async Task<IResult> UnitReport(string? plan, string? unit, DateOnly? from, DateOnly? to, HttpContext http,
        IQuerySession session, TimelinessPolicy policy, TimeProvider clock, ReportProjections projections, ProjectedReports projected)
    {
        var actor = ActorFilter.Of(http);
        if (actor.Role == Roles.Liaison)
        {
            if (unit is not null && unit != actor.Unit) return Problems.Forbidden(Messages.Of("liaison-own-unit-report"));
            unit = actor.Unit;
        }
        if (new TextRules().Optional("plan", plan, 64).Optional("unit", unit, 100).Problem() is { } invalid) return invalid;
        if (from is { } f && to is { } t && t < f) return Problems.Invalid("to", "field.not-before", ("other", "from"));
        var now = clock.GetUtcNow();
        IReadOnlyList<UnitTimeliness> rows;
        if (from is null && to is null)
        {
            if (await projected.RowsAsync(session, plan, unit, now, http.RequestAborted) is not { } found) return Problems.PlanNotFound(plan!);
            SetSequence(http, found.Sequence);
            rows = found.Rows;
        }
        else
        {
            if (plan is not null && !await session.CheckExistsAsync<Plan>(plan, http.RequestAborted)) return Problems.PlanNotFound(plan);
            // Tasks assigned in a range: their units' rows are not kept apart, so the tasks are judged from their compacted states.
            await SequenceHeaderAsync(http, projections, ReportFiguresProjection.Name);
            var query = session.Query<TaskFigures>().AsQueryable();
            if (plan is not null) query = query.Where(x => x.PlanId == plan);
            if (unit is not null) query = query.Where(x => x.Units.Contains(unit));
            var tasks = (await query.ToListAsync(http.RequestAborted)).Select(s => s.Task)
                .Where(x => (from is null || ChinaTime.DateOf(x.AssignedAt) >= from) && (to is null || ChinaTime.DateOf(x.AssignedAt) <= to))
                .ToArray();
            var computed = await RowsAsync(tasks, policy, now, http.RequestAborted);
            rows = unit is null ? computed : computed.Where(r => r.Unit == unit).ToArray();
        }
        if (Xlsx.IsWanted(http.Request))
            return Xlsx.File("timeliness.xlsx", Localization.Messages.Of("sheet.timeliness"), UnitHeaders, UnitWidths, rows.Select(UnitCells));
        return Csv.IsWanted(http.Request) ? UnitCsv("timeliness.csv", rows) : Results.Ok(rows);
    }

    /// <summary>The overdue list's page size when none is asked: what an office reads at the top of the list.</summary>
    public const int DefaultOverduePageSize = 50;

    public const int MaxOverduePageSize = 500;

    public static async Task<IResult> Overview(string planId, int? overduePage, int? overduePageSize, HttpContext http, IQuerySession session,
        TimeProvider clock, ProjectedReports projected)
    {
        if (overduePage is < 1) return Problems.Invalid("overduePage", "field.at-least", ("min", 1));
        if (overduePageSize is < 1 or > MaxOverduePageSize)
            return Problems.Invalid("overduePageSize", "field.between", ("min", 1), ("max", MaxOverduePageSize));
        var page = new OverduePage(overduePage ?? 1, overduePageSize ?? DefaultOverduePageSize);
        var now = clock.GetUtcNow();
        if (await projected.OverviewAsync(session, planId, now, page, http.RequestAborted) is not { } figures) return Problems.PlanNotFound(planId);
        SetSequence(http, figures.Sequence);
        var before = figures.LastDigest?.Numbers.ToHashSet() ?? [];
        var since = new SinceLastDigest(figures.LastDigest?.Date,
            figures.OverdueNumbers.Except(before).Order().ToArray(), before.Except(figures.OverdueNumbers).Order().ToArray());
        var overview = new PlanOverview(planId, figures.Title, now, figures.ByStatus, figures.Lights, figures.Overdue, figures.OverdueTotal,
            page.Page, page.PageSize, figures.Ranking, since);
        return Csv.IsWanted(http.Request) ? UnitCsv($"{planId}-ranking.csv", overview.UnitRanking) : Results.Ok(overview);
    }

    /// <summary>Says which events the answer reflects, so that a client that just wrote can wait for its write to show.</summary>
    private static async Task SequenceHeaderAsync(HttpContext http, ReportProjections projections, string projection) =>
        SetSequence(http, await projections.SequenceAsync(http.RequestAborted, projection));

    private static void SetSequence(HttpContext http, long sequence) =>
        http.Response.Headers[ReportProjections.SequenceHeader] = sequence.ToString(CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<UnitTimeliness>> RowsAsync(IReadOnlyList<SupervisedTask> tasks, TimelinessPolicy policy,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Each task is judged by its own plan's rules.
        var judged = new List<(SupervisedTask, TimelinessRules)>(tasks.Count);
        foreach (var task in tasks) judged.Add((task, await policy.RulesForAsync(task.PlanId, cancellationToken)));
        return UnitTimelinessReport.Of(judged, await policy.CalendarAsync(cancellationToken), now);
    }

    /// <summary>单位, 牵头, 配合, 签收及时, 签收逾期, 未签收, 平均签收工作日, 报送及时, 报送逾期, 漏报, 当前逾期, 按期办结, 逾期办结, 效能告诫, 及时率 (or in English).</summary>
    private static string[] UnitHeaders => Localization.Messages.Row("header.timeliness");

    private static readonly double[] UnitWidths = [24, 8, 8, 10, 10, 8, 14, 10, 10, 8, 10, 10, 10, 10, 10];

    private static IReadOnlyList<object?> UnitCells(UnitTimeliness r) =>
    [
        r.Unit, r.TasksLed, r.TasksCooperated, r.AcknowledgementsOnTime, r.AcknowledgementsLate, r.AcknowledgementsOutstanding,
        r.AverageAcknowledgementWorkingDays, r.ReportsOnTime, r.ReportsLate, r.ReportsMissed, r.TasksOverdueNow, r.CompletedOnTime,
        r.CompletedLate, r.Admonishments, r.OnTimeRate,
    ];

    private static IResult UnitCsv(string fileName, IEnumerable<UnitTimeliness> rows) => Csv.File(fileName, UnitHeaders, rows.Select(UnitCells));
}
