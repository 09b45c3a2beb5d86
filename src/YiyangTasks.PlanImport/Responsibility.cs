using System.Text;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport;

/// <summary>Who answers for a task as one annotation or cell words it: （责任单位：…）, （…牵头，…配合）, （…按职责分工负责）.</summary>
internal sealed record Responsibility(
    IReadOnlyList<string> Leads,
    IReadOnlyList<string> Cooperating,
    ResponsibilityMode Mode,
    string? TimeWords,
    string? Leftover);

/// <summary>Reads the wording of responsibility into lead units, cooperating units and a mode.</summary>
internal static class ResponsibilityReader
{
    private enum Role { Lead, Cooperate, Responsible, Time }

    private static readonly (string Verb, Role Role, ResponsibilityMode Mode)[] Verbs =
    [
        ("按照各自职责负责", Role.Lead, ResponsibilityMode.ByDuty),
        ("按照职责分工负责", Role.Lead, ResponsibilityMode.ByDuty),
        ("按职责分工负责", Role.Lead, ResponsibilityMode.ByDuty),
        ("按各自职责负责", Role.Lead, ResponsibilityMode.ByDuty),
        ("按职分工负责", Role.Lead, ResponsibilityMode.ByDuty), // 茂名 item 10 writes 按职分工负责
        ("按职责负责", Role.Lead, ResponsibilityMode.ByDuty),
        ("依职责负责", Role.Lead, ResponsibilityMode.ByDuty),
        ("牵头负责", Role.Lead, ResponsibilityMode.LeadAndCooperate),
        ("分别负责", Role.Lead, ResponsibilityMode.EachResponsibleForOwnPart),
        ("各自负责", Role.Lead, ResponsibilityMode.EachResponsibleForOwnPart),
        ("共同负责", Role.Lead, ResponsibilityMode.Jointly),
        ("负责落实", Role.Lead, ResponsibilityMode.Jointly),
        ("负责", Role.Lead, ResponsibilityMode.Jointly),
        ("牵头", Role.Lead, ResponsibilityMode.LeadAndCooperate),
        ("配合", Role.Cooperate, ResponsibilityMode.LeadAndCooperate),
        ("协助", Role.Cooperate, ResponsibilityMode.LeadAndCooperate),
        ("协同", Role.Cooperate, ResponsibilityMode.LeadAndCooperate),
        ("参与", Role.Cooperate, ResponsibilityMode.LeadAndCooperate),
    ];

    private static readonly (string Label, Role Role)[] Labels =
    [
        ("牵头单位", Role.Lead), ("牵头部门", Role.Lead), ("主办单位", Role.Lead), ("主责单位", Role.Lead),
        ("配合单位", Role.Cooperate), ("配合部门", Role.Cooperate), ("协办单位", Role.Cooperate), ("参与单位", Role.Cooperate), ("协同单位", Role.Cooperate),
        ("责任单位", Role.Responsible), ("负责单位", Role.Responsible), ("责任部门", Role.Responsible), ("负责部门", Role.Responsible),
        ("指导部门", Role.Responsible), ("实施单位", Role.Responsible), ("责任主体", Role.Responsible),
        ("完成时限", Role.Time), ("完成时间", Role.Time), ("时间要求", Role.Time), ("时间节点", Role.Time), ("时限", Role.Time),
    ];

    /// <summary>An annotation's responsibility, or null when its words are not about units (（含中医院，下同）, （国卫老龄发〔2019〕60号）).</summary>
    public static Responsibility? Read(string words)
    {
        var pieces = Pieces(FirstListedLeadRule.Remove(words));
        if (pieces.Count == 0) return null;
        return pieces.Any(p => LabelOf(p) is not null) ? ReadLabelled(pieces) : ReadVerbs(pieces, requireUnits: true);
    }

    /// <summary>A table cell of responsible units: verbs when it has them (…牵头，…配合), else a plain list.</summary>
    public static Responsibility ReadCell(string cell)
    {
        var pieces = Pieces(FirstListedLeadRule.Remove(cell));
        return ReadVerbs(pieces, requireUnits: false) ?? Plain(string.Join("，", pieces));
    }

    private static Responsibility Plain(string list) =>
        new(UnitListSplitter.Split(list), [], ResponsibilityMode.Jointly, null, null);

