namespace YiyangTasks.PlanImport.Tests;

public class ScratchTests
{
    [Fact]
    public void Dump()
    {
        foreach (var seed in Seeds.All)
        {
            var plan = Seeds.Parse(seed);
            var sb = new System.Text.StringBuilder();
            sb.AppendLine($"== {seed}: title={plan.Title} no={plan.DocumentNumber} body={plan.IssuingBody} date={plan.IssuedOn} jur={plan.Jurisdiction} tasks={plan.Tasks.Count} members={plan.Members.Count}");
            foreach (var t in plan.Tasks)
                sb.AppendLine($"#{t.Number} L{t.Source.First}-{t.Source.Last} {t.Mode} lead=[{string.Join("|", t.LeadUnits)}] coop=[{string.Join("|", t.CooperatingUnits)}] dl=[{string.Join("|", t.Deadlines.Select(d => d.Date + " " + d.Words))}] rel={t.RelativeDeadline} h={t.Heading} :: {t.Text[..Math.Min(30, t.Text.Length)]}");
            foreach (var m in plan.Members)
                sb.AppendLine($"M {m.Name} liaisons=[{string.Join("|", m.Liaisons.Select(l => l.Name + "/" + l.Title + "/" + l.Phone))}] reps=[{string.Join("|", m.Representatives.Select(l => l.Name + "/" + l.Title))}]");
            foreach (var w in plan.Warnings) sb.AppendLine($"W {w.Line} {w.Code} {w.Message}");
            var dir = UnitDirectory.For(plan.Jurisdiction ?? "信阳市");
            var resolved = PlanDocumentParser.Parse(Seeds.Text(seed), dir);
            foreach (var w in resolved.Warnings.Where(w => w.Code == "unknown-unit")) sb.AppendLine($"U {w.Line} {w.Message}");
            File.WriteAllText($"/tmp/dump_{seed}", sb.ToString());
        }
    }
}
