using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace YiyangTasks.Api.Health;

/// <summary>
/// GET /health/live (the process answers), /health/ready (and so does the database; the holiday calendar or a projection far
/// behind may degrade it; as JSON with Accept: application/json)
/// and /health (every check with what it says, as JSON); no authentication.
/// </summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<ProjectionsHealthCheck>("projections", tags: ["ready"]);
        return services;
    }

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .ExcludeFromDescription();
        // Plain "Healthy" for probes; with Accept: application/json, each check with its data (the projections' sequences).
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteReadyAsync })
            .ExcludeFromDescription();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteReportAsync })
            .ExcludeFromDescription();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static Task WriteReadyAsync(HttpContext http, HealthReport report) =>
        http.Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true)
            ? WriteReportAsync(http, report)
            : WritePlainAsync(http, report);

    private static Task WritePlainAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "text/plain";
        return http.Response.WriteAsync(report.Status.ToString());
    }

    /// <summary>{"status":"Degraded","checks":{"calendar":{"status":"Degraded","description":"尚无2027年…","data":{…}}}}</summary>
    private static Task WriteReportAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data.Count > 0 ? e.Value.Data : null,
            }),
        }, Json, "application/json; charset=utf-8");
    }
}
