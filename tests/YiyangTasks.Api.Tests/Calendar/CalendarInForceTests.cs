using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Calendar.CalendarFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Calendar;

/// <summary>A loaded notice is what every process counts working days by; health says when next year's is missing.</summary>
public class CalendarInForceTests
{
    /// <summary>Friday 6 March 2026, 10:00 in Beijing.</summary>
    private static readonly DateTimeOffset Friday = new(2026, 3, 6, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_notice_loaded_in_one_process_moves_due_days_there_at_once_and_in_another_within_the_refresh_interval()
    {
        var database = await TestPostgres.CreateDatabaseAsync(nameof(CalendarInForceTests));
        await using var loading = ApiFactory.OnDatabase(database, ApiFactory.Start);
        await using var other = ApiFactory.OnDatabase(database, ApiFactory.Start);
        await loading.InitializeAsync();
        await other.InitializeAsync();
        // Assigned Monday 2 March 09:00: acknowledgement is due within 3 working days, by the end of Thursday 5 March.
        var planId = await loading.RegisterTwoTaskPlanAsync();
        loading.Clock.Set(Friday);
        other.Clock.Set(Friday);
        using var loadingOffice = loading.As(Roles.Office);
        using var otherOffice = other.As(Roles.Office);
        Assert.Equal("red", await LightAsync(otherOffice, planId));
        Assert.Equal("red", await LightAsync(loadingOffice, planId));

        // The office learns that 3–4 March were days off: the committed 2026 file, sent back with one more holiday.
        var amended = Committed2026();
        amended["holidays"]!.AsArray().Add(Holiday("临时放假（测试）", "2026-03-03", "2026-03-04"));
        using var admin = loading.As(Roles.Admin);
        var loaded = await admin.PutAsJsonAsync("/api/admin/calendar/2026", amended);
        Assert.Equal(HttpStatusCode.Created, loaded.StatusCode);

        // Due now on Monday 9 March: no longer overdue, due soon.
        Assert.Equal("yellow", await LightAsync(loadingOffice, planId));
        var interval = TimeSpan.FromSeconds(10);
        other.Clock.Advance(interval - TimeSpan.FromSeconds(1));
        Assert.Equal("red", await LightAsync(otherOffice, planId)); // its copy is not yet as old as the interval
        other.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("yellow", await LightAsync(otherOffice, planId));
    }

    [Fact]
    public async Task An_import_counts_a_plan_s_working_days_on_the_notice_loaded()
    {
        var database = await TestPostgres.CreateDatabaseAsync(nameof(CalendarInForceTests));
        await using var host = ApiFactory.OnDatabase(database, Friday);
        await host.InitializeAsync();
        using var admin = host.As(Roles.Admin);
        using var office = host.As(Roles.Office);
        const string plan = "某县医养结合工作方案\n2026年3月2日\n1.自本方案印发之日起10个工作日内完成机构摸底。（责任单位：县卫健委）\n";

        // Issued Monday 2 March: the committed calendar's 10th working day after it is Monday 16 March.
        Assert.Equal("2026-03-16", await DeadlineAsync(office, "counted-committed", plan));

        // The office learns that 3–4 March were days off: the count ends two working days later, on Wednesday 18 March.
        var amended = Committed2026();
        amended["holidays"]!.AsArray().Add(Holiday("临时放假（测试）", "2026-03-03", "2026-03-04"));
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsJsonAsync("/api/admin/calendar/2026", amended)).StatusCode);
        Assert.Equal("2026-03-18", await DeadlineAsync(office, "counted-loaded", plan));
    }

    private static async Task<string?> DeadlineAsync(HttpClient office, string planId, string plan)
    {
        var imported = await office.PostAsync($"/api/plans/import?planId={planId}&jurisdiction={Uri.EscapeDataString("鄢陵县")}",
            new StringContent(plan, System.Text.Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var task = JsonNode.Parse(await office.GetStringAsync($"/api/plans/{planId}/tasks/1"))!;
        return task["task"]!["deadline"]!.GetValue<string>();
    }

    [Fact]
    public async Task From_1_November_health_says_next_year_s_notice_is_missing_until_the_admin_loads_it()
    {
        var database = await TestPostgres.CreateDatabaseAsync(nameof(CalendarInForceTests));
        await using var host = ApiFactory.OnDatabase(database, new DateTimeOffset(2026, 10, 31, 15, 59, 0, TimeSpan.Zero));
        await host.InitializeAsync();
        using var anonymous = host.CreateClient();

        // 23:59 on 31 October in Beijing.
        Assert.Equal("Healthy", await anonymous.GetStringAsync("/health/ready"));

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var ready = await anonymous.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
        var report = JsonNode.Parse(await anonymous.GetStringAsync("/health"))!;
        Assert.Equal("Degraded", report["status"]!.GetValue<string>());
        Assert.Equal("Healthy", report["checks"]!["database"]!["status"]!.GetValue<string>());
        var calendar = report["checks"]!["calendar"]!;
        Assert.Equal("Degraded", calendar["status"]!.GetValue<string>());
        Assert.Contains("尚无2027年的节假日安排", calendar["description"]!.GetValue<string>());
        Assert.Contains("PUT /api/admin/calendar/2027", calendar["description"]!.GetValue<string>());
        Assert.Equal([2027], calendar["data"]!["missingYears"]!.AsArray().Select(y => y!.GetValue<int>()));

        using var admin = host.As(Roles.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsJsonAsync("/api/admin/calendar/2027", Notice2027())).StatusCode);
        Assert.Equal("Healthy", await anonymous.GetStringAsync("/health/ready"));
        Assert.Contains("2026、2027年的节假日安排已录入", await anonymous.GetStringAsync("/health"));
    }

    private static async Task<string?> LightAsync(HttpClient client, string planId) =>
        (await (await client.GetAsync(TaskUrl(planId, 1))).JsonAsync()).GetProperty("light").GetProperty("light").GetString();
}
