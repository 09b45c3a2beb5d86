using Marten;
using Npgsql;
using YiyangTasks.Benchmarks.Data;

namespace YiyangTasks.Benchmarks.Harness;

/// <summary>What every scenario shares in one run: the scale, the database and its data set, the API process, the tools.</summary>
public sealed class Bench
{
    public required string Repository { get; init; }
    public required Scale Scale { get; init; }
    public required Results Results { get; init; }
    public required string ScratchFolder { get; init; }
    public required NpgsqlConnectionStringBuilder Connection { get; init; }
    public required IDocumentStore Store { get; init; }
    public required Workload Workload { get; init; }
    public required ApiProcess Api { get; init; }
    public required PgBench PgBench { get; init; }
    public required Wrk Wrk { get; init; }
    public required CpuMeter Cpu { get; init; }

    /// <summary>Progress-report bodies for the month just ended, as a liaison sends them at month end.</summary>
    public static string ProgressBody(DateTimeOffset now, int percent)
    {
        var month = new DateOnly(now.Year, now.Month, 1).AddMonths(-1);
        return $$"""{"periodStart":"{{month:yyyy-MM-dd}}","periodEnd":"{{month.AddMonths(1).AddDays(-1):yyyy-MM-dd}}","status":"onTrack","percentDone":{{percent}},"narrative":"本月完成机构摸底和培训。"}""";
    }

    public static string TaskPath(string planId, int number, string tail = "") => $"/api/plans/{planId}/tasks/{number}{tail}";
}
