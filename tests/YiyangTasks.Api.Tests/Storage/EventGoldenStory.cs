using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Tests.Storage;

/// <summary>One stream of the golden story: its id, how it folds, and its events in order.</summary>
public sealed record GoldenStream(string Name, string StreamId, Func<object?, object, object?> Evolve, IReadOnlyList<object> Events);

/// <summary>
/// The story whose events were stored once to write EventGolden/*.json: a task's whole life, a withdrawn task and a
/// revised plan, so every event type occurs. Only new steps are ever appended; a golden file, once written, is never rewritten.
/// </summary>
public static class EventGoldenStory
{
    private static readonly Actor Office = new("office:王主任", "王主任", "office", null);
    private static readonly Actor Supervision = new("supervision:陈组长", "陈组长", "supervision", null);
    private static readonly Actor HealthLiaison = new("liaison:吕家麟", "吕家麟", "liaison", "县卫健委");
    private static readonly Guid ReportId = Guid.Parse("6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7");
    private static readonly Guid Granted = Guid.Parse("0d9e8f7a-6b5c-4d3e-9f21-0a1b2c3d4e5f");
    private static readonly Actor InsuranceLiaison = new("liaison:赵保", "赵保", "liaison", "县医保局");
    private static readonly Guid CooperationReportId = Guid.Parse("2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182");
    private static readonly Guid Refused = Guid.Parse("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");

