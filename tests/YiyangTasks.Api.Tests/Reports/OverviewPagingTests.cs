using System.Net;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using YiyangTasks.Api.Digest;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Api.Timeliness;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Tests.Reports;

/// <summary>
/// The plan overview's overdue list comes a page at a time, most overdue first, with the whole list's length; the changes since
/// the last digest still compare the whole list with the digest's tasks of this plan.
/// </summary>
public class OverviewPagingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_overdue_list_comes_fifty_at_a_time_by_default_and_pages_add_up_to_the_whole_list()
    {
        var (planId, end) = await PlanOfLivesAsync();
        try
        {
            api.Clock.Set(end.AddDays(45));
            using var office = api.As(Roles.Office);
            var whole = await ProjectionFoldTests.WholeOverdueListAsync(office, planId);
            Assert.True(whole.Count > 50, $"{whole.Count} overdue entries: too few to page");
            // Earliest due first (so most working days overdue first), then by number.
            var order = whole.Select(o => (DueOn: o!["dueOn"]!.GetValue<string>(), Days: o["workingDaysOverdue"]!.GetValue<int>(),
                Number: o["number"]!.GetValue<int>())).ToArray();
            Assert.Equal(order.OrderBy(o => o.DueOn, StringComparer.Ordinal).ThenBy(o => o.Number), order);
            Assert.Equal(order.Select(o => o.Days).OrderDescending(), order.Select(o => o.Days));

            var first = await (await office.GetAsync($"/api/reports/plans/{planId}/overview")).JsonAsync();
            Assert.Equal((whole.Count, 1, 50), (first.GetProperty("overdueTotal").GetInt32(), first.GetProperty("overduePage").GetInt32(),
                first.GetProperty("overduePageSize").GetInt32()));
            Assert.True(JsonNode.DeepEquals(new JsonArray([.. whole.Take(50).Select(o => o!.DeepClone())]),
                JsonNode.Parse(first.GetProperty("overdue").GetRawText())));

            foreach (var beyond in new[] { 1_000, int.MaxValue })
            {
                var past = await (await office.GetAsync($"/api/reports/plans/{planId}/overview?overduePage={beyond}&overduePageSize=500")).JsonAsync();
                Assert.Empty(past.GetProperty("overdue").EnumerateArray());
                Assert.Equal(whole.Count, past.GetProperty("overdueTotal").GetInt32());
            }
        }
        finally
        {
            api.Clock.Set(ApiFactory.Start);
        }
    }

    [Theory]
    [InlineData("overduePage=0", "overduePage")]
    [InlineData("overduePage=-3", "overduePage")]
    [InlineData("overduePageSize=0", "overduePageSize")]
    [InlineData("overduePageSize=501", "overduePageSize")]
    public async Task A_page_out_of_range_is_a_400_problem_naming_the_parameter(string query, string field)
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var office = api.As(Roles.Office);
        var answer = await office.GetAsync($"/api/reports/plans/{planId}/overview?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = await answer.JsonAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_page_that_is_not_a_number_is_a_400_problem()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var office = api.As(Roles.Office);
        var answer = await office.GetAsync($"/api/reports/plans/{planId}/overview?overduePageSize=many");
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
    }

    /// <param name="keptApart">
    /// The digests stored as the digest run stores them, their numbers per plan in a document of their own
    /// (DigestOverdueNumbers), which alone name the tasks (the digest's own JSON names none, so an answer must come from
    /// them); or as stored before the numbers were kept apart, read from the digest's JSON.
    /// </param>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Since_the_last_digest_compares_the_whole_overdue_list_with_the_latest_digests_tasks_of_this_plan(bool keptApart)
    {
        var (planId, end) = await PlanOfLivesAsync();
        try
        {
            var now = end.AddDays(45);
            api.Clock.Set(now);
            using var office = api.As(Roles.Office);
            var overdueNow = (await ProjectionFoldTests.WholeOverdueListAsync(office, planId)).Select(o => o!["number"]!.GetValue<int>())
                .Distinct().Order().ToArray();
            Assert.True(overdueNow.Length > 2);
            var today = ChinaTime.DateOf(now);
            // The latest digest names the first overdue task of this plan, a task of this plan no longer overdue, and the second
            // overdue task's number on another plan; an older digest names every overdue task (it must not be the one read).
            DigestItem Item(string plan, int number) => new(plan, number, "任务", ObligationKind.Report, today.AddDays(-10), 5, null);
            await using (var session = api.Services.GetRequiredService<IDocumentStore>().LightweightSession())
            {
                void Store(OverdueDigest digest)
                {
                    if (!keptApart)
                    {
                        // Compressed, with each plan's numbers in the digest's JSON.
                        session.Store(StoredDigest.Of(digest));
                        return;
                    }
                    var numbers = StoredDigest.Documents(digest, default).Numbers;
                    session.Store(StoredDigest.Of(digest with { Units = [] }));
                    session.Store(numbers.ToArray());
                }
                Store(new OverdueDigest
                {
                    Id = OverdueDigest.IdFor(today), Date = today, GeneratedAt = now, Trigger = "test", TaskCount = 3,
                    Units = [new DigestUnit("市民政局", [Item(planId, overdueNow[0]), Item(planId, 9_999)]), new DigestUnit("市财政局", [Item("other-plan", overdueNow[1])])],
                });
                Store(new OverdueDigest
                {
                    Id = OverdueDigest.IdFor(today.AddDays(-1)), Date = today.AddDays(-1), GeneratedAt = now.AddDays(-1), Trigger = "test",
                    Units = [new DigestUnit("市民政局", [.. overdueNow.Select(n => Item(planId, n))])],
                });
                await session.SaveChangesAsync();
            }

            var since = (await (await office.GetAsync($"/api/reports/plans/{planId}/overview?overduePageSize=1")).JsonAsync()).GetProperty("sinceLastDigest");
            Assert.Equal(today.ToString("yyyy-MM-dd"), since.GetProperty("digestDate").GetString());
            Assert.Equal(overdueNow.Skip(1), since.GetProperty("newlyOverdue").EnumerateArray().Select(n => n.GetInt32()));
            Assert.Equal([9_999], since.GetProperty("noLongerOverdue").EnumerateArray().Select(n => n.GetInt32()));
        }
        finally
        {
            api.Clock.Set(ApiFactory.Start);
        }
    }

    /// <summary>A plan of 40 seeded lives (TaskLives), projected by the daemon; the plan's id and the end of its last life.</summary>
    private async Task<(string PlanId, DateTimeOffset End)> PlanOfLivesAsync()
    {
        var calendar = await api.Services.GetRequiredService<TimelinessPolicy>().CalendarAsync();
        var planId = $"plan-{Guid.NewGuid():N}"[..20];
        var lives = Enumerable.Range(0, 40)
            .Select(seed => TaskLives.Live(new Random(2000 + seed), planId, seed + 1, ApiFactory.Start, calendar, TimelinessRules.Default)).ToArray();
        await using (var session = api.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Events.StartStream(planId, new PlanRegistered(planId, "分页计划", "信阳市", null, null, null,
                [.. Enumerable.Range(1, lives.Length)], Actor.System, ApiFactory.Start));
            foreach (var (life, i) in lives.Select((l, i) => (l, i))) session.Events.Append(SupervisedTask.StreamKey(planId, i + 1), [.. life.Events]);
            await session.SaveChangesAsync();
        }
        await api.ProjectionsCaughtUpAsync();
        return (planId, lives.Max(l => l.End));
    }
}
