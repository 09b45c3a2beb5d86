using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Localization;

/// <summary>The API answers in Chinese unless the request asks for English (Accept-Language: en); codes and field names never change.</summary>
public class LanguagesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_refusal_is_worded_in_Chinese_by_default_and_in_English_when_asked_with_the_same_rule()
    {
        api.Clock.Set(ApiFactory.Start);
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var health = api.As(Roles.Liaison, HealthCommission);
        Assert.Equal(HttpStatusCode.OK, (await health.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);

        var (chinese, chineseLanguage) = await ProblemAsync(health, HttpMethod.Post, TaskUrl(planId, 1, "/acknowledgements"), null);
        var (english, englishLanguage) = await ProblemAsync(health, HttpMethod.Post, TaskUrl(planId, 1, "/acknowledgements"), "en");
        var (french, _) = await ProblemAsync(health, HttpMethod.Post, TaskUrl(planId, 1, "/acknowledgements"), "fr-FR, fr;q=0.9");

        Assert.Equal("市卫健委已签收第1项任务，不能重复签收。", chinese.GetProperty("detail").GetString());
        Assert.Equal("任务规则不允许此项操作。", chinese.GetProperty("title").GetString());
        Assert.Equal("市卫健委 has already acknowledged task 1.", english.GetProperty("detail").GetString());
        Assert.Equal("The task's rules forbid this.", english.GetProperty("title").GetString());
        Assert.Equal(chinese.GetProperty("detail").GetString(), french.GetProperty("detail").GetString()); // unknown: Chinese
        foreach (var problem in new[] { chinese, english, french })
        {
            Assert.Equal("already-acknowledged", problem.GetProperty("rule").GetString());
            Assert.Equal("/problems/rule-violation", problem.GetProperty("type").GetString());
        }
        Assert.Equal(("zh-CN", "en"), (chineseLanguage, englishLanguage));
    }

    [Fact]
    public async Task A_refusal_with_a_date_writes_it_as_each_language_does()
    {
        api.Clock.Set(ApiFactory.Start);
        var planId = await api.RegisterTwoTaskPlanAsync(deadline: "2026-12-03");
        using var health = api.As(Roles.Liaison, HealthCommission);
        var body = JsonContent.Create(new { requestedDeadline = "2026-11-30", reason = "需协调资金。" });

        var (chinese, _) = await ProblemAsync(health, HttpMethod.Post, TaskUrl(planId, 1, "/deadline-extensions"), null, body);
        var (english, _) = await ProblemAsync(health, HttpMethod.Post, TaskUrl(planId, 1, "/deadline-extensions"), "en-GB", body);

        Assert.Equal("申请延期的新时限须晚于现行完成时限（2026年12月3日）。", chinese.GetProperty("detail").GetString());
        Assert.Equal("An extension's new date must be after the current deadline (3 December 2026).", english.GetProperty("detail").GetString());
        Assert.Equal("extension-not-after-deadline", english.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task A_validation_problem_names_the_same_fields_in_both_languages()
    {
        api.Clock.Set(ApiFactory.Start);
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var health = api.As(Roles.Liaison, HealthCommission);
        const string report = """{"periodStart":"2026-03-01","periodEnd":"2026-02-01","status":"onTrack","narrative":"进展顺利"}""";

        var (chinese, _) = await ProblemAsync(health, HttpMethod.Post, TaskUrl(planId, 1, "/progress-reports"), null, Json(report));
        var (english, _) = await ProblemAsync(health, HttpMethod.Post, TaskUrl(planId, 1, "/progress-reports"), "en", Json(report));

        Assert.Equal("部分字段填写有误。", chinese.GetProperty("detail").GetString());
        Assert.Equal("请求内容有误。", chinese.GetProperty("title").GetString());
        Assert.Equal(["必填。"], Messages(chinese, "percentDone"));
        Assert.Equal(["不能早于periodStart。"], Messages(chinese, "periodEnd"));
        Assert.Equal("One or more fields are not valid.", english.GetProperty("detail").GetString());
        Assert.Equal("The request is not valid.", english.GetProperty("title").GetString());
        Assert.Equal(["is required."], Messages(english, "percentDone"));
        Assert.Equal(["must not be before periodStart."], Messages(english, "periodEnd"));
        Assert.All([chinese, english], p => Assert.Equal("/problems/validation", p.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Not_found_and_forbidden_are_worded_too()
    {
        using var office = api.As(Roles.Office);
        var (notFound, _) = await ProblemAsync(office, HttpMethod.Get, "/api/plans/no-such-plan/tasks/1", null);
        var (notFoundEn, _) = await ProblemAsync(office, HttpMethod.Get, "/api/plans/no-such-plan/tasks/1", "en");
        Assert.Equal("未找到方案“no-such-plan”。", notFound.GetProperty("detail").GetString());
        Assert.Equal("There is no plan 'no-such-plan'.", notFoundEn.GetProperty("detail").GetString());

        using var anonymous = api.CreateClient();
        var (unauthorized, _) = await ProblemAsync(anonymous, HttpMethod.Get, "/api/plans", null, status: HttpStatusCode.Unauthorized);
        Assert.Equal("未登录或登录已失效。", unauthorized.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_ledger_and_the_light_read_in_English_when_asked()
    {
        api.Clock.Set(ApiFactory.Start);
        var planId = await api.RegisterTwoTaskPlanAsync();
        api.Clock.Set(ApiFactory.Start.AddDays(14)); // no lead unit acknowledged: red
        using var office = api.As(Roles.Office);

        Assert.StartsWith("\uFEFF序号,工作任务,牵头单位,配合单位,完成时限,状态,", await LedgerCsvAsync(office, planId, null));
        var english = await LedgerCsvAsync(office, planId, "en");
        Assert.StartsWith("\uFEFFNo.,Task,Lead units,Cooperating units,Deadline,Status,Acknowledgements,Latest progress,Light and reasons,Overdue\r\n", english);
        Assert.Contains("Red: 市卫健委: acknowledgement overdue (due 5 March 2026)", english);
        Assert.DoesNotContain("签收逾期", english);

        var reasons = await ReasonsAsync(office, planId, null);
        var reasonsEn = await ReasonsAsync(office, planId, "en");
        Assert.Contains("市卫健委签收逾期（应于2026年3月5日签收）", reasons);
        Assert.Contains("市卫健委: acknowledgement overdue (due 5 March 2026)", reasonsEn);
        Assert.Equal(reasons.Length, reasonsEn.Length);
    }

    [Fact]
    public async Task The_digest_reads_in_English_when_asked_and_is_kept_in_Chinese()
    {
        api.Clock.Set(ApiFactory.Start);
        await api.RegisterTwoTaskPlanAsync();
        api.Clock.Set(ApiFactory.Start.AddDays(14));
        using var office = api.As(Roles.Office);

        using var run = new HttpRequestMessage(HttpMethod.Post, "/api/digests/overdue/runs");
        run.Headers.AcceptLanguage.ParseAdd("en");
        var ran = await (await office.SendAsync(run)).JsonAsync();
        using var latest = new HttpRequestMessage(HttpMethod.Get, "/api/digests/overdue/latest");
        var kept = await (await office.SendAsync(latest)).JsonAsync();

        var english = ran.GetProperty("markdown").GetString()!;
        Assert.StartsWith("### Overdue tasks 16 March 2026", english);
        Assert.Contains("working days overdue", english);
        Assert.DoesNotMatch(@"[\u4e00-\u9fff]{3}", english.Replace("市卫健委", "").Replace("市民政局", ""));
        // Asked for in English, still built, stored and delivered in Chinese.
        Assert.StartsWith("### 逾期任务通报 2026年3月16日", kept.GetProperty("markdown").GetString());
    }

    [Fact]
    public async Task An_import_refusal_reads_in_English_when_asked()
    {
        using var office = api.As(Roles.Office);
        HttpContent Form() => new MultipartFormDataContent
        {
            { new ByteArrayContent([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]]) { Headers = { ContentType = new MediaTypeHeaderValue("application/msword") } }, "file", "方案.doc" },
            { new StringContent("legacy-word"), "planId" },
            { new StringContent("茂名市"), "jurisdiction" },
        };

        var (chinese, _) = await ProblemAsync(office, HttpMethod.Post, "/api/plans/import", null, Form(), HttpStatusCode.UnsupportedMediaType);
        var (english, _) = await ProblemAsync(office, HttpMethod.Post, "/api/plans/import", "en", Form(), HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("另存为", chinese.GetProperty("detail").GetString());
        Assert.Equal("无法读取这种格式的文件。", chinese.GetProperty("title").GetString());
        Assert.Equal("This is a legacy Office or WPS document, which cannot be read reliably. Save it as .docx and upload it again.",
            english.GetProperty("detail").GetString());
        Assert.Equal("This file format cannot be read.", english.GetProperty("title").GetString());
        Assert.All([chinese, english], p => Assert.Equal("/problems/legacy-office-document", p.GetProperty("type").GetString()));
    }

    private static async Task<(JsonElement Problem, string? Language)> ProblemAsync(HttpClient client, HttpMethod method, string url,
        string? language, HttpContent? body = null, HttpStatusCode? status = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : await CopyAsync(body) };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request);
        if (status is { } expected) Assert.Equal(expected, response.StatusCode);
        else Assert.True((int)response.StatusCode is >= 400 and < 500, $"{response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.JsonAsync(), response.Content.Headers.ContentLanguage.SingleOrDefault());
    }

    // A request's content is disposed with it; each request gets its own copy.
    private static async Task<HttpContent> CopyAsync(HttpContent body)
    {
        var copy = new ByteArrayContent(await body.ReadAsByteArrayAsync());
        copy.Headers.ContentType = body.Headers.ContentType;
        return copy;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string[] Messages(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToArray();

    private static async Task<string> LedgerCsvAsync(HttpClient client, string planId, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/plans/{planId}/ledger");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<string?[]> ReasonsAsync(HttpClient client, string planId, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, TaskUrl(planId, 1));
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        var task = await (await client.SendAsync(request)).JsonAsync();
        Assert.Equal("red", task.GetProperty("light").GetProperty("light").GetString());
        return task.GetProperty("light").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToArray();
    }
}
