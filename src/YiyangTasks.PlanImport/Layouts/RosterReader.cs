namespace YiyangTasks.PlanImport;

/// <summary>Reads an annex listing member units and liaisons (成员及联络员名单, 领导小组名单) into the plan's unit directory.</summary>
internal static class RosterReader
{
    private enum Role { Leader, Member, Liaison, MemberUnits }

    private static readonly (string Label, Role Role)[] Labels =
    [
        ("副召集人", Role.Leader), ("召集人", Role.Leader), ("副组长", Role.Leader), ("组长", Role.Leader), ("主任", Role.Leader), ("副主任", Role.Leader),
        ("成员单位", Role.MemberUnits), ("成员", Role.Member), ("联络员", Role.Liaison),
    ];

    public static List<DirectoryUnit> Read(IReadOnlyList<DocumentLine> lines)
    {
        var units = new List<(string Name, List<Liaison> Liaisons, List<Liaison> Members)>();
        var inRoster = false;
        Role? role = null;
        foreach (var line in lines)
        {
            var text = line.Text;
            if (text.Length == 0) continue;
            if (text.Length <= 60 && text.Contains("名单", StringComparison.Ordinal) && !text.Contains('。'))
            {
                inRoster = true;
                role = null;
                continue;
            }
            if (!inRoster) continue;
            // Names and units never end in 。: a sentence or the next annex ends the roster.
            if (text.StartsWith("附件", StringComparison.Ordinal) || text.Contains('。')) { inRoster = false; continue; }

            var rest = text;
            if (LabelOf(text) is { } label)
            {
                role = label.Role;
                rest = label.Remainder;
            }
            if (role is null || rest.Length == 0) continue;
            if (role == Role.MemberUnits)
            {
                foreach (var name in UnitListSplitter.Split(rest)) Entry(units, name);
                continue;
            }
            if (role == Role.Leader || ReadPerson(rest) is not { } person) continue;
            var entry = Entry(units, person.Unit);
            (role == Role.Liaison ? entry.Liaisons : entry.Members).Add(person.Person);
        }
        return units.Select(u => new DirectoryUnit(u.Name, u.Liaisons) { Representatives = u.Members }).ToList();
    }

    private static (string Name, List<Liaison> Liaisons, List<Liaison> Members) Entry(
        List<(string Name, List<Liaison> Liaisons, List<Liaison> Members)> units, string name)
    {
        foreach (var unit in units)
        {
            if (unit.Name == name) return unit;
        }
        units.Add((name, [], []));
        return units[^1];
    }

    // "成 员：刘水金 区政府办四级主任科员": the label may be spaced out to align the column.
    private static (Role Role, string Remainder)? LabelOf(string text)
    {
        var colon = text.IndexOfAny(['：', ':']);
        if (colon < 1 || colon > 12) return null;
        var label = text[..colon].Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal);
        foreach (var (name, role) in Labels)
        {
            if (label == name) return (role, text[(colon + 1)..].Trim());
        }
        return null;
    }

    // "高 荃 区政府副区长", "刘俊 区民政局养老股股长 13800000000": name, then unit and title run together, then a phone.
    private static (string Unit, Liaison Person)? ReadPerson(string text)
    {
        var tokens = text.Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
        string? phone = null;
        if (tokens.Count > 2 && IsPhone(tokens[^1]))
        {
            phone = tokens[^1];
            tokens.RemoveAt(tokens.Count - 1);
        }
        if (tokens.Count < 2) return null;
        var name = string.Concat(tokens.Take(tokens.Count - 1));
        var unitAndTitle = tokens[^1];
        if (name.Length is < 2 or > 6 || !name.All(c => c is >= '\u4e00' and <= '\u9fff' or '·') || unitAndTitle.Length > 60) return null;
        var cut = UnitNames.ShortestUnitPrefix(unitAndTitle);
        if (cut < 0) return null;
        var title = unitAndTitle[cut..];
        return (unitAndTitle[..cut], new Liaison(name, title.Length > 0 ? title : null, phone));
    }

    private static bool IsPhone(string token) =>
        token.Length is >= 7 and <= 20 && token.Count(char.IsAsciiDigit) >= 7 && token.All(c => char.IsAsciiDigit(c) || c is '-' or '—' or '(' or ')' or '（' or '）' or '+');
}
