using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;

namespace YiyangTasks.Api.Tests.Reports;

/// <summary>基层减负: GET /api/reports/burden counts what every plan demands of each unit per month, led and cooperated.</summary>
public class BurdenReportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>A second plan: task 1 led by 市医保局 (quarterly reports, due 30 April) with 市民政局 cooperating.</summary>
    private async Task<string> RegisterQuarterlyPlanAsync()
    {
        var planId = $"plan-b-{Guid.NewGuid():N}"[..20];
        using var office = api.As(Roles.Office, name: "王主任");
        var response = await office.PostAsJsonAsync("/api/plans", new
        {
            planId, title = "医保支付改革任务分工", jurisdiction = "信阳市",
            tasks = new[]
            {
                new
                {
                    number = 1, text = "完善医养结合医保支付政策。", leadUnits = new[] { MedicalInsurance },
                    cooperatingUnits = new[] { CivilAffairs }, deadline = "2026-04-30", reportingCycle = "quarterly",
                },
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return planId;
    }

    private static int[] Month(JsonElement month) =>
    [
        .. new[] { "led", "cooperated" }.SelectMany(role => new[] { "acknowledgements", "reports", "completions" }
            .Select(kind => month.GetProperty(role).GetProperty(kind).GetInt32())),
        month.GetProperty("total").GetInt32(),
    ];

    // Each of these was a 500: a window's month computed past year 9999 or before year 1, a NUL PostgreSQL cannot take.
    [Theory]
    [InlineData("burden?to=9999-12-31", "to")]
    [InlineData("burden?to=0001-01-31", "to")]
    [InlineData("burden?from=0001-01-01&to=0001-12-31", "from")]
    [InlineData("burden?unit=%00", "unit")]
    [InlineData("timeliness?plan=%00", "plan")]
    [InlineData("timeliness?unit=%00", "unit")]
    public async Task An_absurd_report_parameter_is_400_naming_it(string query, string field)
    {
        using var office = api.As(Roles.Office);
        await (await office.GetAsync($"/api/reports/{query}")).AssertNamesFieldAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Units_most_burdened_first_with_each_month_the_trend_and_the_tasks_of_both_plans_behind_it()
    {
        api.Clock.Set(ApiFactory.Start); // Monday 2 March 2026
        var planA = await api.RegisterTwoTaskPlanAsync();
        var planB = await RegisterQuarterlyPlanAsync();
        using var office = api.As(Roles.Office);

        var answer = await office.GetAsync("/api/reports/burden?from=2026-03-01&to=2026-05-31");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var report = await answer.Content.ReadFromJsonAsync<JsonElement>();
        var units = report.GetProperty("units").EnumerateArray().ToArray();
        Assert.Equal([(CivilAffairs, 8), (MedicalInsurance, 6), (HealthCommission, 3)],
            units.Select(u => (u.GetProperty("unit").GetString()!, u.GetProperty("total").GetInt32())));

        // 市民政局 leads plan A's two tasks (monthly) and cooperates on plan B's (quarterly): March the three acknowledgements,
        // April March's two reports and its Q1 part, May April's two reports.
        var civil = units[0];
        var months = civil.GetProperty("months").EnumerateArray().ToArray();
        Assert.Equal(["2026-03", "2026-04", "2026-05"], months.Select(m => m.GetProperty("month").GetString()));
        Assert.Equal([2, 0, 0, 1, 0, 0, 3], Month(months[0]));
        Assert.Equal([0, 2, 0, 0, 1, 0, 3], Month(months[1]));
        Assert.Equal([0, 2, 0, 0, 0, 0, 2], Month(months[2]));
        Assert.Equal(-1, months[2].GetProperty("changeFromPreviousMonth").GetInt32());
        Assert.False(months[0].TryGetProperty("changeFromPreviousMonth", out _)); // null: no month before the window's first
        Assert.Equal("falling", civil.GetProperty("trend").GetString());
        var sources = civil.GetProperty("sources").EnumerateArray()
            .Select(s => (s.GetProperty("planId").GetString()!, s.GetProperty("number").GetInt32(), s.GetProperty("role").GetString()!,
                s.GetProperty("demands").GetProperty("total").GetInt32()))
            .OrderBy(s => s.Item1, StringComparer.Ordinal).ThenBy(s => s.Item2).ToArray();
        Assert.Equal(new[] { (planA, 1, "led", 3), (planA, 2, "led", 3), (planB, 1, "cooperated", 2) }
            .OrderBy(s => s.Item1, StringComparer.Ordinal).ThenBy(s => s.Item2), sources);

        // 市医保局: plan B's completion (deadline 30 April) is its April burden with Q1's report and plan A's March part.
        var insuranceApril = units[1].GetProperty("months")[1];
        Assert.Equal([0, 1, 1, 0, 1, 0, 3], Month(insuranceApril));

        // One unit; a liaison sees only its own; a window backwards or too long is refused.
        using var insurance = api.As(Roles.Liaison, MedicalInsurance);
        var own = await (await insurance.GetAsync("/api/reports/burden?from=2026-03-01&to=2026-05-31")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([MedicalInsurance], own.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unit").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await insurance.GetAsync($"/api/reports/burden?unit={CivilAffairs}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.GetAsync("/api/reports/burden?from=2026-05-01&to=2026-03-31")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.GetAsync("/api/reports/burden?from=2020-01-01&to=2026-03-31")).StatusCode);
        var byDefault = await (await office.GetAsync($"/api/reports/burden?unit={HealthCommission}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("2025-10-01", "2026-03-31"), (byDefault.GetProperty("from").GetString(), byDefault.GetProperty("to").GetString()));
    }
}
