using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Tests.Calendar;
using YiyangTasks.Domain.Timeliness;
using static YiyangTasks.Domain.Tests.Timeliness.TaskHistory;

namespace YiyangTasks.Domain.Tests.Timeliness;

/// <summary>基层减负: what all plans demand of each unit per month, led and cooperated apart, most burdened first.</summary>
public class ReportingBurdenSpecs
{
    [Fact]
    public void Each_month_counts_what_falls_due_in_it_for_led_and_cooperated_work_with_the_tasks_behind_it()
    {
        // 市民政局 leads task 1 (due 30 April) with 市医保局 cooperating; 市医保局 leads quarterly task 2 of another plan.
        var one = Task(Assigned("2026-03-02 10:00", [CivilAffairs], cooperating: [Insurance], deadline: "2026-04-30"));
        var two = Task(new TaskAssigned("other", 2, "完善医保支付", [Insurance], [], ResponsibilityMode.Jointly, null, null,
            ReportingCycle.Quarterly, new Actor("office", "办公室", "office", null), China("2026-03-10 10:00")));

        var rows = ReportingBurden.Of([(one, Rules), (two, Rules)], Mainland, Day.Of("2026-03-01"), Day.Of("2026-05-31"),
            China("2026-03-02 12:00"));

        // 市医保局: March its two acknowledgements (one led, one cooperated); April task 1's March report (cooperated) and
        // task 2's Q1 report (led); May task 1's April report (cooperated). Task 1 ends in April: no May period is projected.
        var insurance = rows[0];
        Assert.Equal((Insurance, 5), (insurance.Unit, insurance.Total));
        Assert.Equal(["2026-03", "2026-04", "2026-05"], insurance.Months.Select(m => m.Month));
        Assert.Equal([(1, 0, 0, 1, 0, 0), (0, 1, 0, 0, 1, 0), (0, 0, 0, 0, 1, 0)], insurance.Months.Select(m =>
            (m.Led.Acknowledgements, m.Led.Reports, m.Led.Completions, m.Cooperated.Acknowledgements, m.Cooperated.Reports, m.Cooperated.Completions)));
        Assert.Equal([null, 0, -1], insurance.Months.Select(m => m.ChangeFromPreviousMonth));
        Assert.Equal(BurdenTrend.Falling, insurance.Trend);
        Assert.Equal([("plan-2026", 1, UnitRole.Cooperated, 3), ("other", 2, UnitRole.Led, 2)],
            insurance.Sources.Select(s => (s.PlanId, s.Number, s.Role, s.Demands.Total)));

        // 市民政局: acknowledgement in March, March's report and the completion in April, April's report in May.
        var civil = rows[1];
        Assert.Equal((CivilAffairs, 4), (civil.Unit, civil.Total));
        Assert.Equal(new Demands(1, 2, 1), civil.Led);
        Assert.Equal(Demands.None, civil.Cooperated);
    }
}
