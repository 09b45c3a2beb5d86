using System.Text.Json;
using Npgsql;
using YiyangTasks.Api.Tests.Infrastructure;

namespace YiyangTasks.Api.Tests.Plans;

/// <summary>
/// The host's command line (JasperFx's), run as an operator runs it: the built program as a process, in Production,
/// on a database whose schema `db-apply` made. A command builds the host and starts none of it.
/// </summary>
public class ImportCommandTests
{
    [Fact]
    public async Task Help_lists_the_import_and_token_commands_beside_Martens_and_Wolverines()
    {
        var help = await ApiProgram.RunAsync(["help"], ApiProgram.Production(connectionString: null));

        Assert.Equal(0, help.ExitCode);
        foreach (var command in new[] { "import", "token", "describe", "db-apply", "db-assert", "db-patch", "projections", "codegen", "resources" })
            Assert.Matches($@"(?m)^\s+{command}\s", help.Output);
    }

    [Fact]
    public async Task Db_assert_fails_on_an_empty_database_and_passes_after_db_apply()
    {
        var settings = ApiProgram.Production(await TestPostgres.CreateDatabaseAsync(nameof(ImportCommandTests) + "schema"));

        Assert.NotEqual(0, (await ApiProgram.RunAsync(["db-assert"], settings)).ExitCode);
        var apply = await ApiProgram.RunAsync(["db-apply"], settings);
        Assert.True(apply.ExitCode == 0, apply.Output + apply.Error);
        var assert = await ApiProgram.RunAsync(["db-assert"], settings);
        Assert.True(assert.ExitCode == 0, assert.Output + assert.Error);
    }

    [Fact]
    public async Task A_dry_run_prints_the_plan_in_readable_Chinese_and_starts_no_background_work()
    {
        var database = await TestPostgres.CreateDatabaseAsync(nameof(ImportCommandTests) + "dryrun");
        var settings = ApiProgram.Production(database);
        settings["Digest__Cron"] = "* * * * *"; // were anything scheduled to run, it would be due now
        Assert.Equal(0, (await ApiProgram.RunAsync(["db-apply"], settings)).ExitCode);
        var file = Directory.GetFiles(RepositoryFolders.Seeds(AppContext.BaseDirectory)!, "003_*.txt").Single();

        var import = await ApiProgram.RunAsync(["import", file, "--plan", "xinyang2", "--jurisdiction", "信阳市", "--dry-run"], settings);

        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Contains("\"title\": \"医养结合工作重点任务分工方案\"", import.Output);
        Assert.DoesNotContain(@"\u", import.Output);
        using var json = JsonDocument.Parse(import.Output); // standard output is the result alone
        Assert.Equal("dry-run", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(38, json.RootElement.GetProperty("tasks").GetArrayLength());
        Assert.Contains("import: dry-run: 38 tasks", import.Error);
        Assert.DoesNotContain("   at ", import.Error); // no stack trace of a cancelled handler
        Assert.DoesNotContain("listening", import.Error + import.Output, StringComparison.OrdinalIgnoreCase);

        // Nothing ran: no event, no digest, and Wolverine never even registered a node.
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        foreach (var table in new[] { "yiyang.mt_events", "yiyang.mt_doc_overduedigest", "yiyang_messaging.wolverine_nodes" })
        {
            await using var count = new NpgsqlCommand($"select count(*) from {table}", connection);
            Assert.True(0L == (long)(await count.ExecuteScalarAsync())!, $"{table} is not empty");
        }
    }

    [Fact]
    public async Task An_import_stores_the_plan_and_its_timeliness_checks_for_the_API_to_run_without_running_them()
    {
        var database = await TestPostgres.CreateDatabaseAsync(nameof(ImportCommandTests) + "import");
        var settings = ApiProgram.Production(database);
        settings["Digest__Cron"] = "* * * * *";
        Assert.Equal(0, (await ApiProgram.RunAsync(["db-apply"], settings)).ExitCode);
        var file = Directory.GetFiles(RepositoryFolders.Seeds(AppContext.BaseDirectory)!, "001_*.txt").Single();

        var import = await ApiProgram.RunAsync(["import", file, "--plan", "xunyang", "--jurisdiction", "浔阳区"], settings);

        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Contains("import: imported: 15 tasks", import.Error);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        async Task<long> CountAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        Assert.Equal(15, await CountAsync("select count(*) from yiyang.mt_streams where id like 'xunyang/%'"));
        Assert.True(await CountAsync("select count(*) from yiyang_messaging.wolverine_incoming_envelopes where status = 'Scheduled'") >= 15);
        Assert.Equal(0, await CountAsync("select count(*) from yiyang.mt_doc_overduedigest"));
    }
}
