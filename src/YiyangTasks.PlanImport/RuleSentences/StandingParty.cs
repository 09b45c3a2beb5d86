using System.Text.RegularExpressions;

namespace YiyangTasks.PlanImport;

/// <summary>A party a plan names once for every task from here on, instead of in each bracket: 国办发 notices write
/// （…按职责分工负责，地方各级人民政府负责落实。以下均需地方各级人民政府落实，不再列出）, provincial plans
/// 〔责任单位：…。具体任务均涉及相关市(州)人民政府，不再做分工，下同。〕. The party is a group placeholder on that task
/// and on every later one.</summary>
internal static partial class StandingParty
{
    [GeneratedRegex(@"以下均(?:需|由|要)(?<party>[^，,。；;（）()]+?)(?:负责)?落实[，,]\s*不再(?:一一)?列出")]
    private static partial Regex NotListedAgain();

    [GeneratedRegex(@"均涉及(?<party>[^，,。；;]+?)[，,]\s*不再(?:做|作|进行)?分工[，,]\s*下同")]
    private static partial Regex NotAssignedAgain();

    /// <summary>The tasks with each standing party added from the task that states it on; the sentence itself is no party.</summary>
    public static List<ParsedTask> Apply(List<ParsedTask> tasks)
    {
        var standing = new List<string>();
        var result = new List<ParsedTask>(tasks.Count);
        foreach (var task in tasks)
        {
            var stated = Find(task.Text);
            var groups = task.GroupParties.Where(g => !stated.Any(s => g != s && g.EndsWith(s, StringComparison.Ordinal))).ToList();
            standing.AddRange(stated.Where(s => !standing.Contains(s)));
            groups.AddRange(standing.Where(s => !groups.Contains(s)));
            result.Add(stated.Count == 0 && standing.Count == 0 ? task : task with { GroupParties = groups });
        }
        return result;
    }

    private static List<string> Find(string text) =>
        NotListedAgain().Matches(text).Concat(NotAssignedAgain().Matches(text))
            .Select(m => m.Groups["party"].Value.Trim())
            .Where(p => p.Length > 0)
            .Distinct()
            .ToList();
}
