using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Http;

/// <summary>
/// How many writes (any request but GET, HEAD and OPTIONS) one process works on at once; the others wait their turn in
/// arrival order. On two cores a command costs a few milliseconds of CPU, API and PostgreSQL together: more of them at
/// once add no throughput, only wait in the thread pool and in PostgreSQL, and starve the projection daemon that runs in
/// the same process, so that a month-end burst reached the reports later (README, "Writes at once", with the figures).
/// </summary>
public static class WriteAdmission
{
    /// <summary>The setting that overrides <see cref="DefaultPermits"/>.</summary>
    public const string ConfigurationKey = "Writes:Concurrency";

    /// <summary>Writes worked on at once unless configured: two per core.</summary>
    public static int DefaultPermits => 2 * Environment.ProcessorCount;

    /// <summary>The setting that overrides <see cref="DefaultQueueLimit"/>.</summary>
    public const string QueueConfigurationKey = "Writes:QueueLimit";

    /// <summary>Writes that may wait unless configured; beyond them a write is refused at once with 503 and a Retry-After.</summary>
    public const int DefaultQueueLimit = 2_000;

    public static IServiceCollection AddWriteAdmission(this IServiceCollection services, IConfiguration configuration)
    {
        var writes = new ConcurrencyLimiterOptions
        {
            PermitLimit = configuration.GetValue<int?>(ConfigurationKey) ?? DefaultPermits,
            QueueLimit = configuration.GetValue<int?>(QueueConfigurationKey) ?? DefaultQueueLimit, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
        return services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("reads")
                    : RateLimitPartition.GetConcurrencyLimiter("writes", _ => writes));
            options.OnRejected = async (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                await Problems.Problem(StatusCodes.Status503ServiceUnavailable, "too-many-writes", Messages.Of("too-many-writes"))
                    .ExecuteAsync(context.HttpContext);
            };
        });
    }
}
