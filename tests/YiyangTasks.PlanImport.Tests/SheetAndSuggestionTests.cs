using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.PlanImport.Tests;

/// <summary>The 分工表's rows read as the CSV's records, and the nearest known units suggested for an unknown name.</summary>
public class SheetAndSuggestionTests
{
    [Fact]
    public void The_sheets_rows_read_like_CSV_with_the_reporting_cycle_and_the_notes_columns_left_unread()
    {
        var plan = PlanCsvReader.Read([
            new TableRecord(1, 1, ["序号", "工作任务", "牵头单位", "配合单位", "完成时限", "报送周期", "来源行", "提示"]),
            new TableRecord(2, 2, ["1", "建立医养结合工作机制", "县卫健委", "县民政局、县财政局", "2026-09-30", "季报", "3", "第1项任务：未知单位"]),
            new TableRecord(3, 3, ["", "", "", "", "", "", "", ""]),
            new TableRecord(4, 4, ["2", "开展培训", "县人社局", "", "长期坚持", "", "5-6", ""]),
            new TableRecord(5, 5, ["3", "开展评估", "县民政局", "", "", "每两周", "", ""]),
        ]);

        Assert.Equal(3, plan.Tasks.Count);
        Assert.Equal(["县民政局", "县财政局"], plan.Tasks[0].CooperatingUnits);
        Assert.Equal(new DateOnly(2026, 9, 30), Assert.Single(plan.Tasks[0].Deadlines).Date);
        Assert.Equal(ReportingCycle.Quarterly, plan.Tasks[0].ReportingCycle);
        Assert.Null(plan.Tasks[1].ReportingCycle);
        Assert.Equal("长期坚持", plan.Tasks[1].RelativeDeadline);
        Assert.Equal(new SourceLines(4, 4), plan.Tasks[1].Source);
        Assert.Null(plan.Tasks[2].ReportingCycle);
        var warning = Assert.Single(plan.Warnings);
        Assert.Equal(5, warning.Line);
        Assert.Contains("每两周", warning.Message);
    }

    [Theory]
    [InlineData("月报", ReportingCycle.Monthly)]
    [InlineData("每月", ReportingCycle.Monthly)]
    [InlineData("按季度", ReportingCycle.Quarterly)]
    [InlineData("半年报", ReportingCycle.HalfYearly)]
    [InlineData("每半年一报", ReportingCycle.HalfYearly)]
    [InlineData("年报", ReportingCycle.Yearly)]
    [InlineData("quarterly", ReportingCycle.Quarterly)]
    public void Reporting_cycles_read_as_offices_write_them(string cell, ReportingCycle cycle)
    {
        Assert.Equal(cycle, ReportingCycles.Read(cell));
        Assert.Equal(ReportingCycles.Read(ReportingCycles.Words(cycle)), cycle);
    }

    [Theory]
    [InlineData("信阳市", "市人力资源社会保障部门", "市人社局")]
    [InlineData("信阳市", "市人力社保局", "市人社局")]
    [InlineData("鄢陵县", "县卫生健康委", "县卫健委")]
    [InlineData("鄢陵县", "县医疗保险局", "县医保局")]
    [InlineData("浔阳区", "区民政部", "区民政局")]
    public void An_unknown_name_is_offered_the_nearest_known_units(string jurisdiction, string written, string nearest)
    {
        var directory = UnitDirectory.For(jurisdiction);

        Assert.Equal(nearest, directory.Suggest(written).FirstOrDefault());
    }

    [Theory]
    [InlineData("县老干部局")]
    [InlineData("中国人寿保险公司信阳分公司")]
    public void A_name_like_no_known_unit_is_offered_nothing(string written)
    {
        Assert.Empty(UnitDirectory.For("鄢陵县").Suggest(written));
    }

    [Fact]
    public void The_unknown_unit_warning_speaks_to_the_office_in_Chinese()
    {
        var plan = PlanDocumentParser.Parse("1.加强人才培训。（县人力资源社保局牵头，县老干部局配合）", UnitDirectory.For("鄢陵县"));

        Assert.Equal(["第1项任务：未知单位“县人力资源社保局”，是否为：县人社局？", "第1项任务：未知单位“县老干部局”，单位名录中没有相近的单位，将作为新单位登记。"],
            plan.Warnings.Where(w => w.Code == ParseWarningCodes.UnknownUnit).Select(w => w.Message));
    }
}
