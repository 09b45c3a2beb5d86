using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Storage;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Domain.Tasks;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;

namespace YiyangTasks.Api.Tests.Timeliness;

/// <summary>A host stopped between an obligation's scheduling and its due time loses nothing: the lapse is recorded once after the restart.</summary>
public class RestartTests
{
    [Fact]
    public async Task A_lapse_that_fell_due_while_the_service_was_down_is_recorded_once_after_restart()
    {
        var database = await TestPostgres.CreateDatabaseAsync(nameof(RestartTests));
        // A clock at the real present, so that Wolverine's durable check is scheduled in the real future and still waits in the database.
        var now = TimeProvider.System.GetUtcNow();
        string planId;
        await using (var before = ApiFactory.OnDatabase(database, now))
        {
            await before.InitializeAsync();
            planId = await before.RegisterTwoTaskPlanAsync(deadline: now.AddYears(1).ToString("yyyy-MM-dd"));
            Assert.Equal(2, await ScheduledChecksAsync(database));
        }

        // Down for ten days: both lead units' acknowledgements fell due meanwhile.
        await using var after = ApiFactory.OnDatabase(database, now.AddDays(10), new Dictionary<string, string>());
        await after.InitializeAsync();
        using (var office = after.As(Roles.Office)) await office.GetAsync("/api/plans"); // starts the host: its start-up sweep runs
        await Eventually.True(async () => (await after.EventsAsync(planId, 1)).OfType<AcknowledgementOverdue>().Count() == 2,
            what: "the start-up sweep to record the lapses");

        await after.SweepAsync();
        await after.SweepAsync();
        var lapses = (await after.EventsAsync(planId, 1)).OfType<AcknowledgementOverdue>().Select(l => l.Unit).Order().ToArray();
        Assert.Equal(new[] { HealthCommission, CivilAffairs }.Order(), lapses);
        Assert.Single((await after.EventsAsync(planId, 2)).OfType<AcknowledgementOverdue>());
    }

    private static async Task<long> ScheduledChecksAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select count(*) from {EventStore.MessagingSchema}.wolverine_incoming_envelopes where status = 'Scheduled' and message_type like '%CheckTaskTimeliness%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
