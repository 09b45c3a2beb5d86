using JasperFx.Events;
using YiyangTasks.Api.Audit;
using YiyangTasks.Api.Tasks;
using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Dossier;

/// <summary>One section of an accountability file: a heading, its lines, and optionally a table.</summary>
public sealed record DossierSection(string Heading, IReadOnlyList<string> Lines, IReadOnlyList<string[]>? Table = null);

/// <summary>
/// The accountability file of one task (一事一档), read from the task's event stream (never the aggregate snapshot):
/// the task as assigned, each obligation and what became of it, supervision, extensions, and the hashes that vouch for it.
/// </summary>
public static class TaskDossier
{
    public static IReadOnlyList<DossierSection> Sections(IReadOnlyList<IEvent> events, StreamCheck check, WorkingDayCalendar calendar)
    {
        var data = events.Select(e => e.Data).ToList();
        var assigned = data.OfType<TaskAssigned>().First();
        var sections = new List<DossierSection>
        {
            AsAssigned(assigned, data.OfType<TaskRevised>().ToList()),
            Acknowledgements(assigned, data, calendar),
            Reports(data),
            Cooperation(assigned, data, calendar),
            Completion(data),
            Extensions(data),
            Supervision(data),
            Verification(events, check),
        };
        return sections;
    }

    private static DossierSection AsAssigned(TaskAssigned a, IReadOnlyList<TaskRevised> revisions)
    {
        var lines = new List<string>
        {
            $"任务原文：{a.Text}",
            $"牵头单位：{string.Join("、", a.LeadUnits)}",
            $"配合单位：{(a.CooperatingUnits.Count > 0 ? string.Join("、", a.CooperatingUnits) : "无")}",
            $"完成时限：{a.DeadlineWords ?? (a.Deadline is { } d ? Date(d) : "未定")}" + (a.Deadline is { } due && a.DeadlineWords is not null ? $"（{Date(due)}）" : ""),
            $"交办：{Who(a.AssignedBy)}，{When(a.AssignedAt)}",
        };
        lines.AddRange(revisions.Select(r => $"修订：{string.Join("；", r.Changes)}（{Who(r.RevisedBy)}，{When(r.RevisedAt)}）"));
        return new DossierSection("一、任务交办情况", lines);
    }

    private static DossierSection Acknowledgements(TaskAssigned assigned, IReadOnlyList<object> data, WorkingDayCalendar calendar)
    {
        var lines = new List<string>();
        foreach (var unit in assigned.LeadUnits)
        {
            var overdue = data.OfType<AcknowledgementOverdue>().FirstOrDefault(o => o.Unit == unit)?.DueOn;
            var ack = data.OfType<TaskAcknowledgedByLeadUnit>().FirstOrDefault(k => k.Unit == unit);
            lines.Add($"{unit}：" + Acknowledged(overdue, ack is null ? null : (ack.AcknowledgedBy, ack.AcknowledgedAt), calendar, saysWhen: true));
        }
        return new DossierSection("二、签收情况", lines);
    }

    /// <summary>How an acknowledgement went: on time, late by N working days, missing past its due day, or not due yet.</summary>
    private static string Acknowledged(DateOnly? overdueSince, (Actor By, DateTimeOffset At)? ack, WorkingDayCalendar calendar, bool saysWhen) =>
        (overdueSince, ack) switch
        {
            (null, { } k) => $"按时签收（{Who(k.By)}，{When(k.At)}）",
            ({ } due, { } k) => $"逾期签收，应于{Date(due)}前签收，{(saysWhen ? When(k.At) + "签收，" : "")}迟{calendar.WorkingDaysBetween(due, ChinaTime.DateOf(k.At))}个工作日（{Who(k.By)}）",
            ({ } due, null) => $"逾期未签收，应于{Date(due)}前签收",
            _ => "尚未签收（未到期）",
        };

