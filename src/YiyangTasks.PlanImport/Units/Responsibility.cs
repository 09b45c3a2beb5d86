using System.Text;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport;

/// <summary>Who answers for a task as one annotation or cell words it: （责任单位：…）, （…牵头负责，…配合）, （…按职责分工负责）.</summary>
internal sealed record Responsibility(
    IReadOnlyList<string> Leads,
    IReadOnlyList<string> Cooperating,
    ResponsibilityMode Mode,
    string? TimeWords,
    string? Leftover)
{
    /// <summary>Group placeholders named beside the units (有关部门, 各省级人民政府).</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>The words themselves say who leads (牵头, 配合, 牵头单位：), so no first-listed rule reorders them.</summary>
    public bool SaysWhoLeads { get; init; }

    public bool IsEmpty => Leads.Count == 0 && Cooperating.Count == 0 && Groups.Count == 0;

    public static readonly Responsibility None = new([], [], ResponsibilityMode.Jointly, null, null);

    /// <summary>Several annotations of one item (one after each group of sentences) read as one: explicit leads and
    /// cooperators keep their roles; plain lists join the leads in the order written.</summary>
    public static Responsibility Combine(IReadOnlyList<Responsibility> parts)
    {
        if (parts.Count == 1) return parts[0];
        var says = parts.Any(p => p.SaysWhoLeads);
        var leads = new List<string>();
        var cooperating = new List<string>();
        foreach (var part in parts)
        {
            // With an explicit lead somewhere, a plain list elsewhere in the item cooperates.
            if (says && !part.SaysWhoLeads) cooperating.AddRange(part.Leads);
            else leads.AddRange(part.Leads);
            cooperating.AddRange(part.Cooperating);
        }
        leads = leads.Distinct().ToList();
        // No group says who leads: the first unit of the first group leads, every other unit cooperates.
        if (!says && leads.Count > 1)
        {
            cooperating.InsertRange(0, leads.Skip(1));
            leads = [leads[0]];
        }
        cooperating = cooperating.Distinct().Where(u => !leads.Contains(u)).ToList();
        var mode = ResponsibilityMode.LeadAndCooperate;
        return new Responsibility(leads, cooperating, mode, parts.Select(p => p.TimeWords).FirstOrDefault(t => t is not null), null)
        {
            Groups = parts.SelectMany(p => p.Groups).Distinct().ToList(),
            SaysWhoLeads = says,
        };
    }
}

/// <summary>Reads the wording of responsibility into lead units, cooperating units, placeholders and a mode.</summary>
internal static class ResponsibilityReader
{
    /// <summary>An annotation's responsibility, or null when its words are not about units (（含中医院，下同）, （国卫老龄发〔2019〕60号）).</summary>
    public static Responsibility? Read(string words)
    {
        var pieces = Pieces(FirstListedLeadRule.Remove(words));
        if (pieces.Count == 0) return null;
        return pieces.Any(p => LabelOf(p) is not null) ? ReadLabelled(pieces) : ReadVerbs(pieces, requireUnits: true);
    }

    private static readonly string[] NotUnitsStarts = ["含", "包括", "包含", "指", "如", "即", "简称", "以下简称", "下同", "不含", "除", "其中", "试行", "暂行", "征求意见稿"];

    /// <summary>A bracket closing a group of sentences: its words of responsibility, or a bare list of units
    /// (（国家卫生健康委、民政部）) as some plans annotate; null for （含中医院） and （以下简称…）.</summary>
    public static Responsibility? ReadBracket(string words)
    {
        if (Read(words) is { } read) return read;
        var w = words.Trim();
        if (w.Length is 0 or > 160 || w.IndexOfAny(['：', ':', '。', '《', '“']) >= 0 || NotUnitsStarts.Any(s => w.StartsWith(s, StringComparison.Ordinal))) return null;
        var pieces = Pieces(FirstListedLeadRule.Remove(w));
        var time = pieces.Where(p => DeadlineReader.IsTimeWords(p)).ToList();
        var parties = Parties.Read(string.Join("、", pieces.Except(time)));
        if (parties.IsEmpty || !parties.Units.All(u => UnitNames.LooksLikeUnit(u))) return null;
        return new Responsibility(parties.Units, [], ResponsibilityMode.Jointly, time.Count > 0 ? string.Join("，", time) : null, null) { Groups = parties.Groups };
    }

