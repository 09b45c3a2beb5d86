using System.Text;

namespace YiyangTasks.PlanImport.Tests;

/// <summary>Bytes become text, or a clear refusal; the CSV table; and no input makes the parser throw or hang.</summary>
public class InputSpecs
{
    private const string Plan = "1、建立机制。（县卫健委牵头，县民政局配合）";

    [Fact]
    public void Utf8_with_and_without_a_BOM_and_GB18030_are_read()
    {
        Assert.Equal(Plan, PlanDocumentDecoder.Decode(Encoding.UTF8.GetBytes(Plan)).Text);
        Assert.Equal(Plan, PlanDocumentDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Plan)]).Text);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = PlanDocumentDecoder.Decode(Encoding.GetEncoding("GB18030").GetBytes(Plan));
        Assert.Equal(Plan, gb.Text);
        Assert.Equal("gb18030", gb.Encoding);
    }

    [Fact]
    public void Empty_and_binary_documents_are_refused_with_a_reason()
    {
        Assert.NotNull(PlanDocumentDecoder.Decode([]).Refusal);
        Assert.NotNull(PlanDocumentDecoder.Decode([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08]).Refusal); // a zip (docx)
        Assert.NotNull(PlanDocumentDecoder.Decode(Encoding.UTF8.GetBytes("   \n  ")).Refusal);
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        Assert.Null(PlanDocumentDecoder.Decode(random).Text);
    }

    [Fact]
    public void The_csv_table_is_read_with_or_without_a_BOM_with_quoted_fields()
    {
        var csv = "\uFEFF序号,工作任务,牵头单位,配合单位,完成时限\r\n" +
                  "1,\"建立机制，完善制度\",县卫健委,\"县民政局、县医保局\",2024年底前\r\n" +
                  "2,\"多行\n任务\",县民政局,,2024-06-30\r\n";
        var plan = PlanCsvReader.Read(csv);
        Assert.Equal([1, 2], plan.Tasks.Select(t => t.Number));
        Assert.Equal("建立机制，完善制度", plan.Tasks[0].Text);
        Assert.Equal(["县民政局", "县医保局"], plan.Tasks[0].CooperatingUnits);
        Assert.Equal(new DateOnly(2024, 12, 31), plan.Tasks[0].Deadlines.Single().Date);
        Assert.Equal("多行\n任务", plan.Tasks[1].Text);
        Assert.Equal(new DateOnly(2024, 6, 30), plan.Tasks[1].Deadlines.Single().Date);

        var english = PlanCsvReader.Read("number,task,lead,cooperating,deadline\n1,Build it,市卫健委,,\n");
        Assert.Equal(["市卫健委"], english.Tasks.Single().LeadUnits);
        Assert.Contains(PlanCsvReader.Read("a,b\n1,2\n").Warnings, w => w.Code == "no-task-list");
    }

    [Fact]
    public void Random_mutations_of_the_seeds_never_throw_and_always_answer_tasks_or_warnings()
    {
        var random = new Random(20261123);
        foreach (var seed in new[] { Seeds.Yanling, Seeds.Xunyang, Seeds.Xinyang, Seeds.Maoming })
        {
            var text = Seeds.Text(seed);
            for (var i = 0; i < 40; i++)
            {
                var mutated = Mutate(text, random);
                var plan = PlanDocumentParser.Parse(mutated);
                Assert.True(plan.Tasks.Count > 0 || plan.Warnings.Count > 0, $"seed {seed} mutation {i} answered nothing");
                Assert.DoesNotContain(plan.Warnings, w => w.Code == "parser-failure");
            }
        }
    }

    private static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        switch (random.Next(5))
        {
            case 0: return text[..random.Next(text.Length)];
            case 1: return string.Join('\n', lines.OrderBy(_ => random.Next()));
            case 2:
                var chars = text.ToCharArray();
                for (var k = 0; k < 50; k++) chars[random.Next(chars.Length)] = "（）、，：1一\n负责牵头配合"[random.Next(14)];
                return new string(chars);
            case 3:
                lines.Insert(random.Next(lines.Count), new string('（', 30000) + "负责" + new string('、', 30000));
                return string.Join('\n', lines);
            default:
                lines.Insert(random.Next(lines.Count), string.Concat(Enumerable.Repeat("1、甲（乙负责", 5000)));
                return string.Join('\n', lines);
        }
    }
}