    private static DossierSection Reports(IReadOnlyList<object> data)
    {
        var rows = new List<string[]> { new[] { "单位", "报送期", "情况", "经办", "时间" } };
        foreach (var e in data)
        {
            if (e is ProgressReported r)
                rows.Add([r.Unit, $"{Date(r.PeriodStart)}至{Date(r.PeriodEnd)}", $"已报送：{Status(r.Status)}，完成{r.PercentDone}%。{r.Narrative}",
                    Who(r.ReportedBy), When(r.ReportedAt)]);
            else if (e is ReportMissed m)
                rows.Add([m.Unit, $"{Date(m.PeriodStart)}至{Date(m.PeriodEnd)}", $"未按期报送（应于{Date(m.DueOn)}前报送）", "系统记录", When(m.DetectedAt)]);
        }
        return new DossierSection("三、进度报送情况", rows.Count == 1 ? ["无报送记录。"] : [], rows.Count == 1 ? null : rows);
    }

    /// <summary>Each cooperating unit's own part (配合事项): what it owes, its acknowledgement and its reports, its lapses its own.</summary>
    private static DossierSection Cooperation(TaskAssigned assigned, IReadOnlyList<object> data, WorkingDayCalendar calendar)
    {
        // Units put on the task by a revision have a part from then on; a unit a revision took off keeps what it did.
        var units = assigned.CooperatingUnits.Concat(data.OfType<TaskRevised>().SelectMany(r => r.CooperatingUnits)).Distinct().ToList();
        if (units.Count == 0) return new DossierSection("四、配合单位履职情况", ["本任务无配合单位。"]);
        var lines = new List<string>();
        foreach (var unit in units)
        {
            var planned = assigned.CooperationDuties?.FirstOrDefault(d => d.Unit == unit)?.Duty;
            var ack = data.OfType<CooperationAcknowledged>().FirstOrDefault(k => k.Unit == unit);
            var overdue = data.OfType<CooperationAcknowledgementOverdue>().FirstOrDefault(o => o.Unit == unit)?.DueOn;
            var duty = ack?.Duty ?? planned;
            lines.Add($"{unit}：配合事项{(string.IsNullOrWhiteSpace(duty) ? "方案未列明" : "为" + duty)}；" +
                Acknowledged(overdue, ack is null ? null : (ack.AcknowledgedBy, ack.AcknowledgedAt), calendar, saysWhen: false));
        }
        var rows = new List<string[]> { new[] { "配合单位", "报送期", "情况", "经办", "时间" } };
        foreach (var e in data)
        {
            if (e is CooperationReported r)
                rows.Add([r.Unit, $"{Date(r.PeriodStart)}至{Date(r.PeriodEnd)}", $"已报送：{r.Narrative}", Who(r.ReportedBy), When(r.ReportedAt)]);
            else if (e is CooperationReportMissed m)
                rows.Add([m.Unit, $"{Date(m.PeriodStart)}至{Date(m.PeriodEnd)}", $"未按期报送（应于{Date(m.DueOn)}前报送）", "系统记录", When(m.DetectedAt)]);
        }
        if (rows.Count == 1) lines.Add("配合单位尚无报送记录。");
        return new DossierSection("四、配合单位履职情况", lines, rows.Count == 1 ? null : rows);
    }

    private static DossierSection Completion(IReadOnlyList<object> data)
    {
        var lines = data.Select(e => e switch
        {
            CompletionReported c => $"{c.Unit}申请办结：{c.Summary}（{Who(c.ReportedBy)}，{When(c.ReportedAt)}）",
            CompletionAccepted a => $"办结审核通过{(a.Comment is null ? "" : "：" + a.Comment)}（{Who(a.AcceptedBy)}，{When(a.AcceptedAt)}）",
            CompletionRejected r => $"办结申请被退回：{r.Reason}（{Who(r.RejectedBy)}，{When(r.RejectedAt)}）",
            DeadlineMissed m => $"逾期未完成：完成时限{Date(m.Deadline)}（系统记录于{When(m.DetectedAt)}）",
            TaskWithdrawn w => $"任务撤销：{w.Reason}（{Who(w.WithdrawnBy)}，{When(w.WithdrawnAt)}）",
            _ => null,
        }).OfType<string>().ToList();
        return new DossierSection("五、办结情况", lines.Count > 0 ? lines : ["尚未申请办结。"]);
    }

