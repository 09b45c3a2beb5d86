namespace YiyangTasks.PlanImport;

/// <summary>Resolves a parsed plan's written unit names to a jurisdiction's canonical units, warning about unknown names.</summary>
public static class PlanUnitResolver
{
    public static ParsedPlan Resolve(ParsedPlan plan, UnitDirectory directory)
    {
        var warnings = plan.Warnings.ToList();
        var tasks = plan.Tasks.Select(task => task with
        {
            LeadUnits = Canonical(task, task.LeadUnits, directory, warnings),
            CooperatingUnits = Canonical(task, task.CooperatingUnits, directory, warnings),
        }).ToList();
        return plan with { Tasks = tasks, Warnings = warnings.OrderBy(w => w.Line ?? int.MaxValue).ToList() };
    }

    /// <summary>The warning for a name the directory does not know, in the office's words, with the nearest known units:
    /// 第3项任务：未知单位"市人力资源社会保障部门"，是否为：市人社局？</summary>
    public static ParseWarning UnknownUnit(ParsedTask task, string writtenName, IReadOnlyList<string> suggestions) =>
        new(task.Source.First, ParseWarningCodes.UnknownUnit, $"第{task.Number}项任务：未知单位“{writtenName.Trim()}”" +
            (suggestions.Count > 0 ? $"，是否为：{string.Join("、", suggestions)}？" : "，单位名录中没有相近的单位，将作为新单位登记。"));

    private static List<string> Canonical(ParsedTask task, IReadOnlyList<string> written, UnitDirectory directory, List<ParseWarning> warnings)
    {
        var names = new List<string>();
        foreach (var name in written)
        {
            var resolution = directory.Resolve(name);
            if (resolution.Unit is null) warnings.Add(UnknownUnit(task, name, directory.Suggest(name)));
            var canonical = resolution.Unit?.Name ?? name;
            // 国土资源局 and 城乡规划局 are one unit today: name it once.
            if (!names.Contains(canonical)) names.Add(canonical);
        }
        return names;
    }
}
