using JasperFx;
using Marten;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Domain.Calendar;
using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Calendar;

/// <summary>
/// The holiday calendar as data the administrator keeps: GET /api/admin/calendar, GET and PUT /api/admin/calendar/{year}.
/// The State Council publishes next year's notice around November; loading it here needs no release.
/// </summary>
public static class CalendarEndpoints
{
    private const int BodyLimit = 64 * 1024;

    public static IServiceCollection AddHolidayCalendar(this IServiceCollection services)
    {
        services.AddSingleton<HolidayCalendar>();
        services.ConfigureMarten(options => options.Schema.For<HolidayNoticeLoad>().Index(l => l.Year));
        services.AddHealthChecks().AddCheck<CalendarHealthCheck>("calendar", tags: ["ready"]);
        return services;
    }

    public static void MapCalendar(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/admin/calendar").WithTags("Calendar").RequireAuthorization(Policies.AdminWork);
        calendar.MapGet("", List).WithName("ListHolidayNotices").WithSummary("Every year's holiday arrangement in force, loaded or committed (admin)")
            .Produces<HolidayNoticeView[]>();
        calendar.MapGet("/{year:int}", One).WithName("GetHolidayNotice").WithSummary("A year's holiday arrangement in force, who loaded it and its earlier loads (admin)")
            .Produces<HolidayNoticeView>().ProducesProblem(400).ProducesProblem(404);
        calendar.MapPut("/{year:int}", Load).WithName("LoadHolidayNotice").WithSummary("Load a year's State Council holiday notice; every process counts by it (admin)")
            .Accepts<HolidayNoticeRequest>("application/json")
            .Produces<HolidayNoticeView>().Produces<HolidayNoticeView>(StatusCodes.Status201Created)
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);
    }

    private static async Task<IResult> List(HolidayCalendar holidays, CancellationToken cancellationToken)
    {
        var inForce = await holidays.ReadNowAsync(cancellationToken);
        return Results.Ok(inForce.Calendar.Arrangements.Select(a => View(inForce, a)).ToArray());
    }

    private static async Task<IResult> One(int year, HolidayCalendar holidays, CancellationToken cancellationToken)
    {
        if (InvalidYear(year) is { } invalid) return invalid;
        var inForce = await holidays.ReadNowAsync(cancellationToken);
        return inForce.Calendar.Arrangements.FirstOrDefault(a => a.Year == year) is { } arrangement
            ? Results.Ok(View(inForce, arrangement))
            : Problems.NotFound(Messages.Of("calendar-year-missing", ("year", year)));
    }

    private static async Task<IResult> Load(int year, HttpContext http, IDocumentSession session, HolidayCalendar holidays,
        TimeProvider clock, ILogger<HolidayCalendar> logger)
    {
        var cancellationToken = http.RequestAborted;
        if (InvalidYear(year) is { } invalidYear) return invalidYear;
        var (request, problem) = await RequestBody.ReadJsonAsync<HolidayNoticeRequest>(http.Request, BodyLimit);
        if (problem is not null) return problem;
        var (drafts, invalid) = request!.Validate(year);
        if (invalid is not null) return invalid;

        // Checked against what is in the database now, not this process's copy: another process may have just loaded a year.
        var inForce = await holidays.ReadNowAsync(cancellationToken);
        var others = inForce.Calendar.Arrangements.Where(a => a.Year != year).ToArray();
        var source = request.Source!.Trim();
        var problems = HolidayNoticeRules.Check(year, source, drafts!, others);
        if (problems.Count > 0)
        {
            static string Words(NoticeProblem p) => Messages.Of($"notice.{p.Code}", p.Args.Select(a => (a.Key, a.Value)).ToArray());
            return Problems.BadRequest(Messages.Of("calendar-notice-refused", ("year", year), ("first", Words(problems[0]))),
                problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(Words).ToArray()));
        }

        var holidaysNoticed = drafts!.Select(d => new NoticedHoliday(d.Name, d.From, d.To, d.MakeUpWorkingDays.Order().ToArray())).ToArray();
        var current = inForce.Loads.GetValueOrDefault(year);
        if (current is not null && current.Source == source && SameHolidays(current.Holidays, holidaysNoticed))
            return Results.Ok(View(inForce, current.ToArrangement())); // the same notice again: nothing to record

        var revision = inForce.AllLoads.Where(l => l.Year == year).Select(l => l.Revision).DefaultIfEmpty(0).Max() + 1;
        var actor = ActorFilter.Of(http);
        var load = new HolidayNoticeLoad(HolidayNoticeLoad.IdFor(year, revision), year, revision, source, holidaysNoticed,
            actor, clock.GetUtcNow());
        session.Insert(load);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            return Problems.Problem(StatusCodes.Status409Conflict, "calendar-changed",
                Messages.Of("calendar-changed", ("year", year), ("revision", revision)));
        }

        logger.LogInformation("Holiday notice for {Year} loaded by {User} (revision {Revision}): {Source}", year, actor.UserId, revision, source);
        var after = await holidays.ReadNowAsync(cancellationToken);
        var view = View(after, load.ToArrangement());
        return revision == 1 ? Results.Created($"/api/admin/calendar/{year}", view) : Results.Ok(view);
    }

    private static IResult? InvalidYear(int year) =>
        year is >= 2000 and <= 2100 ? null : Problems.Invalid("year", "field.year-range", ("min", 2000), ("max", 2100), ("year", year));

    private static HolidayNoticeView View(CalendarInForce inForce, HolidayArrangement arrangement)
    {
        var load = inForce.Loads.GetValueOrDefault(arrangement.Year);
        return HolidayNoticeView.Of(arrangement, load,
            inForce.AllLoads.Where(l => l.Year == arrangement.Year && l.Id != load?.Id));
    }

    private static bool SameHolidays(IReadOnlyList<NoticedHoliday> a, IReadOnlyList<NoticedHoliday> b) =>
        a.Count == b.Count && a.Zip(b).All(pair => pair.First.Name == pair.Second.Name && pair.First.From == pair.Second.From
            && pair.First.To == pair.Second.To && pair.First.MakeUpWorkingDays.SequenceEqual(pair.Second.MakeUpWorkingDays));
}
