using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Reports;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Reports;

/// <summary>The plan's 台账 and the timeliness report in Excel and CSV, read back; text that looks like a formula stays text.</summary>
public class LedgerExportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Formula = "=HYPERLINK(\"http://x\",\"点击\")推进医养结合";

    [Fact]
    public async Task The_ledger_as_xlsx_has_a_frozen_header_widths_dates_as_dates_coloured_lights_and_formulas_kept_as_text()
    {
        api.Clock.Set(ApiFactory.Start); // Monday 2 March 2026
        var planId = await RegisterPlanAsync();
        using (var civil = api.As(Roles.Liaison, CivilAffairs))
            Assert.Equal(HttpStatusCode.OK, (await civil.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);
        api.Clock.Set(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(8))); // task 2's acknowledgement is 2 working days late
        using var office = api.As(Roles.Office);

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/plans/{planId}/ledger");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Xlsx.MediaType));
        var response = await office.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx.MediaType, response.Content.Headers.ContentType?.MediaType);

        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToArray();
        Assert.Equal(PlanLedger.Headers, rows[0].Elements<Cell>().Select(Text));
        Assert.Equal(3, rows.Length);
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(("A2", 1.0), (pane.TopLeftCell!.Value, pane.VerticalSplit!.Value));
        Assert.Equal(10, sheet.Descendants<Column>().Count(c => c.CustomWidth?.Value == true && c.Width!.Value > 5));

        var first = rows[1].Elements<Cell>().ToArray();
        Assert.Equal("1", first[0].CellValue!.Text);
        Assert.Equal(Formula, Text(first[1]));
        Assert.Null(first[1].CellFormula);
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToArray();
        Assert.True(formats[(int)first[1].StyleIndex!.Value].QuotePrefix?.Value);
        // 完成时限 is a date: a serial number in a date format.
        Assert.Equal(new DateTime(2026, 12, 31), DateTime.FromOADate(double.Parse(first[4].CellValue!.Text)));
        var dateFormat = formats[(int)first[4].StyleIndex!.Value].NumberFormatId!.Value;
        Assert.Contains(workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>(),
            f => f.NumberFormatId!.Value == dateFormat && f.FormatCode!.Value!.Contains("yyyy"));
        Assert.Equal("市卫健委未签收；市民政局已签收（2026年3月2日）", Text(first[6]));

        var second = rows[2].Elements<Cell>().ToArray();
        Assert.Equal("2026年底前以后", Text(second[4])); // no date: the plan's words
        Assert.StartsWith("红灯：", Text(second[8]));
        Assert.Equal("FFFFC7CE", Fill(workbook, second[8]));
        Assert.Equal("-市民政局签收逾期2个工作日（应于2026年3月5日）", Text(second[9]));
    }

    [Fact]
    public async Task Csv_and_xlsx_of_the_timeliness_report_keep_formula_looking_text_as_text()
    {
        api.Clock.Set(ApiFactory.Start);
        var planId = await RegisterPlanAsync();
        using var office = api.As(Roles.Office);

        var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/plans/{planId}/ledger");
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = Encoding.UTF8.GetString(await (await office.SendAsync(csvRequest)).Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF序号,工作任务,牵头单位,", csv);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")推进医养结合\",", csv);
        Assert.Contains("\r\n1,", csv); // a number is not prefixed

        await api.ProjectionsCaughtUpAsync(); // the timeliness report reads the daemon's task summaries
        var xlsxRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/timeliness?plan={planId}");
        xlsxRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Xlsx.MediaType));
        var response = await office.SendAsync(xlsxRequest);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToArray();
        Assert.Equal(["单位", "牵头", "配合"], rows[0].Elements<Cell>().Take(3).Select(Text));
        var units = rows.Skip(1).Select(r => Text(r.Elements<Cell>().First())).ToArray();
        Assert.Contains("-市民政局", units);
        var cell = rows.Skip(1).Select(r => r.Elements<Cell>().First()).Single(c => Text(c) == "-市民政局");
        Assert.Null(cell.CellFormula);
        Assert.True(document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>()
            .ElementAt((int)cell.StyleIndex!.Value).QuotePrefix?.Value);
    }

    private async Task<string> RegisterPlanAsync()
    {
        var planId = $"plan-{Guid.NewGuid():N}"[..20];
        using var office = api.As(Roles.Office);
        var response = await office.PostAsJsonAsync("/api/plans", new
        {
            planId, title = "台账测试方案", jurisdiction = "信阳市",
            tasks = new object[]
            {
                new
                {
                    number = 1, text = Formula, leadUnits = new[] { HealthCommission, CivilAffairs },
                    cooperatingUnits = new[] { MedicalInsurance }, mode = "leadAndCooperate", deadline = "2026-12-31",
                },
                new { number = 2, text = "建立评价制度。", leadUnits = new[] { "-市民政局" }, cooperatingUnits = Array.Empty<string>(), mode = "jointly", deadlineWords = "2026年底前以后" },
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return planId;
    }

    private static string Text(Cell cell) => cell.InlineString?.Text?.Text ?? cell.CellValue?.Text ?? "";

    private static string? Fill(WorkbookPart workbook, Cell cell)
    {
        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        return styles.Fills!.Elements<Fill>().ElementAt((int)format.FillId!.Value).PatternFill?.ForegroundColor?.Rgb?.Value;
    }
}
