using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport.Tests.Formats;

/// <summary>Plans as Word files: tables as real tables, items numbered by Word's lists; each reads into the same tasks
/// as the plan's text.</summary>
public class FormatsWordTests
{
    /// <summary>What a task says, without where it stood (a table row is one line in Word, three in the text).</summary>
    internal static string Said(ParsedTask t) =>
        $"{t.Number}|{t.Text}|{string.Join("、", t.LeadUnits)}|{string.Join("、", t.CooperatingUnits)}|{t.Mode}|" +
        $"{string.Join("；", t.Deadlines.Select(d => $"{d.Date:yyyy-MM-dd} {d.Words}"))}|{t.RelativeDeadline}";

    [Fact]
    public void Xinyangs_task_table_as_a_real_Word_table_reads_into_the_same_38_tasks_as_its_text()
    {
        var bytes = SeedWordFiles.Table(Seeds.Text(Seeds.Xinyang));

        var file = PlanFile.Read(bytes, "信阳市医养结合工作重点任务分工方案.docx", PlanFile.WordContentType);

        Assert.Null(file.Refusal);
        Assert.Equal(PlanFileFormat.Word, file.Format);
        Assert.Contains("序号\t工作任务\t负责单位\n", file.Text);
        Assert.Contains("\n38\t建立以落实医养结合政策情况", file.Text); // 序号 numbered by Word, written as its number
        var expected = Seeds.Parse(Seeds.Xinyang).Tasks;
        var tasks = file.Parse().Tasks;
        Assert.Equal(38, expected.Count);
        Assert.Equal(expected.Select(Said), tasks.Select(Said));
    }

    [Fact]
    public void Maomings_items_numbered_by_Word_lists_read_into_the_same_20_tasks_as_its_text()
    {
        var bytes = SeedWordFiles.Numbered(Seeds.Text(Seeds.Maoming));

        var file = PlanFile.Read(bytes, "方案.docx", "application/octet-stream");

        Assert.Equal(PlanFileFormat.Word, file.Format);
        Assert.Contains("\n（十一）加强医养结合服务监管。", file.Text);
        Assert.Contains("\n六、加强队伍建设\n", file.Text);
        var expected = Seeds.Parse(Seeds.Maoming).Tasks;
        Assert.Equal(20, expected.Count);
        Assert.Equal(expected.Select(Said), file.Parse().Tasks.Select(Said));
    }

    [Fact]
    public void Word_list_levels_restart_under_a_higher_level_and_a_restarted_list_starts_again()
    {
        var word = new WordFile();
        var outline = word.List(("chineseCountingThousand", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "%3.%4"));
        word.Paragraph("总体要求", outline).Paragraph("基本思路", outline, 1).Paragraph("发展目标", outline, 1)
            .Paragraph("重点任务", outline).Paragraph("统筹规划", outline, 1).Paragraph("建立机制", outline, 2)
            .Paragraph("细则", outline, 3).Paragraph("开展评估", outline, 2);
        var circled = word.List(("decimalEnclosedCircleChinese", "%1"));
        word.Paragraph("甲", circled).Paragraph("乙", circled).Paragraph("丙", word.Restart(circled, 0, 1));

        var text = PlanFile.Read(word.ToBytes()).Text!;

        Assert.Equal(["一、总体要求", "（一）基本思路", "（二）发展目标", "二、重点任务", "（一）统筹规划", "1.建立机制", "1.1细则", "2.开展评估",
            "①甲", "②乙", "①丙"], text.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData(1, "chineseCounting", "一")]
    [InlineData(10, "chineseCounting", "十")]
    [InlineData(11, "chineseCountingThousand", "十一")]
    [InlineData(20, "chineseCounting", "二十")]
    [InlineData(21, "chineseCounting", "二十一")]
    [InlineData(101, "chineseCounting", "一百零一")]
    [InlineData(110, "chineseCounting", "一百一十")]
    [InlineData(3, "chineseLegalSimplified", "叁")]
    [InlineData(2, "ideographTraditional", "乙")]
    [InlineData(12, "decimalEnclosedCircle", "⑫")]
    [InlineData(7, "decimalFullWidth", "７")]
    [InlineData(4, "upperRoman", "IV")]
    [InlineData(28, "lowerLetter", "bb")]
    public void Word_number_formats_write_the_numbers_plans_use(int n, string format, string written)
    {
        Assert.Equal(written, WordNumbering.Format(n, format));
    }

    [Fact]
    public void A_responsibility_cell_merged_down_over_rows_gives_each_row_its_units_and_cell_paragraphs_stay_apart()
    {
        var word = new WordFile().Paragraph("某县医养结合任务分工").Table(
        [
            ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
            ["1", "建立医养结合工作机制。", "县卫健委", "县民政局\n县医保局", "2026年6月底前"],
            ["2", "开展老年人健康评估。", "^", "^", "^"],
            ["3", "加强护理人员培训。", "县人社局", "", "长期坚持"],
            ["4", "说明：本表由县卫健委汇总", "<", "<", "<"],
        ]);

        var file = PlanFile.Read(word.ToBytes(), "分工表.docx");
        var tasks = file.Parse().Tasks;

        Assert.Contains("2\t开展老年人健康评估。\t县卫健委\t县民政局；县医保局\t2026年6月底前", file.Text);
        Assert.Equal(3, tasks.Count(t => t.Number <= 3));
        Assert.Equal(["县卫健委"], tasks[1].LeadUnits);
        Assert.Equal(["县民政局", "县医保局"], tasks[1].CooperatingUnits);
        Assert.Equal(ResponsibilityMode.LeadAndCooperate, tasks[1].Mode);
        Assert.Equal(new DateOnly(2026, 6, 30), tasks[1].Deadlines.Single().Date);
        Assert.Empty(tasks[2].CooperatingUnits);
    }

    [Fact]
    public void Deleted_revisions_field_codes_and_hidden_text_are_not_read()
    {
        using var stream = new MemoryStream();
        stream.Write(new WordFile().Paragraph("placeholder").ToBytes());
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, true))
        {
            var body = document.MainDocumentPart!.Document!.Body!;
            body.RemoveAllChildren();
            body.Append(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
                new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text("1、建立机制。")),
                new DocumentFormat.OpenXml.Wordprocessing.DeletedRun(new DocumentFormat.OpenXml.Wordprocessing.Run(
                    new DocumentFormat.OpenXml.Wordprocessing.DeletedText("（县财政局负责）"))),
                new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.FieldCode(" PAGE ")),
                new DocumentFormat.OpenXml.Wordprocessing.Run(
                    new DocumentFormat.OpenXml.Wordprocessing.RunProperties(new DocumentFormat.OpenXml.Wordprocessing.Vanish()),
                    new DocumentFormat.OpenXml.Wordprocessing.Text("隐藏批注")),
                new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text("（县卫健委负责）"))));
        }

        Assert.Equal("1、建立机制。（县卫健委负责）\n", PlanFile.Read(stream.ToArray()).Text);
    }
}