    /// <summary>A table cell of responsible units: verbs when it has them (…牵头，…配合), else a plain list.</summary>
    public static Responsibility ReadCell(string cell)
    {
        if (string.IsNullOrWhiteSpace(cell)) return Responsibility.None;
        var pieces = Pieces(FirstListedLeadRule.Remove(cell));
        if (pieces.Any(p => LabelOf(p) is not null) && ReadLabelled(pieces) is { } labelled) return labelled;
        return ReadVerbs(pieces, requireUnits: false) ?? Plain(string.Join("，", pieces));
    }

    private static Responsibility Plain(string list)
    {
        var (lead, together) = SplitTogether(list);
        var parties = Parties.Read(lead);
        var with = Parties.Read(together);
        return new Responsibility(parties.Units, with.Units, with.Units.Count > 0 ? ResponsibilityMode.LeadAndCooperate : ResponsibilityMode.Jointly, null, null)
        {
            Groups = parties.Plus(with).Groups,
            SaysWhoLeads = together.Length > 0,
        };
    }

    private static Responsibility? ReadLabelled(List<string> pieces)
    {
        var byRole = new Dictionary<PartyRole, StringBuilder>();
        PartyRole? current = null;
        foreach (var piece in pieces)
        {
            var text = piece;
            if (LabelOf(piece) is { } label)
            {
                current = label.Role;
                text = piece[(label.Length + 1)..];
            }
            if (current is not { } role) continue;
            if (!byRole.TryGetValue(role, out var sb)) byRole[role] = sb = new StringBuilder();
            if (sb.Length > 0) sb.Append('，');
            sb.Append(text.Trim());
        }
        string Of(PartyRole r) => byRole.TryGetValue(r, out var sb) ? sb.ToString() : "";
        var time = Of(PartyRole.Time) is { Length: > 0 } t ? t : null;
        var lead = Parties.Read(Of(PartyRole.Lead));
        var cooperating = Parties.Read(Of(PartyRole.Cooperate));
        if (Of(PartyRole.Responsible) is { Length: > 0 } responsible)
        {
            var inner = ReadCell(responsible);
            if (lead.IsEmpty && cooperating.IsEmpty) return inner with { TimeWords = time };
            // 牵头单位：区发改局；责任单位：立山经济开发区 — beside a named lead, those responsible cooperate.
            var others = inner.Leads.Concat(inner.Cooperating).ToList();
            if (lead.IsEmpty) lead = new Parties(inner.Leads, inner.Groups);
            else cooperating = cooperating.Plus(new Parties(others, inner.Groups));
        }
        if (lead.IsEmpty && cooperating.IsEmpty) return null;
        var together = lead.Plus(cooperating);
        return new Responsibility(lead.Units, cooperating.Units.Where(u => !lead.Units.Contains(u)).ToList(), ResponsibilityMode.LeadAndCooperate, time, null)
        {
            Groups = together.Groups,
            SaysWhoLeads = true,
        };
    }

