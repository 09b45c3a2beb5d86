using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Reports.Projections;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Api.Timeliness;
using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Reports;

/// <summary>
/// The reports' projection equals a from-scratch fold of the same events: over seeded random lives of tasks, the summaries
/// the daemon keeps are judged exactly as the full task states, by the domain's timeliness rules.
/// </summary>
public class ProjectionFoldTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly JsonSerializerOptions Json = ApiJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
    private static readonly TimelinessRules Rules = TimelinessRules.Default;

    [Fact]
    public void A_summary_folded_event_by_event_judges_every_life_as_the_full_task_does_now_and_later()
    {
        var calendar = WorkingDayCalendar.ChinaMainland;
        var lives = Enumerable.Range(0, 300).Select(seed => TaskLives.Live(new Random(seed), "plan-fold", seed + 1, ApiFactory.Start, calendar, Rules))
            .ToArray();
        var full = lives.Select(l => TaskLives.Fold(l.Events)).ToArray();
        // As the projection does: fold each event into the summary, compacting as it goes.
        var summaries = lives.Select(l => l.Events.Aggregate((SupervisedTask?)null,
            (s, e) => SupervisedTask.Evolve(s, e) is { } t ? TaskFigures.Compact(t) : s)!).ToArray();

        // The lives are worth the name: repeated reports and corrections were folded into the report in force (the task
        // keeps bounded state), lapses and closures happened.
        Assert.True(full.Sum(t => t.Reports.Count) < lives.Sum(l => l.Events.OfType<ProgressReported>().Count()));
        Assert.Contains(full, t => t.IsCompleted);
        Assert.Contains(full, t => t.Lapses.Count > 0);
        Assert.Contains(full, t => t.Admonished.Count > 0);

        foreach (var (life, i) in lives.Select((l, i) => (l, i)))
        {
            Assert.Equal(JsonSerializer.Serialize(TaskFigures.Compact(full[i]), Json), JsonSerializer.Serialize(summaries[i], Json));
            foreach (var now in Instants(life.End))
            {
                Assert.Equal(Obligations.Of(full[i], Rules, calendar, now), Obligations.Of(summaries[i], Rules, calendar, now));
                var (expected, actual) = (TrafficLight.Of(full[i], Rules, calendar, now), TrafficLight.Of(summaries[i], Rules, calendar, now));
                Assert.Equal((expected.Light, string.Join("|", expected.Reasons)), (actual.Light, string.Join("|", actual.Reasons)));
            }
        }
        foreach (var now in Instants(lives.Max(l => l.End)))
            Assert.Equal(JsonSerializer.Serialize(UnitTimelinessReport.Of(full, Rules, calendar, now), Json),
                JsonSerializer.Serialize(UnitTimelinessReport.Of(summaries, Rules, calendar, now), Json));
    }

    [Fact]
    public async Task The_timeliness_report_and_overview_read_from_the_daemons_projection_equal_the_pure_rules_over_the_same_events()
    {
        var calendar = await api.Services.GetRequiredService<TimelinessPolicy>().CalendarAsync();
        var planId = $"plan-{Guid.NewGuid():N}"[..20];
        var lives = Enumerable.Range(0, 40).Select(seed => TaskLives.Live(new Random(1000 + seed), planId, seed + 1, ApiFactory.Start, calendar, Rules))
            .ToArray();
        var store = api.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream(planId, new PlanRegistered(planId, "随机任务计划", "信阳市", null, null, null,
                [.. Enumerable.Range(1, lives.Length)], Actor.System, ApiFactory.Start));
            await session.SaveChangesAsync();
        }
        // In rounds, each a part of every life, the daemon caught up in between: each task's counts are taken out of its
        // units' rows and put back again several times, and must be counted once.
        const int rounds = 3;
        for (var round = 0; round < rounds; round++)
        {
            await using var session = store.LightweightSession();
            foreach (var (life, i) in lives.Select((l, i) => (l, i)))
            {
                var part = life.Events.Skip(round * life.Events.Count / rounds).Take((round + 1) * life.Events.Count / rounds - round * life.Events.Count / rounds);
                if (part.Any()) session.Events.Append(SupervisedTask.StreamKey(planId, i + 1), [.. part]);
            }
            await session.SaveChangesAsync();
            await api.ProjectionsCaughtUpAsync();
        }
        var written = await api.Services.GetRequiredService<ReportProjections>().LatestEventAsync(default);
        await api.ProjectionsCaughtUpAsync();

        var full = lives.Select(l => TaskLives.Fold(l.Events)).ToArray();
        try
        {
            foreach (var now in Instants(lives.Max(l => l.End)))
            {
                api.Clock.Set(now);
                using var office = api.As(Roles.Office); // a token minted by the moved clock
                var answer = await office.GetAsync($"/api/reports/timeliness?plan={planId}");
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                Assert.True(long.Parse(answer.Headers.GetValues(ReportProjections.SequenceHeader).Single()) >= written);
                var expected = JsonSerializer.SerializeToNode(UnitTimelinessReport.Of(full, Rules, calendar, now), Json);
                var actual = JsonNode.Parse(await answer.Content.ReadAsStringAsync());
                Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected}\nactual {actual}");

                var overview = await (await office.GetAsync($"/api/reports/plans/{planId}/overview")).JsonAsync();
                var lights = full.GroupBy(t => TrafficLight.Of(t, Rules, calendar, now).Light).ToDictionary(g => g.Key, g => g.Count());
                Assert.True(JsonNode.DeepEquals(JsonSerializer.SerializeToNode(lights, Json), JsonNode.Parse(overview.GetProperty("lights").GetRawText())));
                var statuses = full.GroupBy(t => t.Status).ToDictionary(g => g.Key, g => g.Count());
                Assert.True(JsonNode.DeepEquals(JsonSerializer.SerializeToNode(statuses, Json), JsonNode.Parse(overview.GetProperty("tasksByStatus").GetRawText())));
                var today = ChinaTime.DateOf(now);
                var overdue = full.Where(t => !t.IsCompleted).OrderBy(t => t.Number)
                    .SelectMany(t => Obligations.Of(t, Rules, calendar, now).Where(o => !o.IsMet && o.DueAt <= now)
                        .Select(o => new Api.Reports.OverdueTask(t.Number, t.Text, t.LeadUnits, o.Kind, o.Unit, o.DueOn,
                            Math.Max(0, calendar.WorkingDaysBetween(o.DueOn, today)))))
                    .OrderBy(o => o.DueOn).ThenBy(o => o.Number);
                Assert.True(JsonNode.DeepEquals(JsonSerializer.SerializeToNode(overdue, Json), await WholeOverdueListAsync(office, planId)));
                Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(overview.GetProperty("unitRanking").GetRawText())));
            }
        }
        finally
        {
            api.Clock.Set(ApiFactory.Start);
        }
    }

    /// <summary>The overview's overdue list read page by page (7 entries a page), each page saying the same total.</summary>
    internal static async Task<JsonArray> WholeOverdueListAsync(HttpClient office, string planId)
    {
        var all = new JsonArray();
        for (var page = 1; ; page++)
        {
            var answer = await (await office.GetAsync($"/api/reports/plans/{planId}/overview?overduePage={page}&overduePageSize=7")).JsonAsync();
            var entries = JsonNode.Parse(answer.GetProperty("overdue").GetRawText())!.AsArray();
            var total = answer.GetProperty("overdueTotal").GetInt32();
            Assert.Equal(Math.Clamp(total - (page - 1) * 7, 0, 7), entries.Count);
            foreach (var entry in entries) all.Add(entry!.DeepClone());
            if (all.Count >= total) return all;
        }
    }

    /// <summary>The end of a life, and days, weeks and months after it: what the clock alone changes is judged at read time.</summary>
    private static IEnumerable<DateTimeOffset> Instants(DateTimeOffset end) =>
        [end, end.AddDays(3), end.AddDays(17), end.AddDays(45), end.AddDays(200)];
}
