using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Tests.Plans;

/// <summary>Importing published plans: what was understood, dry runs that store nothing, re-imports and revisions.</summary>
public class ImportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string, string, int> SeedPlans => new()
    {
        { "000_", "yanling-t", "鄢陵县", 13 },
        { "001_", "xunyang-t", "浔阳区", 15 },
        { "003_", "xinyang-t", "信阳市", 38 },
        { "004_", "maoming-t", "茂名市", 20 },
    };

    [Theory]
    [MemberData(nameof(SeedPlans))]
    public async Task Each_seed_imports_with_its_exact_task_count_and_canonical_units(string seed, string planId, string jurisdiction, int count)
    {
        using var office = api.As(Roles.Office);
        var answer = await office.PostAsync($"/api/plans/import?planId={planId}&jurisdiction={Uri.EscapeDataString(jurisdiction)}",
            new ByteArrayContent(SeedFiles.Bytes(seed)) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } });

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var result = await answer.JsonAsync();
        Assert.Equal("imported", result.GetProperty("outcome").GetString());
        Assert.Equal(count, result.GetProperty("tasks").GetArrayLength());
        var plan = await (await office.GetAsync($"/api/plans/{planId}")).JsonAsync();
        Assert.Equal(count, plan.GetProperty("taskCount").GetInt32());
        Assert.Equal(count, plan.GetProperty("tasksByStatus").GetProperty("assigned").GetInt32());
        var page = await (await office.GetAsync($"/api/plans/{planId}/tasks?pageSize=500")).JsonAsync();
        Assert.Equal(count, page.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Units_are_resolved_to_the_jurisdictions_canonical_names_and_the_annex_gives_liaisons()
    {
        using var office = api.As(Roles.Office);
        await Import(office, "000_", "yanling-u", "鄢陵县");
        var task = await (await office.GetAsync("/api/plans/yanling-u/tasks/8")).JsonAsync();
        Assert.Equal(["县卫健委", "县民政局"], task.GetProperty("task").GetProperty("leadUnits").EnumerateArray().Select(u => u.GetString()));

        await Import(office, "001_", "xunyang-u", "浔阳区");
        var unit = await (await office.GetAsync($"/api/units/{Uri.EscapeDataString("区民政局")}")).JsonAsync();
        Assert.Equal("刘俊", unit.GetProperty("unit").GetProperty("liaisons")[0].GetProperty("name").GetString());
        Assert.Contains(unit.GetProperty("leads").EnumerateArray(), t => t.GetProperty("planId").GetString() == "xunyang-u" && t.GetProperty("number").GetInt32() == 2);
    }

    [Fact]
    public async Task A_dry_run_answers_the_parse_and_warnings_and_stores_nothing()
    {
        using var office = api.As(Roles.Office);
        var answer = await office.PostAsync("/api/plans/import?planId=maoming-dry&jurisdiction=茂名市&dryRun=true",
            new ByteArrayContent(SeedFiles.Bytes("004_")) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var result = await answer.JsonAsync();
        Assert.Equal("dry-run", result.GetProperty("outcome").GetString());
        Assert.Equal("茂卫〔2020〕63号", result.GetProperty("documentNumber").GetString());
        Assert.Contains(result.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "unknown-unit");
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/api/plans/maoming-dry")).StatusCode);
        await using var session = api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Null(await session.Events.FetchStreamStateAsync("maoming-dry"));
    }

    [Fact]
    public async Task Importing_the_same_document_again_is_a_no_op_and_a_revision_is_recorded_as_differences()
    {
        using var office = api.As(Roles.Office);
        const string original = "县养老工作方案\n1、建立机制。（县卫健委牵头，县民政局配合）\n2、开展评估。（县民政局负责）\n3、加强培训。（县人社局负责）";
        Assert.Equal("imported", (await ImportText(office, "rev", original)).GetProperty("outcome").GetString());
        Assert.Equal("unchanged", (await ImportText(office, "rev", original)).GetProperty("outcome").GetString());
        Assert.Equal(1, await api.VersionAsync("rev", 1));

        const string revised = "县养老工作方案（修订）\n1、建立机制，2026年底前完成。（县卫健委牵头，县民政局、县医保局配合）\n2、开展评估。（县民政局负责）\n4、推进智慧养老。（县工信局负责）";
        var result = await ImportText(office, "rev", revised);
        Assert.Equal("revised", result.GetProperty("outcome").GetString());
        var differences = result.GetProperty("differences");
        var changed = differences.GetProperty("revised")[0];
        Assert.Equal(1, changed.GetProperty("number").GetInt32());
        Assert.Equal(["text", "cooperatingUnits", "deadline"], changed.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal([4], differences.GetProperty("added").EnumerateArray().Select(n => n.GetInt32()));
        Assert.Equal([3], differences.GetProperty("withdrawn").EnumerateArray().Select(n => n.GetInt32()));

        Assert.IsType<TaskRevised>((await api.EventsAsync("rev", 1)).Last());
        Assert.IsType<TaskWithdrawn>((await api.EventsAsync("rev", 3)).Last());
        Assert.Equal(1, await api.VersionAsync("rev", 2)); // unchanged task, untouched stream
        Assert.Equal(1, await api.VersionAsync("rev", 4));
        await using var session = api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var plan = await session.LoadAsync<Plan>("rev");
        Assert.Equal([1, 2, 4], plan!.TaskNumbers);
        Assert.Equal(1, plan.Revisions);
    }

    [Fact]
    public async Task The_structured_csv_and_a_GB18030_document_as_a_multipart_file_import()
    {
        using var office = api.As(Roles.Office);
        var csv = new StringContent("\uFEFF序号,工作任务,牵头单位,配合单位,完成时限\n1,建立机制,市卫健委,市民政局,2026-12-31\n", Encoding.UTF8, "text/csv");
        var fromCsv = await office.PostAsync("/api/plans/import?planId=from-csv&jurisdiction=信阳市", csv);
        Assert.Equal(HttpStatusCode.Created, fromCsv.StatusCode);
        var task = await (await office.GetAsync("/api/plans/from-csv/tasks/1")).JsonAsync();
        Assert.Equal("2026-12-31", task.GetProperty("task").GetProperty("deadline").GetString());

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = Encoding.GetEncoding("GB18030").GetBytes("1、建立机制。（县卫健委牵头，县民政局配合）\n");
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(gb), "file", "plan.txt" },
            { new StringContent("from-gb"), "planId" },
            { new StringContent("鄢陵县"), "jurisdiction" },
        };
        var fromFile = await office.PostAsync("/api/plans/import", form);
        Assert.Equal(HttpStatusCode.Created, fromFile.StatusCode);
        Assert.Equal("gb18030", (await fromFile.JsonAsync()).GetProperty("encoding").GetString());
    }

    // The bodies are made in the test, not in the theory data: xunit serialises theory data when it discovers
    // tests, and a 50 MB row there costs gigabytes before any test runs.
    private static byte[] Body(string because) => because switch
    {
        "empty" => [],
        "binary" => [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, 0x02, 0x00],
        "no task list" => Encoding.UTF8.GetBytes("关于做好工作的通知\n请认真落实。"),
        "fifty megabytes" => new byte[50 * 1024 * 1024],
        _ => Encoding.UTF8.GetBytes("x"),
    };

    public static TheoryData<string, string, int> BadDocuments => new()
    {
        { "empty", "text/plain", 400 },
        { "binary", "application/octet-stream", 415 },
        { "no task list", "text/plain", 422 },
        { "a word document's media type", "application/msword", 415 },
        { "fifty megabytes", "text/plain", 413 },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public async Task A_bad_document_gets_a_clear_problem_and_nothing_is_stored(string because, string mediaType, int status)
    {
        var body = Body(because);
        using var office = api.As(Roles.Office);
        var planId = $"bad-{Math.Abs(because.GetHashCode()) % 100000}";
        var answer = await office.PostAsync($"/api/plans/import?planId={planId}&jurisdiction=信阳市",
            new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } });
        Assert.True(status == (int)answer.StatusCode, $"{because}: expected {status}, got {(int)answer.StatusCode}");
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/plans/{planId}")).StatusCode);
    }

    [Fact]
    public async Task Only_the_office_imports_and_a_plan_id_and_jurisdiction_are_required()
    {
        using var liaison = api.As(Roles.Liaison, "市卫健委");
        var text = new StringContent("1、x。（市卫健委负责）", Encoding.UTF8, "text/plain");
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsync("/api/plans/import?planId=p&jurisdiction=信阳市", text)).StatusCode);
        using var office = api.As(Roles.Office);
        var missing = await office.PostAsync("/api/plans/import?planId=Bad_Id", new StringContent("1、x。（市卫健委负责）", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("planId", out _));
        Assert.True(errors.TryGetProperty("jurisdiction", out _));
    }

    private static async Task Import(HttpClient office, string seed, string planId, string jurisdiction)
    {
        var answer = await office.PostAsync($"/api/plans/import?planId={planId}&jurisdiction={Uri.EscapeDataString(jurisdiction)}",
            new ByteArrayContent(SeedFiles.Bytes(seed)) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } });
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
    }

    private static async Task<System.Text.Json.JsonElement> ImportText(HttpClient office, string planId, string text)
    {
        var answer = await office.PostAsync($"/api/plans/import?planId={planId}&jurisdiction=鄢陵县", new StringContent(text, Encoding.UTF8, "text/plain"));
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        return await answer.JsonAsync();
    }
}
