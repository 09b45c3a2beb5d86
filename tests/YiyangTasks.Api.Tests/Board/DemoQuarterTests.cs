using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Plans;
using YiyangTasks.Api.Reports;
using YiyangTasks.Api.Tasks;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;
using TaskStatus = YiyangTasks.Domain.Tasks.TaskStatus;

namespace YiyangTasks.Api.Tests.Board;

/// <summary>A newcomer's first start in Development: the demo plans have lived a quarter, so there is something to look at.</summary>
[Collection(DemoQuarterCollection.Name)]
public sealed class DemoQuarterTests(DemoQuarterHost host)
{
    private static readonly JsonSerializerOptions Json = Http.ApiJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    [Fact]
    public async Task The_plans_show_green_yellow_and_red_lights_completed_tasks_and_admonished_units()
    {
        using var office = host.As(Roles.Office);
        var overviews = new List<PlanOverview>();
        foreach (var (_, planId, _) in DemoPlans.Seeds)
            overviews.Add((await office.GetFromJsonAsync<PlanOverview>($"/api/reports/plans/{planId}/overview", Json))!);

        foreach (var light in Enum.GetValues<Light>())
            Assert.True(overviews.Sum(o => o.Lights.GetValueOrDefault(light)) > 0, $"no {light} light on any demo plan");
        Assert.True(overviews.Sum(o => o.TasksByStatus.GetValueOrDefault(TaskStatus.Completed)) > 0, "no completed task");
        Assert.True(overviews.Sum(o => o.TasksByStatus.GetValueOrDefault(TaskStatus.InProgress)) > 0, "no task in progress");
        Assert.Contains(overviews.SelectMany(o => o.UnitRanking), r => r.Admonishments > 0);
        Assert.Contains(overviews.SelectMany(o => o.Overdue), o => o.Obligation == ObligationKind.Report);
        // A ranking with a top and a bottom, not every unit alike.
        var rates = overviews.SelectMany(o => o.UnitRanking).Select(r => r.OnTimeRate).OfType<double>().ToArray();
        Assert.True(rates.Max() - rates.Min() > 0.3, $"on-time rates {rates.Min():P0}..{rates.Max():P0}");
    }

    [Fact]
    public async Task Todays_digest_lists_the_quarters_overdue_tasks()
    {
        using var office = host.As(Roles.Office);
        // The demo plans build it again after their last plan is in, so it may still be on its way.
        JsonElement? digest = null;
        for (var deadline = DateTime.UtcNow.AddMinutes(1); DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            var response = await office.GetAsync("/api/digests/overdue/latest");
            if (response.StatusCode != HttpStatusCode.OK) continue;
            digest = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
            if (digest.Value.GetProperty("taskCount").GetInt32() > 0) break;
        }
        Assert.NotNull(digest);
        Assert.Equal("2026-03-02", digest.Value.GetProperty("date").GetString());
        Assert.True(digest.Value.GetProperty("taskCount").GetInt32() > 10, digest.ToString());
    }