    private static DossierSection Extensions(IReadOnlyList<object> data)
    {
        var lines = data.Select(e => e switch
        {
            DeadlineExtensionRequested q => $"{q.Unit}申请延期至{Date(q.RequestedDeadline)}，理由：{q.Reason}（{Who(q.RequestedBy)}，{When(q.RequestedAt)}）",
            DeadlineExtensionGranted g => $"同意延期至{Date(g.NewDeadline)}{(g.Comment is null ? "" : "：" + g.Comment)}（{Who(g.DecidedBy)}，{When(g.DecidedAt)}）",
            DeadlineExtensionRefused f => $"不同意延期：{f.Reason}（{Who(f.DecidedBy)}，{When(f.DecidedAt)}）",
            _ => null,
        }).OfType<string>().ToList();
        return new DossierSection("六、延期申请及审批", lines.Count > 0 ? lines : ["无延期申请。"]);
    }

    private static DossierSection Supervision(IReadOnlyList<object> data)
    {
        var lines = data.Select(e => e switch
        {
            SupervisionFindingRecorded f => $"督查发现（{Rating(f.Rating)}）：{f.Notes}（{Who(f.RecordedBy)}，{When(f.RecordedAt)}）",
            AdmonishmentIssued a => $"效能告诫：{string.Join("、", a.Units)}，事由：{a.Reason}（{Who(a.IssuedBy)}，{When(a.IssuedAt)}）",
            AccountabilityEscalated x => $"提请问责：{string.Join("、", x.Units)}，事由：{x.Reason}（{Who(x.EscalatedBy)}，{When(x.EscalatedAt)}）",
            _ => null,
        }).OfType<string>().ToList();
        return new DossierSection("七、督查、告诫与问责", lines.Count > 0 ? lines : ["无督查记录。"]);
    }

    private static DossierSection Verification(IReadOnlyList<IEvent> events, StreamCheck check)
    {
        var verdict = check.Breaks.Count == 0
            ? $"经核验，本档所载{check.Events}个事件（第1至第{check.HeadVersion}版）与写入时一致，哈希链完整" +
              (check.BeforeHashing > 0 ? $"；其中{check.BeforeHashing}个事件写于启用哈希之前，无从核验。" : "。")
            : $"经核验，记录不完整：{check.Breaks[0].Detail}";
        var rows = new List<string[]> { new[] { "版本", "事件", "时间", "哈希值（SHA-256）" } };
        rows.AddRange(events.Select(e => new[] { e.Version.ToString(), e.Data.GetType().Name, When(e.Timestamp),
            e.Headers?.TryGetValue(EventHash.Header, out var h) == true ? h?.ToString() ?? "" : "（启用哈希之前）" }));
        return new DossierSection("八、记录核验", [verdict, $"末版哈希值：{check.HeadHash ?? "无"}"], rows);
    }

    private static string Who(Actor a) => a.Unit is null ? a.DisplayName : $"{a.Unit} {a.DisplayName}";
    public static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
    private static string When(DateTimeOffset t)
    {
        var local = t.ToOffset(ChinaTime.Offset);
        return $"{Date(DateOnly.FromDateTime(local.DateTime))} {local:HH:mm}";
    }
    private static string Status(ProgressStatus s) => s switch { ProgressStatus.OnTrack => "按计划推进", ProgressStatus.AtRisk => "存在风险", _ => "受阻" };
    private static string Rating(SupervisionRating r) => r switch { SupervisionRating.Good => "良好", SupervisionRating.Fair => "一般", _ => "较差" };
}
