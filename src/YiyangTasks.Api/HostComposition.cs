using YiyangTasks.Api.Audit;
using YiyangTasks.Api.Board;
using YiyangTasks.Api.Calendar;
using YiyangTasks.Api.Digest;
using YiyangTasks.Api.Dossier;
using YiyangTasks.Api.Health;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Localization;
using YiyangTasks.Api.OpenApi;
using YiyangTasks.Api.Plans;
using YiyangTasks.Api.Reports;
using YiyangTasks.Api.Reports.Projections;
using YiyangTasks.Api.Storage;
using YiyangTasks.Api.Tasks;
using YiyangTasks.Api.Timeliness;
using YiyangTasks.Api.Todo;
using YiyangTasks.Api.Units;

namespace YiyangTasks.Api;

/// <summary>Everything the host is made of, in one place: its services and background work, then its endpoints.</summary>
public static class HostComposition
{
    /// <param name="command">The host is built for a command (Program.cs), which starts none of the background work below.</param>
    public static WebApplicationBuilder AddFollowThrough(this WebApplicationBuilder builder, string connectionString, bool command = false)
    {
        builder.AddEventStore(connectionString, command);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<TaskWrites>();
        services.AddSingleton<UnitDirectoryCache>();
        services.AddSingleton<UnitRegistration>();
        services.AddSingleton<ActorFilter>();
        services.AddSingleton<TimelinessPolicy>();
        services.AddHolidayCalendar();
        services.AddSingleton<ReportProjections>();
        services.AddSingleton<Reports.ProjectedReports>();
        services.AddSingleton<ToDoQuery>();
        services.AddSingleton<PlanAssignment>();
        services.AddSingleton<PlanImporter>();
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = PlanImporter.MaxBytes);
        services.AddHttpClient("digest", client => client.Timeout = TimeSpan.FromSeconds(15));
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.AddLanguages();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Problems.Localize);
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddHealth();
        services.AddWriteAdmission(builder.Configuration);
        services.AddApiDocument();

        // Background work (only when the host runs, never for a command), in order: the audit index after Marten's
        // schema and the document tables' settings (compression, no truncation), then what time brought while we were down.
        if (builder.Environment.IsDevelopment()) services.AddHostedService<DemoPlans>();
        services.AddHostedService<AuditIndexes>();
        services.AddHostedService<DocumentTableSettings>();
        services.AddHostedService<StartupSweep>();
        if (builder.Configuration.GetValue("Digest:CatchUpOnStart", true)) services.AddHostedService<MissedDigestCatchUp>();
        return builder;
    }

    public static WebApplication MapFollowThrough(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapHealth();
        app.MapBoard();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "YiyangTasks v1");
            options.RoutePrefix = "swagger";
        });

        var api = app.MapGroup("/api").RequireAuthorization(Policies.Read).AddEndpointFilter<ActorFilter>()
            .ProducesProblemForEveryEndpoint(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status503ServiceUnavailable);
        api.MapPlans();
        api.MapTasks();
        api.MapUnits();
        api.MapDigests();
        api.MapReports();
        api.MapAudit();
        api.MapDossiers();
        api.MapCalendar();
        api.MapToDo();
        api.MapCalendarFeedAdmin();
        app.MapCalendarFeed();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
                app.Logger.LogInformation("YiyangTasks is listening on {Url}; Swagger UI at {Url}/swagger", url, url);
        });
        return app;
    }
}