    [Fact]
    public async Task Each_event_carries_its_own_time_and_who_did_it()
    {
        using var office = host.As(Roles.Office);
        var start = ApiFactory.Start - DemoPlans.QuarterAgo;
        HistoryEntry[]? history = null;
        // A task the demo quarter admonished: its history has the liaison, the system's lapses and the supervision group.
        for (var number = 1; number < 60 && history is null; number++)
        {
            var entries = await office.GetFromJsonAsync<HistoryEntry[]>($"/api/plans/yanling/tasks/{number}/history", Json);
            if (entries!.Any(e => e.Type == nameof(AdmonishmentIssued))) history = entries;
        }
        Assert.NotNull(history);
        var times = history.Select(e => SupervisedTask.OccurredAt(Data(e))!.Value).ToArray();
        Assert.Equal(times.Order(), times);
        Assert.InRange(times[0], start - TimeSpan.FromDays(7), start + TimeSpan.FromDays(7));
        Assert.All(history.Skip(1), e => Assert.True(SupervisedTask.OccurredAt(Data(e)) < ApiFactory.Start));
        Assert.Equal(Roles.Office, history[0].Actor!.Role);
        Assert.Equal(Roles.Supervision, history.First(e => e.Type == nameof(AdmonishmentIssued)).Actor!.Role);
        Assert.All(history.Where(e => e.Type is nameof(AcknowledgementOverdue) or nameof(ReportMissed)), e => Assert.Equal("system", e.Actor!.Role));
        Assert.All(history.Where(e => e.Type is nameof(TaskAcknowledgedByLeadUnit) or nameof(ProgressReported)),
            e => Assert.Equal(Roles.Liaison, e.Actor!.Role));

        // As of the day after the assignment, the task stood assigned and nothing else.
        var asOf = Uri.EscapeDataString(times[0].AddHours(1).ToString("O"));
        var then = await office.GetFromJsonAsync<TaskView>($"/api/plans/yanling/tasks/{Number(history)}?asOf={asOf}", Json);
        Assert.Equal(1, then!.Version);
    }

    [Fact]
    public void The_same_task_lives_the_same_quarter_every_time()
    {
        var assigned = new TaskAssigned("demo", 7, "建立医养结合服务网络", ["县卫健委", "县民政局"], ["县财政局"], ResponsibilityMode.LeadAndCooperate,
            new DateOnly(2026, 2, 27), null, ReportingCycle.Monthly, DemoHistory.Office, ApiFactory.Start - DemoPlans.QuarterAgo);
        var calendar = WorkingDayCalendar.ChinaMainland;
        var first = DemoHistory.Live(assigned, TimelinessRules.Default, calendar, ApiFactory.Start);
        var second = DemoHistory.Live(assigned, TimelinessRules.Default, calendar, ApiFactory.Start);
        Assert.Equal(first.Select(s => JsonSerializer.Serialize(s.Event, s.Event.GetType())), second.Select(s => JsonSerializer.Serialize(s.Event, s.Event.GetType())));
        Assert.NotEmpty(first);
    }

    [Fact]
    public async Task The_demo_sign_in_is_offered_only_in_Development()
    {
        using var anonymous = host.CreateClient();
        var roles = await anonymous.GetFromJsonAsync<Api.Board.DemoRole[]>("/board/demo/roles", Json);
        Assert.Contains(roles!, r => r.Role == Roles.Liaison && r.Unit is not null);
        var refused = await anonymous.PostAsJsonAsync("/board/demo/tokens", new { role = "liaison" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        await using var testing = new ApiFactory();
        await testing.InitializeAsync();
        using var client = testing.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/board/demo/roles")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/board/")).StatusCode);
    }

    [Fact]
    public async Task With_Demo_History_none_the_plans_are_assigned_at_this_instant_and_nothing_has_happened_yet()
    {
        await using var today = DemoQuarterHost.AssignedToday();
        await today.InitializeAsync();
        using var office = today.As(Roles.Office);
        var overview = await office.GetFromJsonAsync<PlanOverview>("/api/reports/plans/yanling/overview", Json);
        Assert.Equal(overview!.Lights.Values.Sum(), overview.Lights.GetValueOrDefault(Light.Yellow));
        Assert.Empty(overview.Overdue);
        var history = await office.GetFromJsonAsync<HistoryEntry[]>("/api/plans/yanling/tasks/1/history", Json);
        var assigned = Assert.Single(history!);
        Assert.Equal(ApiFactory.Start, SupervisedTask.OccurredAt(Data(assigned)));
    }

    private static int Number(HistoryEntry[] history) => ((JsonElement)history[0].Data).GetProperty("number").GetInt32();

    private static object Data(HistoryEntry e)
    {
        var element = (JsonElement)e.Data;
        var type = typeof(TaskAssigned).Assembly.GetType($"YiyangTasks.Domain.Tasks.{e.Type}")!;
        return element.Deserialize(type, Json)!;
    }
}
