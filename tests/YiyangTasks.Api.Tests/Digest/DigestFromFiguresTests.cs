using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using YiyangTasks.Api.Digest;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Reports.Projections;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Api.Tests.Reports;
using YiyangTasks.Api.Timeliness;
using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Tests.Digest;

/// <summary>
/// The overdue digest is composed from the report figures the daemon keeps (the watched tasks, and the state of a task whose
/// figures do not answer for now), and equals the digest composed from every task's full state by the timeliness rules.
/// </summary>
public class DigestFromFiguresTests
{
    private static readonly JsonSerializerOptions Json = ApiJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
    private static readonly TimelinessRules Rules = TimelinessRules.Default;
    private static readonly Actor Office = new("office", "联席会议办公室", "office", null);

    [Fact]
    public async Task Over_seeded_lives_in_two_plans_the_digest_equals_the_rules_over_the_full_states_at_each_later_day()
    {
        await using var api = ApiFactory.OnDatabase(await TestPostgres.CreateDatabaseAsync("digestfigures"), ApiFactory.Start);
        await api.InitializeAsync();
        var calendar = await api.Services.GetRequiredService<TimelinessPolicy>().CalendarAsync();
        var plans = new[] { "plan-digest-a", "plan-digest-b" };
        var lives = plans.SelectMany((planId, p) => Enumerable.Range(0, 20).Select(i =>
            (PlanId: planId, Number: i + 1, Life: TaskLives.Live(new Random(2000 + 100 * p + i), planId, i + 1, ApiFactory.Start, calendar, Rules))))
            .ToArray();
        var store = api.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            foreach (var planId in plans)
                session.Events.StartStream(planId, new PlanRegistered(planId, "随机任务计划", "信阳市", null, null, null,
                    [.. Enumerable.Range(1, 20)], Actor.System, ApiFactory.Start));
            await session.SaveChangesAsync();
        }
        // In two rounds, the daemon caught up in between, so the second round folds into the figures' compacted states.
        for (var round = 0; round < 2; round++)
        {
            await using var session = store.LightweightSession();
            foreach (var (planId, number, (events, _)) in lives)
            {
                var part = round == 0 ? events.Take(events.Count / 2) : events.Skip(events.Count / 2);
                if (part.Any()) session.Events.Append(SupervisedTask.StreamKey(planId, number), [.. part]);
            }
            await session.SaveChangesAsync();
            await api.ProjectionsCaughtUpAsync();
        }
        // Half the tasks have their next check scheduled, as commands leave them: the digest's sweep records their lapses
        // and the daemon re-judges them. The others' checks never come: their figures go stale and they are judged afresh.
        await using (var session = store.LightweightSession())
        {
            foreach (var (planId, number, (events, end)) in lives.Where(l => l.Number % 2 == 0))
                if (LapseCheck.NextCheckAt(TaskLives.Fold(events), Rules, calendar, end) is { } next)
                    session.Store(new TaskCheckSchedule(SupervisedTask.StreamKey(planId, number), planId, next));
            await session.SaveChangesAsync();
        }

