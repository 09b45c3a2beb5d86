using UglyToad.PdfPig.Writer;

namespace YiyangTasks.PlanImport.Tests.Formats;

/// <summary>Plans as PDFs with a text layer: 茂名 004 printed from HTML by headless Chromium (Fixtures/print-seed-pdf.py),
/// with a running header and page numbers, its items wrapped over lines and pages.</summary>
public class FormatsPdfTests
{
    internal static byte[] Maoming() => Fixture("maoming-004.pdf");

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Formats", "Fixtures", name));

    // A space where the page wrapped a line ("2025 ⏎年") is not in a PDF: tasks are compared without spaces.
    private static string Said(ParsedTask t) => FormatsWordTests.Said(t).Replace(" ", "");

    [Fact]
    public void Maomings_printed_PDF_reads_into_the_same_20_tasks_as_its_text()
    {
        var file = PlanFile.Read(Maoming(), "茂名方案.pdf", PlanFile.PdfContentType);

        Assert.Null(file.Refusal);
        Assert.Equal(PlanFileFormat.Pdf, file.Format);
        var expected = Seeds.Parse(Seeds.Maoming).Tasks;
        Assert.Equal(20, expected.Count);
        Assert.Equal(expected.Select(Said), file.Parse().Tasks.Select(Said));
    }

    [Fact]
    public void Xinyangs_task_table_printed_as_a_ruled_table_reads_by_cell_into_the_same_38_tasks_as_its_text()
    {
        var file = PlanFile.Read(Fixture("xinyang-003.pdf"), "分工方案.pdf");

        // Each row one line again, though its cells wrap over many lines of the page and rows run over page breaks.
        Assert.Contains("序号\t工作任务\t负责单位\n", file.Text);
        Assert.Contains("\n38\t建立以落实医养结合政策情况", file.Text);
        var expected = Seeds.Parse(Seeds.Xinyang).Tasks;
        Assert.Equal(38, expected.Count);
        Assert.Equal(expected.Select(Said), file.Parse().Tasks.Select(Said));
    }

    [Fact]
    public void Running_headers_and_page_numbers_are_dropped_and_wrapped_items_read_as_one_line()
    {
        var lines = PlanFile.Read(Maoming()).Text!.Split('\n');

        Assert.True(lines.Length > 40);
        Assert.DoesNotContain(lines, l => l == "医养结合工作方案" || l.StartsWith('—'));
        // Item （一） wraps over nine lines of the page; it is one line again, ending in its responsibility.
        var first = Assert.Single(lines, l => l.StartsWith("（一）鼓励新增医养结合机构。", StringComparison.Ordinal));
        Assert.EndsWith("市医保局、市编办、市市场监管局配合）", first);
        // Chinese has no spaces between characters; Latin and digits keep theirs.
        Assert.Contains("到 2022 年、2025 年，我市养老机构设立的医疗机构分别达 10 家、30 家。", first);
        Assert.Contains("市卫生健康局、市民政局", first); // 民 as an ideograph, not the radical ⺠
    }

    [Fact]
    public void A_PDF_without_a_text_layer_is_refused_as_unreadable()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);

        var file = PlanFile.Read(builder.Build(), "扫描件.pdf", PlanFile.PdfContentType);

        Assert.Null(file.Text);
        Assert.Equal(PlanFileRefusalKind.Unreadable, file.Refusal!.Kind);
        Assert.Equal("no-text-layer", file.Refusal.Code);
        Assert.Contains("扫描件", file.Refusal.Detail);
    }

    [Fact]
    public void A_damaged_PDF_is_refused_as_unreadable()
    {
        var damaged = Maoming()[..4096];

        var file = PlanFile.Read(damaged);

        Assert.Equal(PlanFileRefusalKind.Unreadable, file.Refusal!.Kind);
        Assert.Contains("PDF", file.Refusal.Detail);
    }

    private static PdfPage Page(int number, params (double Baseline, double Left, double Right, string Text)[] lines) =>
        new(number, 842, lines.Select(l => new PdfLine(l.Text, l.Baseline, l.Left, l.Right, 14)).ToList());

    [Fact]
    public void A_paragraph_goes_on_across_a_page_break_but_a_new_item_after_a_finished_sentence_does_not()
    {
        var text = PdfPageLayout.Text(
        [
            Page(1, (810, 250, 340, "某县卫生健康委员会"), (760, 250, 340, "县医养结合方案"), (700, 102, 522, "（一）建立机制。到2026年建成"), (678, 74, 522, "县乡村三级医养结合服务网络，县卫健委牵头"),
                (656, 74, 522, "负责。（县卫健委负责）"), (634, 74, 522, "（二）开展评估。全面开展老年人能力评估，"), (30, 290, 310, "1")),
            Page(2, (810, 250, 340, "某县卫生健康委员会"), (760, 74, 300, "覆盖全县。（县民政局负责）"), (738, 102, 300, "附件：分工表"), (30, 290, 310, "2")),
        ]);

        Assert.Equal(
            "县医养结合方案\n（一）建立机制。到2026年建成县乡村三级医养结合服务网络，县卫健委牵头负责。（县卫健委负责）\n" +
            "（二）开展评估。全面开展老年人能力评估，覆盖全县。（县民政局负责）\n附件：分工表\n", text);
    }
}