    private static Responsibility? ReadLabelled(List<string> pieces)
    {
        var byRole = new Dictionary<Role, StringBuilder>();
        Role? current = null;
        foreach (var piece in pieces)
        {
            var text = piece;
            if (LabelOf(piece) is { } label)
            {
                current = label.Role;
                text = piece[(label.Label.Length + 1)..];
            }
            if (current is not { } role) continue;
            if (!byRole.TryGetValue(role, out var sb)) byRole[role] = sb = new StringBuilder();
            if (sb.Length > 0) sb.Append('，');
            sb.Append(text.Trim());
        }
        string Of(Role r) => byRole.TryGetValue(r, out var sb) ? sb.ToString() : "";
        var time = Of(Role.Time);
        var leads = UnitListSplitter.Split(Of(Role.Lead)).ToList();
        var cooperating = UnitListSplitter.Split(Of(Role.Cooperate)).ToList();
        if (Of(Role.Responsible) is { Length: > 0 } responsible)
        {
            var inner = ReadCell(responsible);
            leads.AddRange(inner.Leads);
            cooperating.AddRange(inner.Cooperating);
            if (leads.Count == inner.Leads.Count && cooperating.Count == inner.Cooperating.Count)
                return inner with { TimeWords = time.Length > 0 ? time : null };
        }
        if (leads.Count == 0 && cooperating.Count == 0) return null;
        return new Responsibility(leads, cooperating, ResponsibilityMode.LeadAndCooperate, time.Length > 0 ? time : null, null);
    }

    private static Responsibility? ReadVerbs(List<string> pieces, bool requireUnits)
    {
        var leads = new List<string>();
        var cooperating = new List<string>();
        ResponsibilityMode? mode = null;
        string? time = null;
        var pending = new StringBuilder();
        var unitLike = 0;
        var names = 0;
        foreach (var piece in pieces)
        {
            var verb = VerbOf(piece);
            if (verb is null)
            {
                if (pending.Length == 0 && DeadlineReader.IsTimeWords(piece)) time = time is null ? piece : time + "，" + piece;
                else pending.Append(pending.Length > 0 ? "，" : "").Append(piece);
                continue;
            }
            var (word, role, verbMode) = verb.Value;
            pending.Append(pending.Length > 0 ? "，" : "").Append(piece.AsSpan(0, piece.Length - word.Length));
            var units = UnitListSplitter.Split(pending.ToString());
            pending.Clear();
            names += units.Count;
            unitLike += units.Count(u => UnitNames.LooksLikeUnit(u));
            if (role == Role.Cooperate) cooperating.AddRange(units);
            else
            {
                leads.AddRange(units);
                mode ??= verbMode;
            }
        }
        if (leads.Count == 0 && cooperating.Count == 0) return null;
        // （含失智，下同） and （指…机构） are not responsibility: most of what stands before the verb must be units.
        if (requireUnits && unitLike * 2 <= names) return null;
        var finalMode = mode is null or ResponsibilityMode.Jointly && cooperating.Count > 0 ? ResponsibilityMode.LeadAndCooperate : mode ?? ResponsibilityMode.LeadAndCooperate;
        var leftover = pending.Length > 0 ? pending.ToString() : null;
        return new Responsibility(leads, cooperating, finalMode, time, leftover);
    }

    private static (string Verb, Role Role, ResponsibilityMode Mode)? VerbOf(string piece)
    {
        foreach (var verb in Verbs)
        {
            if (piece.Length > verb.Verb.Length && piece.EndsWith(verb.Verb, StringComparison.Ordinal)) return verb;
        }
        return null;
    }

    /// <summary>Where words of responsibility start with a label (责任单位：…) outside brackets, or -1.</summary>
    public static int LabelStart(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '（' or '(' or '【' or '《') depth++;
            else if (c is '）' or ')' or '】' or '》') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && c is '：' or ':' && i >= 2)
            {
                foreach (var (label, role) in Labels)
                {
                    if (role != Role.Time && i >= label.Length && string.CompareOrdinal(text, i - label.Length, label, 0, label.Length) == 0) return i - label.Length;
                }
            }
        }
        return -1;
    }

    private static (string Label, Role Role)? LabelOf(string piece)
    {
        foreach (var label in Labels)
        {
            if (piece.Length > label.Label.Length && piece.StartsWith(label.Label, StringComparison.Ordinal) && piece[label.Label.Length] is '：' or ':')
                return label;
        }
        return null;
    }

    // Top-level pieces between ，；; (brackets kept whole); 、 stays inside a piece, it lists units.
    private static List<string> Pieces(string words)
    {
        var pieces = new List<string>();
        var sb = new StringBuilder();
        var depth = 0;
        foreach (var c in words)
        {
            if (c is '（' or '(' or '《') depth++;
            else if (c is '）' or ')' or '》') depth = Math.Max(0, depth - 1);
            if (depth == 0 && c is '，' or ',' or '；' or ';' or '。')
            {
                Flush();
                continue;
            }
            sb.Append(c);
        }
        Flush();
        return pieces;

        void Flush()
        {
            var piece = sb.ToString().Trim().Trim('\u3000');
            if (piece.Length > 0) pieces.Add(piece);
            sb.Clear();
        }
    }
}
