using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;
using static YiyangTasks.Domain.Tests.Timeliness.TaskHistory;

namespace YiyangTasks.Domain.Tests.Timeliness;

/// <summary>Each unit's figures over a plan's tasks, ranked by on-time rate.</summary>
public class UnitTimelinessReportSpecs
{
    private static readonly DateTimeOffset Now = China("2026-06-10 12:00");

    // 市民政局 leads; acknowledged after 2 working days, March reported on time, completed before the deadline.
    private static readonly SupervisedTask CompletedOnTime = Task(
        Assigned("2026-03-10 10:00", [CivilAffairs], cooperating: [Health], deadline: "2026-04-30"),
        Acknowledged(CivilAffairs, "2026-03-12 10:00"),
        Reported(CivilAffairs, "2026-03-01", "2026-03-31", "2026-04-03 10:00"),
        CompletionReported(CivilAffairs, "2026-04-28 10:00"),
        CompletionAccepted("2026-04-29 10:00"),
        Finding(SupervisionRating.Good, "2026-04-29 11:00"));

    // 市民政局 and 市医保局 lead from the Friday before 清明 (acknowledgement due 04-09). 市民政局 acknowledges on
    // 04-13 (5 working days) and reports April late; 市医保局 does nothing; May's reports (due 06-05) are missing
    // and the deadline 05-29 has passed.
    private static readonly SupervisedTask Overdue = Task(
        Assigned("2026-04-03 10:00", [CivilAffairs, Insurance], cooperating: [Health], deadline: "2026-05-29"),
        Acknowledged(CivilAffairs, "2026-04-13 09:00"),
        Reported(CivilAffairs, "2026-04-01", "2026-04-30", "2026-05-12 10:00"),
        Admonished("2026-05-20 10:00", Insurance, Health),
        Finding(SupervisionRating.Poor, "2026-05-20 11:00"));

    // 市卫健委 leads and acknowledges the next day; its Q2 report is not due until July.
    private static readonly SupervisedTask Quarterly = Task(
        Assigned("2026-04-20 10:00", [Health], cycle: ReportingCycle.Quarterly),
        Acknowledged(Health, "2026-04-21 10:00"));

    [Fact]
    public void Figures_per_unit_ranked_by_on_time_rate()
    {
        var rows = UnitTimelinessReport.Of([CompletedOnTime, Overdue, Quarterly], TimelinessRules.Default, Mainland, Now);

        Assert.Equal([Health, CivilAffairs, Insurance], rows.Select(r => r.Unit));
        Assert.Equal(
            new Figures(Health, 1, 2, 1, 0, 0, 1.0, 0, 0, 0, 0, 0, 0, (0, 0, 0), 1, 1.0),
            Figures.Of(rows[0]));
        Assert.Equal(
            new Figures(CivilAffairs, 2, 0, 1, 1, 0, 3.5, 1, 1, 1, 1, 1, 0, (1, 0, 1), 0, 3.0 / 7),
            Figures.Of(rows[1]));
        Assert.Equal(
            new Figures(Insurance, 1, 0, 0, 0, 1, null, 0, 0, 2, 1, 0, 0, (0, 0, 1), 1, 0.0),
            Figures.Of(rows[2]));
    }

    [Fact]
    public void Each_task_can_be_judged_by_its_own_plans_rules()
    {
        // With ten working days to acknowledge, 市民政局's 04-13 acknowledgement (due 04-17) is on time.
        var lenient = TimelinessRules.Default with { AcknowledgementWorkingDays = 10 };

        var rows = UnitTimelinessReport.Of([(CompletedOnTime, TimelinessRules.Default), (Overdue, lenient)], Mainland, Now);

        Assert.Equal(2, rows.Single(r => r.Unit == CivilAffairs).AcknowledgementsOnTime);
    }

    [Fact]
    public void A_unit_with_nothing_yet_due_has_no_rate_and_ranks_last()
    {
        var fresh = Task(Assigned("2026-06-09 10:00", [Insurance]));

        var rows = UnitTimelinessReport.Of([fresh, Quarterly], TimelinessRules.Default, Mainland, Now);

        Assert.Equal([(Health, (double?)1.0), (Insurance, null)], rows.Select(r => (r.Unit, r.OnTimeRate)));
        Assert.Equal(1, rows[1].AcknowledgementsOutstanding);
    }

    /// <summary>A row flattened so one assertion shows every figure.</summary>
    private sealed record Figures(
        string Unit, int Led, int Cooperated, int AckOnTime, int AckLate, int AckOutstanding, double? AvgAckDays,
        int ReportsOnTime, int ReportsLate, int ReportsMissed, int OverdueNow, int CompletedOnTime, int CompletedLate,
        (int Good, int Fair, int Poor) Ratings, int Admonishments, double? OnTimeRate)
    {
        public static Figures Of(UnitTimeliness r) => new(
            r.Unit, r.TasksLed, r.TasksCooperated, r.AcknowledgementsOnTime, r.AcknowledgementsLate, r.AcknowledgementsOutstanding,
            r.AverageAcknowledgementWorkingDays, r.ReportsOnTime, r.ReportsLate, r.ReportsMissed, r.TasksOverdueNow,
            r.CompletedOnTime, r.CompletedLate,
            (r.Ratings[SupervisionRating.Good], r.Ratings[SupervisionRating.Fair], r.Ratings[SupervisionRating.Poor]),
            r.Admonishments, r.OnTimeRate);
    }
}
