using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Xunit.Abstractions;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Tasks;

/// <summary>
/// What one progress report costs the database: the SQL commands Npgsql sends for it (each a round trip; the COMMIT
/// that ends the transaction is one more, not traced). Counted from Npgsql's own tracing, within the request only.
/// </summary>
public class CommandRoundTripTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_progress_report_on_a_task_whose_next_check_does_not_move_takes_two_commands()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var health = api.As(Roles.Liaison, HealthCommission);
        var body = new { periodStart = "2026-03-01", periodEnd = "2026-03-31", status = "onTrack", percentDone = 10, narrative = "本月进展" };
        Assert.Equal(HttpStatusCode.OK, (await health.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"), body)).StatusCode);

        var commands = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name != "Npgsql") return;
                for (var parent = activity.Parent; parent is not null; parent = parent.Parent)
                    if (parent.OperationName == "Microsoft.AspNetCore.Hosting.HttpRequestIn"
                        && parent.GetTagItem("url.path") is string path && path.EndsWith("/progress-reports", StringComparison.Ordinal))
                    {
                        commands.Enqueue(activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName);
                        return;
                    }
            },
        };
        ActivitySource.AddActivityListener(listener);

        Assert.Equal(HttpStatusCode.OK, (await health.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"), body)).StatusCode);

        foreach (var command in commands) output.WriteLine(command.Length > 300 ? command[..300] + "…" : command);
        Assert.True(commands.Count <= 2, $"{commands.Count} commands:\n{string.Join("\n", commands)}");
    }
}
