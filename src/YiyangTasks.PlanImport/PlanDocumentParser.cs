using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport;

/// <summary>Reads a published plan's text into its heading facts, numbered tasks with their units and deadlines, and its member directory.</summary>
public static class PlanDocumentParser
{
    /// <summary>The plan as written: unit names as the text writes them. Never throws.</summary>
    public static ParsedPlan Parse(string text)
    {
        try
        {
            return Read(text ?? "");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A reader bug must not take the import down: say so and yield nothing rather than guess.
            return Empty(new ParseWarning(null, ParseWarningCodes.ReaderFailure, "文件未能读取，未导入任何内容"));
        }
    }

    /// <summary>The plan with unit names resolved to the directory's canonical names; unknown names are kept as
    /// written and warned about ("unknown-unit").</summary>
    public static ParsedPlan Parse(string text, UnitDirectory directory)
    {
        var plan = Parse(text);
        return directory is null ? plan : PlanUnitResolver.Resolve(plan, directory);
    }

    private static ParsedPlan Read(string text)
    {
        var lines = DocumentLine.Split(text);
        var header = PlanHeaderReader.Read(lines);
        var (tasks, warnings) = TaskList(lines);
        tasks = FirstListedLeads(text, lines, tasks);
        tasks = StandingParty.Apply(tasks);
        warnings.AddRange(DeclaredCount.Check(lines, tasks));
        if (tasks.Count == 0) warnings.Add(new ParseWarning(null, ParseWarningCodes.NoTaskList, "未找到写明责任单位的编号任务清单"));
        else warnings.AddRange(Numbering(tasks, out tasks));
        warnings.AddRange(DeadlineWarnings.Check(tasks, header.IssuedOn));
        var members = RosterReader.Read(lines);
        return new ParsedPlan(header.Title, header.DocumentNumber, header.IssuingBody, header.IssuedOn, tasks, members,
            warnings.OrderBy(w => w.Line ?? int.MaxValue).ToList())
        {
            Jurisdiction = header.Jurisdiction,
        };
    }

    // The shapes are tried alike; the one that finds the most tasks is the plan's task list.
    private static (List<ParsedTask>, List<ParseWarning>) TaskList(IReadOnlyList<DocumentLine> lines)
    {
        var readers = new Func<IReadOnlyList<DocumentLine>, List<ParseWarning>, List<ParsedTask>>[]
        {
            TextTableReader.Read, FlatTableReader.Read, AnnotatedItemReader.Read, DutyListReader.Read, CardReader.Read, SpacedTableReader.Read,
        };
        (List<ParsedTask> Tasks, List<ParseWarning> Warnings) best = ([], []);
        foreach (var read in readers)
        {
            var warnings = new List<ParseWarning>();
            var tasks = read(lines, warnings);
            if (tasks.Count > best.Tasks.Count) best = (tasks, warnings);
        }
        return best;
    }

    // 列第一位者为牵头单位，下同: stated in a task, it holds there (and below with 下同); stated outside the
    // task list (a note above or under it), it holds for every task.
    private static List<ParsedTask> FirstListedLeads(string text, IReadOnlyList<DocumentLine> lines, List<ParsedTask> tasks)
    {
        if (FirstListedLeadRule.Find(text) is null) return tasks;
        var result = new List<ParsedTask>(tasks.Count);
        var holds = false;
        var statedInTask = false;
        foreach (var task in tasks)
        {
            var here = FirstListedLeadRule.Find(task.Text);
            if (here is not null) statedInTask = true;
            var applies = holds || here is not null;
            if (here is { AndBelow: true }) holds = true;
            result.Add(applies ? WithFirstListedLeading(task) : task);
        }
        if (statedInTask) return result;
        var statedOutside = lines.Any(l => FirstListedLeadRule.Find(l.Text) is not null);
        return statedOutside ? tasks.Select(WithFirstListedLeading).ToList() : result;
    }

    // A plain list (…负责) or one by duty (…按职责分工负责): the first listed leads, the rest cooperate; a list
    // by duty keeps its mode. Lists that say who leads (牵头/配合) or that each answers for its part stay as written.
    private static ParsedTask WithFirstListedLeading(ParsedTask task) =>
        task.Mode is ResponsibilityMode.Jointly or ResponsibilityMode.ByDuty && task.CooperatingUnits.Count == 0 && task.LeadUnits.Count > 1
            ? task with
            {
                LeadUnits = [task.LeadUnits[0]],
                CooperatingUnits = task.LeadUnits.Skip(1).ToList(),
                Mode = task.Mode == ResponsibilityMode.ByDuty ? ResponsibilityMode.ByDuty : ResponsibilityMode.LeadAndCooperate,
            }
            : task;

    // Numbers are the plan's own; when lists restart (1、2 under each heading) they are renumbered in order.
    private static List<ParseWarning> Numbering(List<ParsedTask> tasks, out List<ParsedTask> numbered)
    {
        var warnings = new List<ParseWarning>();
        numbered = tasks;
        if (tasks.Select(t => t.Number).Distinct().Count() != tasks.Count)
        {
            warnings.Add(new ParseWarning(tasks[0].Source.First, ParseWarningCodes.Numbering, "任务序号重复（各部分分别从1编号），已按文中先后统一编为1、2、3……"));
            numbered = tasks.Select((t, i) => t with { Number = i + 1 }).ToList();
            return warnings;
        }
        for (var i = 1; i < tasks.Count; i++)
        {
            if (tasks[i].Number != tasks[i - 1].Number + 1)
                warnings.Add(new ParseWarning(tasks[i].Source.First, ParseWarningCodes.Numbering, $"第{tasks[i].Number}项紧接在第{tasks[i - 1].Number}项之后，序号不连续"));
        }
        return warnings;
    }

    internal static ParsedPlan Empty(ParseWarning warning) => new(null, null, null, null, [], [], [warning]);
}
