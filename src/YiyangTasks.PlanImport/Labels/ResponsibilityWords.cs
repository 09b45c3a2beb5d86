using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport;

/// <summary>What a party is to a task, as the words around it say.</summary>
internal enum PartyRole { Lead, Cooperate, Responsible, Time, Person }

/// <summary>The words plans use to say who answers for a task: labels before a list (牵头单位：…) and verbs after it (…牵头负责).</summary>
internal static class ResponsibilityWords
{
    /// <summary>Verbs a list of units ends with, longest first (按职责分工负责 before 负责); what they make the units and the task's mode.</summary>
    public static readonly (string Verb, PartyRole Role, ResponsibilityMode Mode)[] Verbs =
    [
        ("按照各自职责分工负责", PartyRole.Lead, ResponsibilityMode.ByDuty),
        ("按照各自职责负责", PartyRole.Lead, ResponsibilityMode.ByDuty),
        ("按照职责分工负责", PartyRole.Lead, ResponsibilityMode.ByDuty),
        ("按照职能分工负责", PartyRole.Lead, ResponsibilityMode.ByDuty),
        ("依据职责分工负责", PartyRole.Lead, ResponsibilityMode.ByDuty),
        ("按职责分工负责", PartyRole.Lead, ResponsibilityMode.ByDuty),
        ("依职责分工负责", PartyRole.Lead, ResponsibilityMode.ByDuty),
        ("按职能分工负责", PartyRole.Lead, ResponsibilityMode.ByDuty),
        ("按各自职责负责", PartyRole.Lead, ResponsibilityMode.ByDuty),
        ("按照职责负责", PartyRole.Lead, ResponsibilityMode.ByDuty),
        ("按职分工负责", PartyRole.Lead, ResponsibilityMode.ByDuty), // 茂名 item 10 writes 按职分工负责
        ("按职责分工落实", PartyRole.Lead, ResponsibilityMode.ByDuty),
        ("按职责负责", PartyRole.Lead, ResponsibilityMode.ByDuty),
        ("按职能负责", PartyRole.Lead, ResponsibilityMode.ByDuty),
        ("依职责负责", PartyRole.Lead, ResponsibilityMode.ByDuty),
        ("分工负责", PartyRole.Lead, ResponsibilityMode.ByDuty),
        ("牵头负责", PartyRole.Lead, ResponsibilityMode.LeadAndCooperate),
        ("牵头落实", PartyRole.Lead, ResponsibilityMode.LeadAndCooperate),
        ("牵头实施", PartyRole.Lead, ResponsibilityMode.LeadAndCooperate),
        ("牵头组织", PartyRole.Lead, ResponsibilityMode.LeadAndCooperate),
        ("分别负责", PartyRole.Lead, ResponsibilityMode.EachResponsibleForOwnPart),
        ("各自负责", PartyRole.Lead, ResponsibilityMode.EachResponsibleForOwnPart),
        ("共同负责", PartyRole.Lead, ResponsibilityMode.Jointly),
        ("负责落实", PartyRole.Lead, ResponsibilityMode.Jointly),
        ("组织实施", PartyRole.Lead, ResponsibilityMode.Jointly),
        ("负总责", PartyRole.Lead, ResponsibilityMode.Jointly),
        ("负责", PartyRole.Lead, ResponsibilityMode.Jointly),
        ("落实", PartyRole.Lead, ResponsibilityMode.Jointly),
        ("牵头", PartyRole.Lead, ResponsibilityMode.LeadAndCooperate),
        ("配合落实", PartyRole.Cooperate, ResponsibilityMode.LeadAndCooperate),
        ("配合实施", PartyRole.Cooperate, ResponsibilityMode.LeadAndCooperate),
        ("协助落实", PartyRole.Cooperate, ResponsibilityMode.LeadAndCooperate),
        ("配合", PartyRole.Cooperate, ResponsibilityMode.LeadAndCooperate),
        ("协助", PartyRole.Cooperate, ResponsibilityMode.LeadAndCooperate),
        ("协同", PartyRole.Cooperate, ResponsibilityMode.LeadAndCooperate),
        ("协办", PartyRole.Cooperate, ResponsibilityMode.LeadAndCooperate),
        ("参与", PartyRole.Cooperate, ResponsibilityMode.LeadAndCooperate),
        ("参加", PartyRole.Cooperate, ResponsibilityMode.LeadAndCooperate),
    ];

    private static readonly string[] CooperateWords = ["配合", "协办", "参与", "协同", "协作", "协助", "协从"];
    private static readonly string[] LeadWords = ["牵头", "主办", "主责", "承办", "主要责任", "主管", "主抓"];
    private static readonly string[] PersonEndings = ["领导", "责任人", "联系人", "负责人", "分管人"];
    private static readonly string[] TimeEndings = ["时限", "时间", "节点", "时间要求", "时限要求", "进度安排", "时间安排", "完成期限"];
    // 部门分工：省发展改革委牵头，各地、各部门配合 — but 细化分工 (a table's breakdown of the task) names no one.
    private static readonly string[] PartyEndings = ["单位", "部门", "处室", "科室", "主体", "机构", "部门分工", "责任分工"];

    /// <summary>What a label (the words before ：) names, by its words: …领导 a person; 配合/协同/参与… cooperating;
    /// 牵头/主办/主责/承办… the lead; …单位/部门/处室/主体 without either, those responsible; …时限/时间 the deadline.
    /// So 协同责任单位 cooperates, 牵头责任单位 leads, 分管省领导 is no party. Null when the words are no label.</summary>
    public static PartyRole? RoleOfLabel(ReadOnlySpan<char> label)
    {
        label = label.Trim();
        if (label.Length is < 2 or > 8) return null;
        foreach (var c in label)
            if (c is < '\u4e00' or > '\u9fff') return null;
        var l = label.ToString();
        if (PersonEndings.Any(e => l.EndsWith(e, StringComparison.Ordinal))) return PartyRole.Person;
        if (TimeEndings.Any(e => l.EndsWith(e, StringComparison.Ordinal))) return PartyRole.Time;
        if (!PartyEndings.Any(e => l.EndsWith(e, StringComparison.Ordinal))) return null;
        if (CooperateWords.Any(w => l.Contains(w, StringComparison.Ordinal))) return PartyRole.Cooperate;
        if (LeadWords.Any(w => l.Contains(w, StringComparison.Ordinal))) return PartyRole.Lead;
        return PartyRole.Responsible;
    }

    /// <summary>The label ending just before index <paramref name="colon"/> of the text (its longest run of words that reads
    /// as a label), or null.</summary>
    public static (int Start, PartyRole Role)? LabelBefore(string text, int colon)
    {
        for (var length = Math.Min(8, colon); length >= 2; length--)
        {
            var start = colon - length;
            if (RoleOfLabel(text.AsSpan(start, length)) is { } role) return (start, role);
        }
        return null;
    }

    /// <summary>The words that put a lead before its cooperating parties in one phrase: 民政部会同有关部门负责.</summary>
    public static readonly string[] Together = ["会同"];
}
