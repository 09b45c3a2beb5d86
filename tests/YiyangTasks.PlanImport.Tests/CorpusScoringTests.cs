using Xunit.Abstractions;

namespace YiyangTasks.PlanImport.Tests;

/// <summary>The importer read against documents it was not written for: every corpus document (Corpus/) parsed
/// with no unit directory and compared with its golden parse. Targets (issue 12): every real document's task count
/// exact, at least 98% of all tasks with the exact lead and cooperating units, no document with no task.
/// See the table with: dotnet test tests/YiyangTasks.PlanImport.Tests --filter CorpusScoringTests --logger "console;verbosity=detailed"
/// (or tests/YiyangTasks.PlanImport.Tests/score-corpus.sh).</summary>
public class CorpusScoringTests(ITestOutputHelper output)
{
    private const double ExactUnitsTarget = 0.98;

    [Fact]
    public void The_corpus_has_real_documents_each_with_a_golden_parse()
    {
        Assert.NotEmpty(Corpus.All);
        Assert.All(Corpus.All, d => Assert.NotEmpty(d.Golden.Tasks));
        Assert.All(Corpus.All.Where(d => d.Golden.Constructed), d => Assert.False(string.IsNullOrWhiteSpace(d.Golden.Convention)));
        Assert.Contains(Corpus.All, d => !d.Golden.Constructed);
    }

    [Fact]
    public void Corpus_reads_within_the_targets()
    {
        var scores = Corpus.All.Select(d => DocumentScore.Of(d, PlanDocumentParser.Parse(d.Text))).ToList();
        var table = ScoreTable.Markdown(scores);
        var misses = ScoreTable.Misses(scores);
        output.WriteLine(table);
        output.WriteLine(misses);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "corpus-score.md"), table + Environment.NewLine + misses);

        var failures = new List<string>();
        failures.AddRange(scores.Where(s => !s.Constructed && !s.CountRight)
            .Select(s => $"{s.Slug}: {s.Found} tasks found, {s.Expected} expected"));
        failures.AddRange(scores.Where(s => s.Found == 0).Select(s => $"{s.Slug}: no task found"));
        int expected = scores.Sum(s => s.Expected), exact = scores.Sum(s => s.ExactUnits);
        if (exact < ExactUnitsTarget * expected)
            failures.Add($"exact lead and cooperating units for {exact} of {expected} tasks ({ScoreTable.Percent(exact, expected)}), target {ExactUnitsTarget:P0}");

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures) + Environment.NewLine + table);
    }
}
