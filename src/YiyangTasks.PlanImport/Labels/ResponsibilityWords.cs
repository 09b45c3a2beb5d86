using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport;

/// <summary>What a party is to a task, as the words around it say.</summary>
internal enum PartyRole { Lead, Cooperate, Responsible, Time }

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

    /// <summary>Labels a list of units follows (责任单位：…), in annotations and as table headers.</summary>
    public static readonly (string Label, PartyRole Role)[] Labels =
    [
        ("牵头责任单位", PartyRole.Lead), ("牵头单位", PartyRole.Lead), ("牵头部门", PartyRole.Lead), ("主办单位", PartyRole.Lead),
        ("主责单位", PartyRole.Lead), ("主责部门", PartyRole.Lead), ("承办单位", PartyRole.Lead), ("主要责任单位", PartyRole.Lead),
        ("配合单位", PartyRole.Cooperate), ("配合部门", PartyRole.Cooperate), ("协办单位", PartyRole.Cooperate), ("协办部门", PartyRole.Cooperate),
        ("参与单位", PartyRole.Cooperate), ("参与部门", PartyRole.Cooperate), ("协同单位", PartyRole.Cooperate), ("协同部门", PartyRole.Cooperate),
        ("协作单位", PartyRole.Cooperate), ("协助单位", PartyRole.Cooperate), ("配合责任单位", PartyRole.Cooperate),
        ("责任单位", PartyRole.Responsible), ("负责单位", PartyRole.Responsible), ("责任部门", PartyRole.Responsible), ("负责部门", PartyRole.Responsible),
        ("指导部门", PartyRole.Responsible), ("实施单位", PartyRole.Responsible), ("实施部门", PartyRole.Responsible), ("实施主体", PartyRole.Responsible),
        ("责任主体", PartyRole.Responsible), ("落实单位", PartyRole.Responsible), ("责任处室", PartyRole.Responsible), ("责任科室", PartyRole.Responsible),
        ("完成时限", PartyRole.Time), ("完成时间", PartyRole.Time), ("时间要求", PartyRole.Time), ("时间节点", PartyRole.Time), ("时限要求", PartyRole.Time),
        ("进度安排", PartyRole.Time), ("时限", PartyRole.Time),
    ];

    /// <summary>The words that put a lead before its cooperating parties in one phrase: 民政部会同有关部门负责.</summary>
    public static readonly string[] Together = ["会同"];
}
