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

    private static List<string> Canonical(ParsedTask task, IReadOnlyList<string> written, UnitDirectory directory, List<ParseWarning> warnings)
    {
        var names = new List<string>();
        foreach (var name in written)
        {
            var resolution = directory.Resolve(name);
            if (resolution.Unit is null)
                warnings.Add(new ParseWarning(task.Source.First, ParseWarningCodes.UnknownUnit, $"task {task.Number}: '{name}' is not a known unit"));
            var canonical = resolution.Unit?.Name ?? name;
            // 国土资源局 and 城乡规划局 are one unit today: name it once.
            if (!names.Contains(canonical)) names.Add(canonical);
        }
        return names;
    }
}
