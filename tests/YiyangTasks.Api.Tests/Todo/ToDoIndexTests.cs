using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Api.Todo;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;

namespace YiyangTasks.Api.Tests.Todo;

/// <summary>The to-do reads the tasks a unit leads or cooperates on by their indexes, not by reading every task of every plan.</summary>
public class ToDoIndexTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_tasks_a_unit_leads_or_cooperates_on_are_found_by_their_indexes()
    {
        api.Clock.Set(ApiFactory.Start);
        await api.RegisterTwoTaskPlanAsync();
        await using var session = api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var query = ToDoQuery.OpenTasksLedBy(session, CivilAffairs);
        Assert.Equal([1, 2], (await query.ToListAsync()).Select(t => t.Number).Order());
        Assert.Empty(await ToDoQuery.OpenTasksLedBy(session, MedicalInsurance).ToListAsync()); // cooperates only
        Assert.Equal([1], (await ToDoQuery.OpenTasksCooperatedBy(session, MedicalInsurance).ToListAsync()).Select(t => t.Number));

        // With a handful of rows the planner would scan anyway; forbid the scan and the plan must name the index.
        Assert.Contains(await PlanAsync(query), line => line.Contains("Bitmap Index Scan on") && line.Contains("leadunits", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(await PlanAsync(ToDoQuery.OpenTasksCooperatedBy(session, MedicalInsurance)),
            line => line.Contains("Bitmap Index Scan on") && line.Contains("cooperatingunits", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<List<string>> PlanAsync(IQueryable<YiyangTasks.Domain.Tasks.SupervisedTask> query)
    {
        var command = query.ToCommand();
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("set enable_seqscan = off", connection)) await off.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("explain " + command.CommandText, connection);
        foreach (NpgsqlParameter parameter in command.Parameters) explain.Parameters.Add(parameter.Clone());
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        return plan;
    }
}
