using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Dossier;

/// <summary>The accountability file (一事一档): a Word document the supervision group prints for a 问责 meeting.</summary>
public class DossierTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static (string Text, int Tables) Read(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        return (string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText)), body.Descendants<Table>().Count());
    }

    [Fact]
    public async Task A_tasks_file_shows_it_as_assigned_the_late_acknowledgement_the_missed_report_supervision_extensions_and_its_hashes()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        // 2 March 2026 + 3 working days: acknowledgement due 5 March; 市卫健委 acknowledges on 9 March, 2 working days late.
        api.Clock.Set(new DateTimeOffset(2026, 3, 6, 2, 0, 0, TimeSpan.Zero));
        await api.SweepAsync();
        // Tokens are minted by the test clock: each client after the clock has moved.
        api.Clock.Set(new DateTimeOffset(2026, 3, 9, 2, 0, 0, TimeSpan.Zero));
        using (var health = api.As(Roles.Liaison, HealthCommission, "赵联络"))
        {
            Assert.Equal(HttpStatusCode.OK, (await health.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await health.PostAsJsonAsync(TaskUrl(planId, 1, "/deadline-extensions"),
                new { requestedDeadline = "2027-06-30", reason = "资金未到位" })).StatusCode);
        }
        using (var civil = api.As(Roles.Liaison, CivilAffairs, "钱联络"))
            Assert.Equal(HttpStatusCode.OK, (await civil.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);
        using (var insurance = api.As(Roles.Liaison, MedicalInsurance, "孙联络"))
            Assert.Equal(HttpStatusCode.OK, (await insurance.PostAsJsonAsync(TaskUrl(planId, 1, "/cooperation/acknowledgements"),
                new { duty = "做好医保支付政策衔接" })).StatusCode);
        using (var supervision = api.As(Roles.Supervision, name: "陈组长"))
        {
            Assert.Equal(HttpStatusCode.OK, (await supervision.PostAsJsonAsync(TaskUrl(planId, 1, "/supervision"),
                new { rating = "poor", notes = "签收迟缓" })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await supervision.PostAsJsonAsync(TaskUrl(planId, 1, "/admonishments"),
                new { units = new[] { HealthCommission }, reason = "逾期签收" })).StatusCode);
        }
        // March's report was due on April's 5th working day: nobody sent it.
        api.Clock.Set(new DateTimeOffset(2026, 4, 15, 2, 0, 0, TimeSpan.Zero));
        await api.SweepAsync();

        using var office = api.As(Roles.Office);
        var response = await office.GetAsync(TaskUrl(planId, 1, "/dossier"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var (text, tables) = Read(await response.Content.ReadAsByteArrayAsync());

        Assert.Contains("一事一档：第1项任务", text);
        Assert.Contains("医养结合工作重点任务分工方案（测试）", text);
        Assert.Contains("任务原文：推进医疗卫生与养老服务融合发展。", text);
        Assert.Contains("配合单位：市医保局", text);
        Assert.Contains("完成时限：2026年底前（2026年12月31日）", text);
        Assert.Contains("市卫健委：逾期签收，应于2026年3月5日前签收", text);
        Assert.Contains("迟2个工作日（市卫健委 赵联络）", text);
        Assert.Contains("市民政局：逾期签收", text);
        Assert.Contains("未按期报送", text);
        Assert.Contains("申请延期至2027年6月30日，理由：资金未到位", text);
        Assert.Contains("督查发现（较差）：签收迟缓", text);
        Assert.Contains("效能告诫：市卫健委，事由：逾期签收", text);
        Assert.Contains("哈希链完整", text);
        // The cooperating unit's own part: what it owes, its late acknowledgement, its missed March report.
        Assert.Contains("四、配合单位履职情况", text);
        Assert.Contains("市医保局：配合事项为做好医保支付政策衔接；逾期签收，应于2026年3月5日前签收，迟2个工作日（市医保局 孙联络）", text);
        Assert.Equal(3, tables); // the leads' reports, the cooperating unit's reports and the hashes

        // The file lists each event's hash as stored, so the printed copy can be checked against the database later.
        using var supervisionClient = api.As(Roles.Supervision);
        var verified = await (await supervisionClient.GetAsync($"/api/audit/verify?plan={planId}")).JsonAsync();
        Assert.True(verified.GetProperty("holds").GetBoolean());
        var head = text.Split('\n').Single(l => l.StartsWith("末版哈希值：", StringComparison.Ordinal))["末版哈希值：".Length..];
        Assert.Matches("^[0-9a-f]{64}$", head);
        Assert.Contains(head, text.Replace("末版哈希值：" + head, ""));
    }

    [Fact]
    public async Task A_units_file_covers_the_tasks_it_leads_or_cooperates_on_in_the_plan()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var supervision = api.As(Roles.Supervision);
        var response = await supervision.GetAsync($"/api/units/{Uri.EscapeDataString(CivilAffairs)}/dossier?plan={planId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (text, _) = Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("一事一档：市民政局", text);
        Assert.Contains("第1项任务", text);
        Assert.Contains("第2项任务", text);
        Assert.Contains("建立医养结合服务质量评价制度。", text);

        var insurance = Read(await (await supervision.GetAsync($"/api/units/{Uri.EscapeDataString(MedicalInsurance)}/dossier?plan={planId}"))
            .Content.ReadAsByteArrayAsync()).Text;
        Assert.Contains("第1项任务", insurance);
        Assert.DoesNotContain("第2项任务", insurance);
    }

    [Fact]
    public async Task Files_need_a_known_plan_task_and_unit_and_are_not_for_liaisons()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var supervision = api.As(Roles.Supervision);
        Assert.Equal(HttpStatusCode.NotFound, (await supervision.GetAsync(TaskUrl(planId, 99, "/dossier"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervision.GetAsync(TaskUrl("no-such-plan", 1, "/dossier"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervision.GetAsync($"/api/units/{Uri.EscapeDataString(CivilAffairs)}/dossier")).StatusCode);
        // A NUL reached PostgreSQL: this was a 500.
        await (await supervision.GetAsync($"/api/units/{Uri.EscapeDataString(CivilAffairs)}/dossier?plan=%00"))
            .AssertNamesFieldAsync(HttpStatusCode.BadRequest, "plan");
        Assert.Equal(HttpStatusCode.NotFound, (await supervision.GetAsync($"/api/units/{Uri.EscapeDataString("不存在")}/dossier?plan={planId}")).StatusCode);
        using var liaison = api.As(Roles.Liaison, CivilAffairs);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync(TaskUrl(planId, 1, "/dossier"))).StatusCode);
    }
}
