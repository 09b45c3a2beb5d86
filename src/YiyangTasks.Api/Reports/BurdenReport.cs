using Marten;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Timeliness;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;
using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Reports;

/// <summary>The reporting burden (基层减负) over a window of months: each unit's demands, the most burdened first.</summary>
/// <param name="From">The window's first day (China date).</param>
/// <param name="To">The window's last day.</param>
public sealed record BurdenReport(DateOnly From, DateOnly To, DateTimeOffset AsOf, IReadOnlyList<UnitBurden> Units);

/// <summary>GET /api/reports/burden: how many acknowledgements, reports and completions all plans demand of each unit, per month.</summary>
public static class BurdenReports
{
    public const int MaxMonths = 36;

    public static void MapBurden(this RouteGroupBuilder reports) =>
        reports.MapGet("/burden", Burden)
            .WithName("GetReportingBurden")
            .WithSummary("Reporting burden (基层减负): what all plans demand of each unit per month, led and cooperated, the trend, the tasks behind it")
            .WithDescription("Counts every acknowledgement, progress report and completion due in the window (from/to, yyyy-MM-dd; by default the " +
                "six months ending with this one), met or not; months to come are projected by the same rules. The most burdened units first.")
            .Produces<BurdenReport>().ProducesProblem(400).ProducesProblem(403);

    public static async Task<IResult> Burden(string? unit, DateOnly? from, DateOnly? to, HttpContext http, IQuerySession session,
        TimelinessPolicy policy, TimeProvider clock)
    {
        var actor = ActorFilter.Of(http);
        if (actor.Role == Roles.Liaison)
        {
            if (unit is not null && unit != actor.Unit) return Problems.Forbidden(Messages.Of("liaison-own-unit-burden"));
            unit = actor.Unit;
        }
        // A month of year 9999 has no month after it to end the default window; year 1 none before it.
        if (new TextRules().Optional("unit", unit, 100).Dated("from", from).Dated("to", to).Problem() is { } invalid) return invalid;
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var last = to ?? new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1);
        var first = from ?? new DateOnly(last.Year, last.Month, 1).AddMonths(-5);
        if (last < first) return Problems.Invalid("to", "field.not-before", ("other", "from"));
        if ((last.Year - first.Year) * 12 + last.Month - first.Month >= MaxMonths)
            return Problems.Invalid("to", "field.range-months", ("max", MaxMonths));

        var query = session.Query<SupervisedTask>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(unit)) query = query.Where(t => t.LeadUnits.Contains(unit) || t.CooperatingUnits.Contains(unit));
        var tasks = await query.ToListAsync(http.RequestAborted);
        var judged = new List<(SupervisedTask, TimelinessRules)>(tasks.Count);
        foreach (var task in tasks) judged.Add((task, await policy.RulesForAsync(task.PlanId, http.RequestAborted)));

        var rows = ReportingBurden.Of(judged, await policy.CalendarAsync(http.RequestAborted), first, last, now);
        if (!string.IsNullOrWhiteSpace(unit)) rows = rows.Where(r => r.Unit == unit).ToArray();
        return Results.Ok(new BurdenReport(first, last, now, rows));
    }
}
