using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Tasks;

/// <summary>Deadlines as the plan writes them, read at import, shown as written, and corrected by the office.</summary>
public class DeadlineTermsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Plan = """
        某市医养结合重点任务分工
        1、将医养结合人才纳入培养计划，每年培训医养结合服务人员不少于300人次。（市卫健委负责）
        2、将医养结合机构纳入监管范围，长期坚持开展服务质量检查。（市民政局负责）
        3、推进社区医养结合能力提升，2026年底前建成转型示范机构5家。（市卫健委负责）
        4、2026年1月1日至9月30日开展医养结合服务质量提升专项行动。（市医保局负责）
        """;

    private async Task<string> ImportAsync(HttpClient office)
    {
        var planId = $"terms-{Guid.NewGuid():N}"[..20];
        var answer = await office.PostAsync($"/api/plans/import?planId={planId}&jurisdiction={Uri.EscapeDataString("信阳市")}",
            new StringContent(Plan, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        return planId;
    }

    private static async Task<JsonElement> DeadlineOf(HttpClient client, string planId, int number) =>
        (await (await client.GetAsync(TaskUrl(planId, number))).JsonAsync()).GetProperty("deadline");

    private static string[] DueDates(JsonElement deadline) =>
        deadline.GetProperty("dueDates").EnumerateArray().Select(d => d.GetString()!).ToArray();

    [Fact]
    public async Task Each_task_shows_its_deadline_as_written_with_its_kind_and_due_dates()
    {
        api.Clock.Set(ApiFactory.Start);
        using var office = api.As(Roles.Office, name: "王主任");
        var planId = await ImportAsync(office);

        var yearly = await DeadlineOf(office, planId, 1);
        var standing = await DeadlineOf(office, planId, 2);
        var dated = await DeadlineOf(office, planId, 3);
        var range = await DeadlineOf(office, planId, 4);

        Assert.Equal(("recurring", "yearly"), (yearly.GetProperty("kind").GetString(), yearly.GetProperty("every").GetString()));
        Assert.Equal(["2026-12-31", "2027-12-31"], DueDates(yearly));
        Assert.Equal(("standing", "长期坚持"), (standing.GetProperty("kind").GetString(), standing.GetProperty("words").GetString()));
        Assert.Equal(["2026-12-31", "2027-12-31"], DueDates(standing)); // yearly reviews, no completion date
        Assert.Equal(("date", "2026年底前"), (dated.GetProperty("kind").GetString(), dated.GetProperty("words").GetString()));
        Assert.Equal(["2026-12-31"], DueDates(dated));
        Assert.Equal(("range", "2026-01-01", "2026-09-30"),
            (range.GetProperty("kind").GetString(), range.GetProperty("from").GetString(), range.GetProperty("until").GetString()));
        var task4 = (await (await office.GetAsync(TaskUrl(planId, 4))).JsonAsync()).GetProperty("task");
        Assert.Equal("2026-09-30", task4.GetProperty("deadline").GetString());
        var task2 = (await (await office.GetAsync(TaskUrl(planId, 2))).JsonAsync()).GetProperty("task");
        Assert.True(!task2.TryGetProperty("deadline", out var none) || none.ValueKind == JsonValueKind.Null, "a standing task has no completion deadline");
    }

    [Fact]
    public async Task The_office_corrects_a_standing_task_to_quarterly_and_the_obligations_follow()
    {
        using var office = api.As(Roles.Office, name: "王主任");
        using var civil = api.As(Roles.Liaison, "市民政局", "张民");
        api.Clock.Set(ApiFactory.Start);
        var planId = await ImportAsync(office);
        Assert.Equal(HttpStatusCode.OK, (await civil.PostAsync(TaskUrl(planId, 2, "/acknowledgements"), null)).StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Post, TaskUrl(planId, 2, "/deadline"))
        {
            Content = JsonContent.Create(new { kind = "recurring", words = "每季度末报送", every = "quarterly", reason = "原文为每季度报送，导入误读。" }),
            Headers = { { "If-Match", "\"1\"" } },
        };
        Assert.Equal(HttpStatusCode.Conflict, (await office.SendAsync(stale)).StatusCode);
        var byLiaison = await civil.PostAsJsonAsync(TaskUrl(planId, 2, "/deadline"), new { kind = "standing", words = "长期", reason = "想改" });
        Assert.Equal(HttpStatusCode.Forbidden, byLiaison.StatusCode);
        var unbounded = await office.PostAsJsonAsync(TaskUrl(planId, 2, "/deadline"), new { kind = "range", words = "2026年", reason = "核对" });
        Assert.Equal(HttpStatusCode.BadRequest, unbounded.StatusCode);
        Assert.Equal("application/problem+json", unbounded.Content.Headers.ContentType?.MediaType);
        var noReason = await office.PostAsJsonAsync(TaskUrl(planId, 2, "/deadline"), new { kind = "standing", words = "长期" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        var correct = new HttpRequestMessage(HttpMethod.Post, TaskUrl(planId, 2, "/deadline"))
        {
            Content = JsonContent.Create(new { kind = "recurring", words = "每季度末报送", every = "quarterly", reason = "原文为每季度报送，导入误读。" }),
            Headers = { { "If-Match", "\"2\"" } },
        };
        var corrected = await office.SendAsync(correct);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(["DeadlineCorrected"], (await corrected.JsonAsync()).GetProperty("events").EnumerateArray().Select(e => e.GetString()));

        var deadline = await DeadlineOf(office, planId, 2);
        Assert.Equal(("recurring", "quarterly", "每季度末报送"),
            (deadline.GetProperty("kind").GetString(), deadline.GetProperty("every").GetString(), deadline.GetProperty("words").GetString()));
        Assert.Equal("2026-03-31", DueDates(deadline)[0]);
        var history = (await (await office.GetAsync(TaskUrl(planId, 2, "/history"))).JsonAsync()).EnumerateArray().Last();
        Assert.Equal(("DeadlineCorrected", "王主任"), (history.GetProperty("type").GetString(),
            history.GetProperty("actor").GetProperty("displayName").GetString()));
        var data = history.GetProperty("data");
        Assert.Equal(("standing", "recurring", "原文为每季度报送，导入误读。"), (data.GetProperty("oldTerms").GetProperty("kind").GetString(),
            data.GetProperty("newTerms").GetProperty("kind").GetString(), data.GetProperty("reason").GetString()));
        Assert.Equal("王主任", data.GetProperty("correctedBy").GetProperty("displayName").GetString());

        // The first quarter ends 3月31日 unreported: on 4月1日 the task is red for the quarter, not for a completion it does not owe.
        api.Clock.Set(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        using var laterOffice = api.As(Roles.Office); // a token of that day
        var light = (await (await laterOffice.GetAsync(TaskUrl(planId, 2))).JsonAsync()).GetProperty("light");
        Assert.Equal("red", light.GetProperty("light").GetString());
        Assert.Contains(light.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("本期任务逾期"));
    }

    [Fact]
    public async Task A_reissued_plan_that_leaves_a_deadline_as_written_keeps_the_offices_correction_over_http()
    {
        api.Clock.Set(ApiFactory.Start);
        using var office = api.As(Roles.Office, name: "王主任");
        var planId = await ImportAsync(office);
        var corrected = await office.PostAsJsonAsync(TaskUrl(planId, 3, "/deadline"),
            new { kind = "date", words = "2027年6月底前", until = "2027-06-30", reason = "经核对，市政府已同意延至2027年6月底。" });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);

        // The plan re-issued: task 1 reworded, task 3's deadline written as before.
        var reissued = Plan.Replace("不少于300人次", "不少于500人次");
        var answer = await office.PostAsync($"/api/plans/import?planId={planId}&jurisdiction={Uri.EscapeDataString("信阳市")}",
            new StringContent(reissued, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        var task3 = (await (await office.GetAsync(TaskUrl(planId, 3))).JsonAsync()).GetProperty("task");
        Assert.Equal("2027-06-30", task3.GetProperty("deadline").GetString());
        Assert.Equal("2027年6月底前", (await DeadlineOf(office, planId, 3)).GetProperty("words").GetString());
    }
}
