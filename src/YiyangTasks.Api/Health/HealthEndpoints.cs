using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace YiyangTasks.Api.Health;

/// <summary>GET /health/live (the process answers) and /health/ready (and so does the database); no authentication.</summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") })
            .ExcludeFromDescription();
    }
}
