using System.Text.Json;
using System.Text.Json.Nodes;
using YiyangTasks.Api.Calendar;
using YiyangTasks.Api.Digest;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Plans;
using YiyangTasks.Api.Tasks;
using YiyangTasks.Api.Units;

namespace YiyangTasks.Api.OpenApi;

/// <summary>An example of each request body and of the command answer, as a liaison or the office would send and see them.</summary>
internal static class Examples
{
    private static readonly JsonSerializerOptions Json = ApiJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static readonly IReadOnlyDictionary<Type, JsonNode> ByType = new Dictionary<Type, object>
    {
        [typeof(AcknowledgementRequest)] = new { },
        [typeof(ProgressReportRequest)] = new
        {
            periodStart = "2026-03-01", periodEnd = "2026-03-31", status = "onTrack", percentDone = 40,
            narrative = "已完成全区养老机构医疗服务能力摸底，正在起草签约服务规范。", attachments = new[] { "files/2026-03-摸底表.xlsx" },
        },
        [typeof(CooperationAcknowledgementRequest)] = new { duty = "保障医养结合机构建设配套资金" },
        [typeof(CooperationReportRequest)] = new { periodStart = "2026-03-01", periodEnd = "2026-03-31", narrative = "已出台医保支付衔接办法，报牵头单位备案。" },
        [typeof(CompletionReportRequest)] = new { summary = "社区医养结合设施已建成并投入使用，相关材料已上传。" },
        [typeof(CompletionAcceptanceRequest)] = new { comment = "经核查，同意办结。" },
        [typeof(CompletionRejectionRequest)] = new { reason = "缺少医保配套文件，请补充后重新申请办结。" },
        [typeof(ExtensionRequest)] = new { requestedDeadline = "2027-03-31", reason = "配套资金尚未到位，申请延期三个月。" },
        [typeof(ExtensionDecisionRequest)] = new { grant = true, newDeadline = "2027-02-28", reason = "同意延期至二月底。" },
        [typeof(DeadlineCorrectionRequest)] = new
        {
            kind = "recurring", words = "每季度末报送", every = "quarterly", reason = "原文为“每季度末向市政府报告进展”，导入误读为长期任务。",
        },
        [typeof(SupervisionFindingRequest)] = new { rating = "fair", notes = "进度基本符合要求，报送材料不够完整。" },
        [typeof(UnitsAndReasonRequest)] = new { units = new[] { "市民政局" }, reason = "连续两个月未按时报送进展（效能告诫）。" },
        [typeof(CommandAccepted)] = new
        {
            planId = "xinyang", number = 7, version = 5, events = new[] { "ProgressReported" }, recordId = "5d1a2f1e-8c1b-4f6e-9a51-3a2b1c0d9e8f",
        },
        [typeof(RegisterPlanRequest)] = new
        {
            planId = "xinyang-2026", title = "医养结合工作重点任务分工方案", jurisdiction = "信阳市", documentNumber = "信卫〔2026〕1号",
            tasks = new[]
            {
                new { number = 1, text = "推进医疗卫生与养老服务融合发展。", leadUnits = new[] { "市卫健委", "市民政局" }, cooperatingUnits = new[] { "市医保局" }, mode = "leadAndCooperate", deadline = "2026-12-31",
                    cooperationDuties = new[] { new { unit = "市医保局", duty = "做好医保支付政策衔接" } } },
            },
        },
        [typeof(UnitEditRequest)] = new
        {
            aliases = new[] { "卫健委", "卫生健康委员会" }, isGroup = false,
            liaisons = new[] { new { name = "吕家麟", title = "基层卫生股干部", phone = "0792-0000000" } },
        },
        [typeof(MergeUnitRequest)] = new { name = "市人力资源社会保障部门" },
        [typeof(HolidayNoticeRequest)] = new
        {
            year = 2027, source = "国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕9号，2026年11月5日）",
            holidays = new[]
            {
                new { name = "元旦", from = "2027-01-01", to = "2027-01-03", makeUpWorkingDays = Array.Empty<string>() },
                new { name = "国庆节", from = "2027-10-01", to = "2027-10-07", makeUpWorkingDays = new[] { "2027-09-26", "2027-10-09" } },
            },
        },
        [typeof(DigestWebhookRequest)] = new { url = "https://oapi.dingtalk.example/robot/send?access_token=…", kind = "dingTalk", enabled = true },
    }.ToDictionary(pair => pair.Key, pair => JsonSerializer.SerializeToNode(pair.Value, Json)!);
}