        var (fromWatch, fromState, items) = (0, 0, 0);
        var last = lives.Max(l => l.Life.End);
        try
        {
            foreach (var now in new[] { last, last.AddDays(3), last.AddDays(17), last.AddDays(45), last.AddDays(200) })
            {
                api.Clock.Set(now);
                using var office = api.As(Roles.Office);
                var answer = await office.PostAsync("/api/digests/overdue/runs", null);
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                var actual = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;

                // The full states, folded from every event now in the store (the sweep's lapses included).
                var full = new List<SupervisedTask>();
                foreach (var (planId, number, _) in lives) full.Add(TaskLives.Fold(await api.EventsAsync(planId, number)));
                var expected = OverdueDigest.Compose(ChinaTime.DateOf(now), now, "manual", full.Select(t => (t, Rules)), calendar);
                Assert.True(JsonNode.DeepEquals(JsonSerializer.SerializeToNode(expected, Json), actual),
                    $"expected {JsonSerializer.Serialize(expected, Json)}\nactual {actual.ToJsonString()}");

                // Both ways were taken: tasks listed from their watch, and tasks whose figures were stale, judged from their state.
                await using var query = store.QuerySession();
                var stale = (await query.Query<TaskFigures>().Where(t => t.ValidUntil <= now || t.JudgedAt > now).ToListAsync())
                    .Select(t => (t.PlanId, t.Number)).ToHashSet();
                var listed = expected.Units.SelectMany(u => u.Items).Select(i => (i.PlanId, i.Number)).Distinct().ToArray();
                fromWatch += listed.Count(t => !stale.Contains(t));
                fromState += listed.Count(stale.Contains);
                items += expected.Units.Sum(u => u.Items.Count);
            }
        }
        finally
        {
            api.Clock.Set(ApiFactory.Start);
        }
        Assert.True(fromWatch > 10 && fromState > 10 && items > 100, $"from the watch {fromWatch}, from the state {fromState}, items {items}");
    }

    [Fact]
    public async Task A_task_whose_checks_never_came_is_judged_from_its_state_past_what_its_watch_looked_ahead_to()
    {
        await using var api = ApiFactory.OnDatabase(await TestPostgres.CreateDatabaseAsync("digeststale"), ApiFactory.Start);
        await api.InitializeAsync();
        var calendar = await api.Services.GetRequiredService<TimelinessPolicy>().CalendarAsync();
        const string planId = "plan-digest-stale";
        const string unit = "市民政局";
        var liaison = new Actor($"liaison:{unit}", "联络员", "liaison", unit);
        var events = new List<object>();
        var task = Apply(null, new AssignTask(planId, 1, "推进医养结合服务", [unit], [], ResponsibilityMode.LeadAndCooperate, null, null)
            .Decide(Office, ApiFactory.Start), events);
        task = Apply(task, new AcknowledgeTask(unit).Decide(task, liaison, ApiFactory.Start.AddHours(2)), events);
        task = Apply(task, new ReportProgress(Guid.NewGuid(), unit, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), ProgressStatus.OnTrack,
            30, "进展", [], null).Decide(task, liaison, ApiFactory.Start.AddDays(20)), events);
        var store = api.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream(planId, new PlanRegistered(planId, "计划", "信阳市", null, null, null, [1], Actor.System, ApiFactory.Start));
            session.Events.Append(SupervisedTask.StreamKey(planId, 1), [.. events]);
            await session.SaveChangesAsync();
        }
        await api.ProjectionsCaughtUpAsync();

        // Nothing recorded the monthly reports it has missed since, for 100 days more than its watch looks ahead.
        var now = ApiFactory.Start.AddDays(20) + FigureTimeline.Horizon + TimeSpan.FromDays(100);
        WatchedTask watched;
        await using (var query = store.QuerySession())
        {
            Assert.True((await query.LoadAsync<TaskFigures>(SupervisedTask.StreamKey(planId, 1)))!.ValidUntil <= now);
            watched = (await query.LoadAsync<WatchedTask>(SupervisedTask.StreamKey(planId, 1)))!;
        }
        api.Clock.Set(now);
        using var office = api.As(Roles.Office);
        var answer = await office.PostAsync("/api/digests/overdue/runs", null);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var actual = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;

        var expected = OverdueDigest.Compose(ChinaTime.DateOf(now), now, "manual", [(task, Rules)], calendar);
        Assert.True(JsonNode.DeepEquals(JsonSerializer.SerializeToNode(expected, Json), actual), $"actual {actual.ToJsonString()}");
        // … among them reports its watch never listed: they fell due past what it looked ahead to.
        var items = expected.Units.Single().Items;
        Assert.Contains(items, i => i.Obligation == ObligationKind.Report && !watched.Watch.Unmet.Any(o => o.DueOn == i.DueOn));
        Assert.All(items, i => Assert.Equal(30, i.LastReport!.PercentDone));
    }

    private static SupervisedTask Apply(SupervisedTask? task, Decision decision, List<object> events)
    {
        Assert.True(decision.Events.Count > 0, "the command was refused");
        foreach (var e in decision.Events)
        {
            events.Add(e);
            task = SupervisedTask.Evolve(task, e);
        }
        return task!;
    }
}
