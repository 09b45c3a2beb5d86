using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Tests.Plans;

/// <summary>The correction round trip: the dry run's 分工表 opened in a spreadsheet, corrected, and posted back as a revision.</summary>
public class DivisionSheetTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string Plan = """
        鄢陵县医养结合工作方案
        1、建立医养结合工作机制，2026年底前完成。（县卫健委牵头，县民政局配合）
        2、开展老年人能力评估。（县民政局负责）
        3、加强医养结合人才培训。（县人力资源社保局负责）
        """;

    [Fact]
    public async Task The_dry_run_answers_the_sheet_with_a_frozen_header_and_each_warning_on_its_row_highlighted()
    {
        using var office = api.As(Roles.Office);
        // A dry run only: the unknown name stays unknown (an import would have added it to the directory).
        var sheet = await DryRunSheet(office, "sheet-look", Plan);

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(sheet), false);
        var rows = Rows(workbook, out var part);
        Assert.Equal(["序号", "工作任务", "牵头单位", "配合单位", "完成时限", "报送周期", "来源行", "提示"], rows[0]);
        Assert.Equal(["1", "建立医养结合工作机制，2026年底前完成。（县卫健委牵头，县民政局配合）", "县卫健委", "县民政局", "2026年底前", "月报", "2", ""], rows[1]);
        // Units as the plan writes them, and the warning in Chinese with the nearest known unit.
        Assert.Equal("县人力资源社保局", rows[3][2]);
        Assert.Equal("第3项任务：未知单位“县人力资源社保局”，是否为：县人社局？", rows[3][7]);

        var pane = part.Worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        Assert.Equal(8, part.Worksheet.Descendants<Column>().Count(c => c.CustomWidth?.Value == true && c.Width!.Value > 5));
        Assert.Equal(["FFFFEB9C"], Fills(workbook, part, 4).Distinct());
        Assert.All(new[] { 2u, 3u }, row => Assert.DoesNotContain("FFFFEB9C", Fills(workbook, part, row)));
    }

    [Fact]
    public async Task A_corrected_sheet_posted_back_revises_the_imported_plan_and_never_makes_a_second()
    {
        using var office = api.As(Roles.Office);
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsync("/api/plans/import?planId=round-trip&jurisdiction=鄢陵县",
            new StringContent(Plan, Encoding.UTF8, "text/plain"))).StatusCode);
        var sheet = await DryRunSheet(office, "round-trip", Plan);

        // The office corrects task 3's unit, types task 1's deadline as a date and makes task 2 quarterly, as Excel stores them.
        var corrected = Edit(sheet, (workbook, part) =>
        {
            SetText(part, "C4", "县人社局");
            SetDate(workbook, part, "E2", new DateOnly(2026, 9, 30));
            SetText(part, "F3", "季报");
        });
        using (var read = SpreadsheetDocument.Open(new MemoryStream(corrected), false))
            Assert.Equal("县人社局", Rows(read, out _)[3][2]);

        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(corrected) { Headers = { ContentType = new MediaTypeHeaderValue(Xlsx) } }, "file", "round-trip-分工表.xlsx" },
            { new StringContent("round-trip"), "planId" },
            { new StringContent("鄢陵县"), "jurisdiction" },
        };
        var answer = await office.PostAsync("/api/plans/import", form);
        var result = await answer.JsonAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, result.ToString());
        Assert.Equal("revised", result.GetProperty("outcome").GetString());
        Assert.Equal("xlsx", result.GetProperty("encoding").GetString());
        var revised = result.GetProperty("differences").GetProperty("revised").EnumerateArray()
            .ToDictionary(r => r.GetProperty("number").GetInt32(), r => r.GetProperty("changes").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.Equal(["deadline"], revised[1]);
        Assert.Equal(["reportingCycle"], revised[2]);
        Assert.Equal(["leadUnits"], revised[3]);
        Assert.Empty(result.GetProperty("differences").GetProperty("added").EnumerateArray());
        Assert.Empty(result.GetProperty("differences").GetProperty("withdrawn").EnumerateArray());

        var task1 = (await (await office.GetAsync("/api/plans/round-trip/tasks/1")).JsonAsync()).GetProperty("task");
        Assert.Equal("2026-09-30", task1.GetProperty("deadline").GetString());
        var task3 = (await (await office.GetAsync("/api/plans/round-trip/tasks/3")).JsonAsync()).GetProperty("task");
        Assert.Equal(["县人社局"], task3.GetProperty("leadUnits").EnumerateArray().Select(u => u.GetString()));
        Assert.IsType<TaskRevised>((await api.EventsAsync("round-trip", 3)).Last());
        await using var session = api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(ReportingCycle.Quarterly, (await session.LoadAsync<SupervisedTask>(SupervisedTask.StreamKey("round-trip", 2)))!.ReportingCycle);
        var plan = (await session.LoadAsync<Plan>("round-trip"))!;
        Assert.Equal(1, plan.Revisions);
        Assert.Equal("鄢陵县医养结合工作方案", plan.Title);
        Assert.Single(await session.Query<Plan>().Where(p => p.Jurisdiction == "鄢陵县" && p.Id.StartsWith("round-trip")).ToListAsync());

        // The same sheet again, as a raw body this time, changes nothing.
        var again = await office.PostAsync("/api/plans/import?planId=round-trip&jurisdiction=鄢陵县",
            new ByteArrayContent(corrected) { Headers = { ContentType = new MediaTypeHeaderValue(Xlsx) } });
        var unchanged = await again.JsonAsync();
        Assert.True(again.StatusCode == HttpStatusCode.OK, unchanged.ToString());
        Assert.Equal("unchanged", unchanged.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Cells_that_begin_like_a_formula_are_written_as_quoted_text_and_read_back_as_written()
    {
        using var office = api.As(Roles.Office);
        const string risky = "序号,工作任务,牵头单位,配合单位,完成时限\n1,\"=HYPERLINK(\"\"http://x.example\"\",\"\"点击\"\")\",县卫健委,,\n2,+1加强培训,县民政局,,\n3,-开展评估,县医保局,,\n4,@SUM(A1),县财政局,,\n5,做好宣传,,,\n";
        var sheet = await DryRunSheet(office, "formula", risky, "text/csv");

        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(sheet), false))
        {
            var part = (WorksheetPart)workbook.WorkbookPart!.GetPartById(workbook.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
            Assert.Empty(part.Worksheet.Descendants<CellFormula>());
            var formats = workbook.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToArray();
            foreach (var (reference, text) in new[] { ("B2", "=HYPERLINK(\"http://x.example\",\"点击\")"), ("B3", "+1加强培训"), ("B4", "-开展评估"), ("B5", "@SUM(A1)") })
            {
                var cell = part.Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
                Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
                Assert.Equal(text, cell.InlineString!.InnerText);
                Assert.True(formats[(int)cell.StyleIndex!.Value].QuotePrefix?.Value, $"{reference} is not quote-prefixed");
            }
            // The reader's warning, in Chinese, on its row.
            Assert.Equal("第5项未写明责任单位", Rows(workbook, out _)[5][7]);
            Assert.Equal(["FFFFEB9C"], Fills(workbook, part, 6).Distinct());
            var plain = part.Worksheet.Descendants<Cell>().Single(c => c.CellReference == "C2");
            Assert.NotEqual(true, formats[(int)plain.StyleIndex!.Value].QuotePrefix?.Value);
        }

        var back = await office.PostAsync("/api/plans/import?planId=formula&jurisdiction=鄢陵县&dryRun=true",
            new ByteArrayContent(sheet) { Headers = { ContentType = new MediaTypeHeaderValue(Xlsx) } });
        var read = await back.JsonAsync();
        Assert.True(back.StatusCode == HttpStatusCode.OK, read.ToString());
        var tasks = read.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("text").GetString()!).ToArray();
        Assert.Equal(["=HYPERLINK(\"http://x.example\",\"点击\")", "+1加强培训", "-开展评估", "@SUM(A1)", "做好宣传"], tasks);
    }

    [Fact]
    public async Task A_broken_workbook_gets_a_415_and_nothing_is_stored()
    {
        using var office = api.As(Roles.Office);
        var sheet = await DryRunSheet(office, "broken", Plan);
        var broken = sheet[..(sheet.Length / 2)];

        var answer = await office.PostAsync("/api/plans/import?planId=broken&jurisdiction=鄢陵县",
            new ByteArrayContent(broken) { Headers = { ContentType = new MediaTypeHeaderValue(Xlsx) } });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/api/plans/broken")).StatusCode);
    }

    private static async Task<byte[]> DryRunSheet(HttpClient office, string planId, string document, string mediaType = "text/plain")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/plans/import?planId={planId}&jurisdiction=鄢陵县&dryRun=true")
        {
            Content = new StringContent(document, Encoding.UTF8, mediaType),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Xlsx));
        var answer = await office.SendAsync(request);
        Assert.True(answer.StatusCode == HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        Assert.Equal(Xlsx, answer.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", answer.Content.Headers.ContentDisposition?.FileNameStar);
        return await answer.Content.ReadAsByteArrayAsync();
    }

    // What a person sees in each cell of the first sheet, row by row.
    private static List<string[]> Rows(SpreadsheetDocument workbook, out WorksheetPart part)
    {
        part = (WorksheetPart)workbook.WorkbookPart!.GetPartById(workbook.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var strings = workbook.WorkbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        return part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
            c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText
            : c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text)]
            : c.CellValue?.Text ?? "").ToArray()).ToList();
    }

    private static IEnumerable<string> Fills(SpreadsheetDocument workbook, WorksheetPart part, uint row)
    {
        var styles = workbook.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var formats = styles.CellFormats!.Elements<CellFormat>().ToArray();
        var fills = styles.Fills!.Elements<Fill>().ToArray();
        return part.Worksheet.Descendants<Row>().Single(r => r.RowIndex!.Value == row).Elements<Cell>()
            .Select(c => fills[(int)formats[(int)(c.StyleIndex?.Value ?? 0)].FillId!.Value].PatternFill?.ForegroundColor?.Rgb?.Value ?? "none");
    }

    private static byte[] Edit(byte[] sheet, Action<SpreadsheetDocument, WorksheetPart> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(sheet);
        using (var workbook = SpreadsheetDocument.Open(stream, true))
        {
            Rows(workbook, out var part);
            edit(workbook, part);
        }
        return stream.ToArray();
    }

    // Excel keeps typed text in the shared string table.
    private static void SetText(WorksheetPart part, string reference, string text)
    {
        var workbook = (WorkbookPart)part.GetParentParts().Single();
        var table = (workbook.SharedStringTablePart ?? workbook.AddNewPart<SharedStringTablePart>()).SharedStringTable ??= new SharedStringTable();
        table.Append(new SharedStringItem(new Text(text)));
        var cell = part.Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
        cell.InlineString = null;
        cell.DataType = CellValues.SharedString;
        cell.CellValue = new CellValue(table.Elements<SharedStringItem>().Count() - 1);
    }

    // Excel keeps a typed date as a serial number styled with a date format (14: yyyy/m/d).
    private static void SetDate(SpreadsheetDocument workbook, WorksheetPart part, string reference, DateOnly date)
    {
        var formats = workbook.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!;
        formats.Append(new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true, FontId = 0, FillId = 0, BorderId = 0 });
        formats.Count = (uint)formats.Elements<CellFormat>().Count();
        var cell = part.Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
        cell.InlineString = null;
        cell.DataType = null;
        cell.CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate());
        cell.StyleIndex = formats.Count - 1;
    }
}
