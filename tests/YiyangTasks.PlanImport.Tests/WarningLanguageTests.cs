using System.Text.RegularExpressions;

namespace YiyangTasks.PlanImport.Tests;

/// <summary>
/// The importer's warnings are read by the office that imports its plan: they are Chinese. Only what they quote from
/// the document (inside “…”) may hold other letters.
/// </summary>
public partial class WarningLanguageTests
{
    [Fact]
    public void Every_warning_of_the_corpus_seeds_csv_and_mutated_documents_is_written_in_chinese()
    {
        var random = new Random(20261202);
        var texts = Corpus.All.Select(d => d.Text).Concat(Seeds.All.Select(Seeds.Text)).ToList();
        texts.AddRange(texts.Take(12).Select(t => MutationTests.Mutate(t, random)).ToList());
        var warnings = texts.SelectMany(t => PlanDocumentParser.Parse(t, UnitDirectory.For("信阳市")).Warnings
                .Concat(PlanCsvReader.Read(t).Warnings))
            .Concat(PlanCsvReader.Read("序号,工作任务,牵头单位\n1,推进医养结合,市卫健委,市民政局,多余\n").Warnings)
            .Concat(PlanCsvReader.Read("").Warnings)
            .ToList();

        Assert.True(warnings.Select(w => w.Code).Distinct().Count() >= 4, "the documents should raise several kinds of warning");
        Assert.All(warnings, w =>
        {
            var unquoted = Quoted().Replace(w.Message, "").Replace("CSV", ""); // CSV文件 is how offices name it
            Assert.False(Latin().IsMatch(unquoted), $"{w.Code}: {w.Message}");
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", unquoted);
        });
    }

    [GeneratedRegex("“[^”]*”")]
    private static partial Regex Quoted();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Latin();
}