    private static Responsibility? ReadVerbs(List<string> pieces, bool requireUnits)
    {
        var leads = new List<string>();
        var cooperating = new List<string>();
        var groups = new List<string>();
        ResponsibilityMode? mode = null;
        string? time = null;
        var pending = new StringBuilder();
        var unitLike = 0;
        var names = 0;
        var explicitLead = false;
        var saysWhoLeads = false;
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
            var (first, together) = SplitTogether(pending.ToString());
            pending.Clear();
            var parties = Parties.Read(first);
            var with = Parties.Read(together);
            names += parties.Units.Count + parties.Groups.Count + with.Units.Count + with.Groups.Count;
            unitLike += parties.Units.Count(u => UnitNames.LooksLikeUnit(u)) + parties.Groups.Count + with.Units.Count(u => UnitNames.LooksLikeUnit(u)) + with.Groups.Count;
            groups.AddRange(parties.Groups);
            groups.AddRange(with.Groups);
            cooperating.AddRange(with.Units);
            if (together.Length > 0) saysWhoLeads = true;
            if (role == PartyRole.Cooperate)
            {
                cooperating.AddRange(parties.Units);
                saysWhoLeads = true;
            }
            // 民政部牵头，各地按职责分工负责: after an explicit lead, those merely responsible cooperate.
            else if (explicitLead && verbMode != ResponsibilityMode.LeadAndCooperate) cooperating.AddRange(parties.Units);
            else
            {
                leads.AddRange(parties.Units);
                if (verbMode == ResponsibilityMode.LeadAndCooperate || together.Length > 0) explicitLead = saysWhoLeads = true;
                mode ??= together.Length > 0 && verbMode == ResponsibilityMode.Jointly ? ResponsibilityMode.LeadAndCooperate : verbMode;
            }
        }
        if (leads.Count == 0 && cooperating.Count == 0 && groups.Count == 0) return null;
        // （含失智，下同） and （指…机构） are not responsibility: most of what stands before the verb must be units.
        if (requireUnits && unitLike * 2 <= names) return null;
        var finalMode = mode is null or ResponsibilityMode.Jointly && cooperating.Count > 0 ? ResponsibilityMode.LeadAndCooperate : mode ?? ResponsibilityMode.LeadAndCooperate;
        var leftover = pending.Length > 0 ? pending.ToString() : null;
        return new Responsibility(leads.Distinct().ToList(), cooperating.Distinct().Where(c => !leads.Contains(c)).ToList(), finalMode, time, leftover)
        {
            Groups = groups.Distinct().ToList(),
            SaysWhoLeads = saysWhoLeads,
        };
    }

    // 民政部会同有关部门负责: the lead, then those it works together with.
    private static (string Lead, string Together) SplitTogether(string list)
    {
        foreach (var word in ResponsibilityWords.Together)
        {
            var at = list.IndexOf(word, StringComparison.Ordinal);
            if (at > 1 && UnitNames.LooksLikeUnit(LastName(list[..at]))) return (list[..at], list[(at + word.Length)..]);
        }
        // 宣传处会办公室: 会 short for 会同 between two units (a unit's own name never runs 处会/局会 on into another unit).
        for (var at = list.IndexOf('会'); at > 1; at = list.IndexOf('会', at + 1))
        {
            var before = LastName(list[..at]);
            var after = list[(at + 1)..];
            if (list[at - 1] is '处' or '局' or '厅' or '室' or '科' or '司' && UnitNames.LooksLikeUnit(before)
                && after.Length >= 3 && UnitNames.LooksLikeUnit(FirstName(after)))
                return (list[..at], after);
        }
        return (list, "");
    }

    private static string FirstName(string text)
    {
        var cut = text.IndexOfAny(['、', '，', ',', '和', '及']);
        return cut < 0 ? text : text[..cut];
    }

    private static string LastName(string text)
    {
        var cut = text.LastIndexOfAny(['、', '，', ',', '和', '及']);
        return cut < 0 ? text : text[(cut + 1)..];
    }

    private static (string Verb, PartyRole Role, ResponsibilityMode Mode)? VerbOf(string piece)
    {
        foreach (var verb in ResponsibilityWords.Verbs)
        {
            if (piece.Length > verb.Verb.Length && piece.EndsWith(verb.Verb, StringComparison.Ordinal)) return verb;
        }
        return null;
    }

    /// <summary>Where words of responsibility start with a label (责任单位：…, 牵头负责领导：…) outside brackets, or -1.</summary>
    public static int LabelStart(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '（' or '(' or '〔' or '【' or '《') depth++;
            else if (c is '）' or ')' or '〕' or '】' or '》') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && c is '：' or ':' && i >= 2 && ResponsibilityWords.LabelBefore(text, i) is { Role: not PartyRole.Time } label) return label.Start;
        }
        return -1;
    }

    private static (int Length, PartyRole Role)? LabelOf(string piece)
    {
        var colon = piece.IndexOfAny(['：', ':']);
        if (colon < 2 || colon > 8 || colon == piece.Length - 1) return null;
        return ResponsibilityWords.RoleOfLabel(piece.AsSpan(0, colon)) is { } role ? (colon, role) : null;
    }

    // Top-level pieces between ，；; (brackets kept whole); 、 stays inside a piece, it lists units.
    private static List<string> Pieces(string words)
    {
        var pieces = new List<string>();
        var sb = new StringBuilder();
        var depth = 0;
        foreach (var c in words)
        {
            if (c is '（' or '(' or '〔' or '《') depth++;
            else if (c is '）' or ')' or '〕' or '》') depth = Math.Max(0, depth - 1);
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
