using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Http;

/// <summary>
/// While the database is down, requests fail fast with 503 problem details and a Retry-After, never a 500 or
/// a stack trace; everything else unexpected is a plain 500 problem.
/// </summary>
public sealed class DatabaseUnavailableHandler(ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsDatabaseUnavailable(exception)) return false;
        logger.LogWarning("The database is unavailable: {Reason}", exception.GetBaseException().Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "5";
        await Problems.Problem(StatusCodes.Status503ServiceUnavailable, "database-unavailable",
            Messages.Of("database-unavailable")).ExecuteAsync(http);
        return true;
    }

    public static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // A serialization failure or deadlock is a conflict between writers, not an outage.
            if (e is PostgresException { SqlState: "40001" or "40P01" }) return false;
            if (e is NpgsqlException { IsTransient: true } or SocketException or TimeoutException) return true;
            if (e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }) return true; // shutting down, too many connections
            if (e is NpgsqlException && e.InnerException is IOException or SocketException) return true;
        }
        return false;
    }
}
