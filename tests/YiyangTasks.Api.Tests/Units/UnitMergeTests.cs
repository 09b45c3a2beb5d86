using System.Net;
using System.Net.Http.Json;
using System.Text;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Tests.Units;

/// <summary>The unit directory learns: an unknown name gets suggestions, an admin merges it, the tasks follow, later imports know it.</summary>
public class UnitMergeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Written = "市人力资源社会保障部门";
    private const string Labour = "市人社局";

    private const string Plan = """
        信阳市医养结合工作方案
        1、建立工作机制。（市卫健委牵头，市人力资源社会保障部门配合）
        2、加强医养结合人才培训。（市人力资源社会保障部门牵头，市卫健委配合）
        3、开展老年人能力评估。（市民政局、市人社局负责）
        """;

    [Fact]
    public async Task An_unknown_unit_gets_suggestions_an_admin_merges_it_and_the_plans_tasks_follow_by_events()
    {
        using var office = api.As(Roles.Office);
        var dryRun = await (await Import(office, "merge-a", Plan, dryRun: true)).JsonAsync();
        var unknown = Assert.Single(dryRun.GetProperty("unknownUnits").EnumerateArray());
        Assert.Equal(Written, unknown.GetProperty("name").GetString());
        Assert.Equal([1, 2], unknown.GetProperty("tasks").EnumerateArray().Select(t => t.GetInt32()));
        Assert.Equal(Labour, unknown.GetProperty("suggestions")[0].GetString());
        Assert.Contains(dryRun.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "unknown-unit"
            && w.GetProperty("message").GetString() == $"第2项任务：未知单位“{Written}”，是否为：{string.Join("、", unknown.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()))}？");
        Assert.Equal([Written], dryRun.GetProperty("tasks")[1].GetProperty("writtenLeadUnits").EnumerateArray().Select(u => u.GetString()));

        Assert.Equal(HttpStatusCode.Created, (await Import(office, "merge-a", Plan)).StatusCode);
        using var admin = api.As(Roles.Admin);
        var merge = await admin.PostAsJsonAsync($"/api/units/{Uri.EscapeDataString(Labour)}/merges", new { name = Written });
        var merged = await merge.JsonAsync();
        Assert.True(merge.StatusCode == HttpStatusCode.OK, merged.ToString());
        Assert.Contains(Written, merged.GetProperty("unit").GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["1:cooperatingUnits", "2:leadUnits"], merged.GetProperty("tasks").EnumerateArray()
            .Select(t => $"{t.GetProperty("number").GetInt32()}:{string.Join(",", t.GetProperty("changes").EnumerateArray().Select(c => c.GetString()))}"));

        Assert.Equal([Labour], await Units(office, "merge-a", 1, "cooperatingUnits"));
        Assert.Equal([Labour], await Units(office, "merge-a", 2, "leadUnits"));
        var revision = Assert.IsType<TaskRevised>((await api.EventsAsync("merge-a", 2)).Last());
        Assert.Equal(["leadUnits"], revision.Changes);
        Assert.Equal(1, await api.VersionAsync("merge-a", 3)); // the task without the name is untouched
        var unitPage = await (await office.GetAsync($"/api/units/{Uri.EscapeDataString(Written)}")).JsonAsync();
        Assert.Equal(Labour, unitPage.GetProperty("unit").GetProperty("id").GetString());
        Assert.Contains(unitPage.GetProperty("leads").EnumerateArray(), t => t.GetProperty("planId").GetString() == "merge-a" && t.GetProperty("number").GetInt32() == 2);
        var directory = await (await office.GetAsync("/api/units")).JsonAsync();
        Assert.DoesNotContain(directory.EnumerateArray(), u => u.GetProperty("id").GetString() == Written);

        // A later plan writing the name resolves it with no warning.
        var later = await (await Import(office, "merge-b", "1、推进医养人才队伍建设。（市人力资源社会保障部门负责）")).JsonAsync();
        Assert.DoesNotContain(later.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "unknown-unit");
        Assert.Equal([Labour], later.GetProperty("tasks")[0].GetProperty("leadUnits").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal([Written], later.GetProperty("tasks")[0].GetProperty("writtenLeadUnits").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public async Task A_merge_is_for_admins_of_a_known_unit_with_a_name_that_is_not_already_anothers()
    {
        // Its own written name: the fixture's database is shared with the test above.
        const string Written = "市人力社保部门";
        using var office = api.As(Roles.Office);
        Assert.Equal(HttpStatusCode.Created, (await Import(office, "merge-bad", Plan.Replace(UnitMergeTests.Written, Written))).StatusCode);
        using var admin = api.As(Roles.Admin);
        string Url(string unit) => $"/api/units/{Uri.EscapeDataString(unit)}/merges";

        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsJsonAsync(Url(Labour), new { name = Written })).StatusCode);
        await AssertProblem(await admin.PostAsJsonAsync(Url("市不存在局"), new { name = Written }), 404, "not-found");
        await AssertProblem(await admin.PostAsJsonAsync(Url(Labour), new { name = " " }), 400, "validation");
        await AssertProblem(await admin.PostAsync(Url(Labour), new StringContent("{", Encoding.UTF8, "application/json")), 400, null);
        await AssertProblem(await admin.PostAsJsonAsync(Url(Labour), new { name = Labour }), 409, "already-merged");

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync(Url(Labour), new { name = Written })).StatusCode);
        await AssertProblem(await admin.PostAsJsonAsync(Url(Labour), new { name = Written }), 409, "already-merged");
        await AssertProblem(await admin.PostAsJsonAsync(Url("市民政局"), new { name = Written }), 409, "alias-taken");
        Assert.Equal([Labour], await Units(office, "merge-bad", 2, "leadUnits"));
    }

    [Fact]
    public async Task An_edit_with_a_null_liaison_or_of_an_unknown_unit_is_a_problem_and_changes_nothing()
    {
        using var admin = api.As(Roles.Admin);
        var unit = $"/api/units/{Uri.EscapeDataString(PlanFixtures.HealthCommission)}";
        var before = await (await admin.GetAsync(unit)).Content.ReadAsStringAsync();
        // A null in the list was a 500.
        var nullLiaison = await admin.PutAsync(unit, new StringContent("""{"aliases":["卫健委"],"liaisons":[null]}""", Encoding.UTF8, "application/json"));
        await nullLiaison.AssertNamesFieldAsync(HttpStatusCode.BadRequest, "liaisons[0]");
        Assert.Equal(before, await (await admin.GetAsync(unit)).Content.ReadAsStringAsync());
        await AssertProblem(await admin.PutAsJsonAsync($"/api/units/{Uri.EscapeDataString("市不存在局")}", new { aliases = new[] { "x" } }), 404, "not-found");
    }

    private static async Task AssertProblem(HttpResponseMessage answer, int status, string? type)
    {
        Assert.Equal(status, (int)answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        if (type is not null) Assert.Equal($"/problems/{type}", (await answer.JsonAsync()).GetProperty("type").GetString());
    }

    private static Task<HttpResponseMessage> Import(HttpClient office, string planId, string text, bool dryRun = false) =>
        office.PostAsync($"/api/plans/import?planId={planId}&jurisdiction=信阳市&dryRun={(dryRun ? "true" : "false")}",
            new StringContent(text, Encoding.UTF8, "text/plain"));

    private static async Task<string[]> Units(HttpClient client, string planId, int number, string list) =>
        (await (await client.GetAsync(TaskStreams.TaskUrl(planId, number))).JsonAsync()).GetProperty("task").GetProperty(list)
            .EnumerateArray().Select(u => u.GetString()!).ToArray();
}