    private static DateTimeOffset At(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private static DateOnly On(int month, int day) => new(2026, month, day);

    public static IReadOnlyList<GoldenStream> Streams { get; } =
    [
        new("task", "golden/7", (s, e) => SupervisedTask.Evolve((SupervisedTask?)s, e),
        [
            new TaskAssigned("golden", 7, "推进医养结合机构建设。", ["县卫健委", "县民政局"], ["县医保局"], ResponsibilityMode.LeadAndCooperate,
                On(6, 30), "2026年6月底前", ReportingCycle.Monthly, Office, At(3, 2)),
            new TaskAcknowledgedByLeadUnit("县卫健委", HealthLiaison, At(3, 3)),
            new AcknowledgementOverdue("县民政局", On(3, 5), At(3, 6, 0)),
            new ProgressReported(ReportId, "县卫健委", On(3, 1), On(3, 31), ProgressStatus.AtRisk, 30, "已完成机构摸底，签约规范起草中。",
                ["files/2026-03-摸底表.xlsx"], null, HealthLiaison, At(4, 2)),
            new ReportMissed("县民政局", On(3, 1), On(3, 31), On(4, 8), At(4, 9, 0)),
            new SupervisionFindingRecorded(SupervisionRating.Fair, "进度基本符合要求，报送材料不够完整。", Supervision, At(4, 10)),
            new AdmonishmentIssued(["县民政局"], "未按期报送工作进展，予以效能告诫。", Supervision, At(4, 13)),
            new AccountabilityEscalated(["县民政局"], "告诫后仍未整改，移交问责。", Supervision, At(5, 11)),
            new DeadlineExtensionRequested(Granted, "县卫健委", On(9, 30), "配套资金尚未到位。", HealthLiaison, At(6, 1)),
            new DeadlineExtensionGranted(Granted, On(9, 30), "同意延期至九月底。", Office, At(6, 3)),
            new DeadlineExtensionRequested(Refused, "县卫健委", On(12, 31), "再申请延期。", HealthLiaison, At(9, 1)),
            new DeadlineExtensionRefused(Refused, "不同意再次延期。", Office, At(9, 2)),
            new TaskRevised("推进医养结合机构建设和签约服务。", ["县卫健委"], ["县医保局", "县民政局"], ResponsibilityMode.LeadAndCooperate,
                On(9, 30), "2026年9月底前", ["牵头单位：县卫健委、县民政局 → 县卫健委"], Office, At(9, 7)),
            new CompletionReported("县卫健委", "机构建设完成，签约服务已开展。", HealthLiaison, At(9, 20)),
            new CompletionRejected("缺少医保配套文件，请补充后重新申请办结。", Office, At(9, 22)),
            new DeadlineMissed(On(9, 30), At(10, 1, 0)),
            new CompletionReported("县卫健委", "已补充医保配套文件。", HealthLiaison, At(10, 9)),
            new CompletionAccepted("经核查，同意办结。", Office, At(10, 12)),
        ]),
        new("withdrawn-task", "golden/8", (s, e) => SupervisedTask.Evolve((SupervisedTask?)s, e),
        [
            new TaskAssigned("golden", 8, "建立医养结合服务质量评价制度。", ["县民政局"], [], ResponsibilityMode.Jointly,
                null, null, ReportingCycle.Quarterly, Office, At(3, 2)),
            new TaskWithdrawn("修订后的方案不再列出此项任务。", Office, At(9, 7)),
        ]),
        new("cooperation-task", "golden/9", (s, e) => SupervisedTask.Evolve((SupervisedTask?)s, e),
        [
            new TaskAssigned("golden", 9, "推进医疗卫生与养老服务融合发展。", ["县卫健委"], ["县医保局", "县财政局"], ResponsibilityMode.LeadAndCooperate,
                On(12, 31), "2026年底前", ReportingCycle.Monthly, Office, At(3, 2), null, [new CooperationDuty("县医保局", "做好医保支付政策衔接")]),
            new CooperationAcknowledged("县医保局", "做好医保支付政策衔接", InsuranceLiaison, At(3, 3)),
            new CooperationAcknowledgementOverdue("县财政局", On(3, 5), At(3, 6, 0)),
            new CooperationReported(CooperationReportId, "县医保局", On(3, 1), On(3, 31), "已出台医保支付衔接办法。", InsuranceLiaison, At(4, 2)),
            new CooperationReportMissed("县财政局", On(3, 1), On(3, 31), On(4, 8), At(4, 9, 0)),
        ]),
        new("plan", "golden", (s, e) => Plan.Evolve((Plan?)s, e),
        [
            new PlanRegistered("golden", "医养结合工作重点任务分工方案", "鄢陵县", "鄢卫〔2026〕1号", "鄢陵县医养结合工作联席会议", On(2, 27),
                [7, 8], Office, At(3, 2), new TimelinessRules(AcknowledgementWorkingDays: 5), "sha256:0f1e2d3c"),
            new PlanRevised("sha256:4b5a6978", "医养结合工作重点任务分工方案（修订）", [7], [7], [], [8], Office, At(9, 7)),
        ]),
        new("terms-task", "golden/9", (s, e) => SupervisedTask.Evolve((SupervisedTask?)s, e),
        [
            new TaskAssigned("golden", 9, "将医养结合机构纳入监管范围，长期坚持开展服务质量检查。", ["县民政局"], [], ResponsibilityMode.Jointly,
                null, "长期坚持", ReportingCycle.Monthly, Office, At(3, 2), new DeadlineTerms(DeadlineKind.Standing, "长期坚持")),
            new DeadlineCorrected(new DeadlineTerms(DeadlineKind.Standing, "长期坚持"),
                new DeadlineTerms(DeadlineKind.Recurring, "每季度末报送", null, On(12, 31), ReportingCycle.Quarterly),
                "原文为每季度末报送检查情况，导入误读为长期任务。", Office, At(3, 4)),
            new TaskRevised("将医养结合机构纳入监管范围，每季度开展服务质量检查。", ["县民政局"], [], ResponsibilityMode.Jointly, null, "每季度",
                ["deadline"], Office, At(9, 7), null, new DeadlineTerms(DeadlineKind.Recurring, "每季度", Every: ReportingCycle.Quarterly)),
        ]),
    ];

    /// <summary>The golden file of the stream's n-th event (1-based), e.g. task-04-ProgressReported.json.</summary>
    public static string FileName(GoldenStream stream, int position, string typeName) => $"{stream.Name}-{position:D2}-{typeName}.json";
}
