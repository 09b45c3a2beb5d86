using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Tests.Calendar;
using YiyangTasks.Domain.Timeliness;
using static YiyangTasks.Domain.Tests.Timeliness.TaskHistory;

namespace YiyangTasks.Domain.Tests.Timeliness;

/// <summary>Each way the genre writes a deadline owes what it says: a date, a range's end, a horizon's end, each recurrence,
/// a standing task's yearly review.</summary>
public class DeadlineTermsSpecs
{
    private static SupervisedTask AssignedWith(DeadlineTerms terms, string at = "2026-03-02 09:00") =>
        Task(Assigned(at, [CivilAffairs]) with { Deadline = terms.FinalDue, DeadlineWords = terms.Words, DeadlineTerms = terms });

    private static IReadOnlyList<Obligation> Owed(SupervisedTask task, string now, params ObligationKind[] kinds) =>
        Obligations.Of(task, Rules, Mainland, China(now)).Where(o => kinds.Contains(o.Kind)).ToArray();

    [Fact]
    public void A_date_a_range_and_a_horizon_are_each_due_on_their_last_day()
    {
        var date = new DeadlineTerms(DeadlineKind.Date, "2026年底前", Until: Day.Of("2026-12-31"));
        var range = new DeadlineTerms(DeadlineKind.Range, "2026年1月1日至9月30日", Day.Of("2026-01-01"), Day.Of("2026-09-30"));
        var horizon = new DeadlineTerms(DeadlineKind.Horizon, "“十四五”期间", Day.Of("2021-01-01"), Day.Of("2025-12-31"));

        Assert.Equal([Day.Of("2026-12-31")], date.DueDates(Day.Of("2026-03-02"), Day.Of("2030-01-01")));
        Assert.Equal(Day.Of("2026-09-30"), range.FinalDue);
        Assert.Equal(Day.Of("2025-12-31"), horizon.FinalDue);
        var completion = Assert.Single(Owed(AssignedWith(range), "2026-10-09 09:00", ObligationKind.Completion));
        Assert.Equal(Day.Of("2026-09-30"), completion.DueOn);
        Assert.True(completion.IsOverdue);
    }

    [Fact]
    public void Every_year_is_due_at_each_year_end_from_the_assignment_and_a_report_on_the_year_meets_it()
    {
        var task = AssignedWith(new DeadlineTerms(DeadlineKind.Recurring, "每年", Every: ReportingCycle.Yearly), "2025-05-10 09:00")
            .Then(Reported(CivilAffairs, "2025-11-01", "2025-11-30", "2025-12-05 10:00"));

        var years = Owed(task, "2027-01-05 09:00", ObligationKind.Recurrence);

        Assert.Equal([Day.Of("2025-12-31"), Day.Of("2026-12-31")], years.Select(o => o.DueOn));
        Assert.Equal([false, true], years.Select(o => o.Lapsed));
        Assert.Equal((Day.Of("2026-01-01"), Day.Of("2026-12-31")), (years[1].PeriodStart!.Value, years[1].PeriodEnd!.Value));
        Assert.Null(task.Deadline);
        Assert.Empty(Owed(task, "2027-01-05 09:00", ObligationKind.Completion));
    }

    [Fact]
    public void Every_quarter_is_due_at_quarter_ends_and_every_half_year_on_June_30_and_December_31()
    {
        var quarterly = new DeadlineTerms(DeadlineKind.Recurring, "每季度", Every: ReportingCycle.Quarterly);
        var halfYearly = new DeadlineTerms(DeadlineKind.Recurring, "每半年", Every: ReportingCycle.HalfYearly);

        Assert.Equal([Day.Of("2026-03-31"), Day.Of("2026-06-30"), Day.Of("2026-09-30")],
            quarterly.DueDates(Day.Of("2026-03-02"), Day.Of("2026-10-01")));
        Assert.Equal([Day.Of("2026-06-30"), Day.Of("2026-12-31"), Day.Of("2027-06-30")],
            halfYearly.DueDates(Day.Of("2026-03-02"), Day.Of("2027-07-01")));
        Assert.Equal(3, Owed(AssignedWith(quarterly), "2026-10-01 09:00", ObligationKind.Recurrence).Count);
    }

    [Fact]
    public void A_bounded_recurrence_stops_at_its_end_which_is_also_its_final_due_date()
    {
        // 2021—2022年全市每年培训1000名医疗护理人员: each year of the two, and no more.
        var terms = new DeadlineTerms(DeadlineKind.Recurring, "2021—2022年每年", Day.Of("2021-01-01"), Day.Of("2022-12-31"), ReportingCycle.Yearly);

        Assert.Equal([Day.Of("2021-12-31"), Day.Of("2022-12-31")], terms.DueDates(Day.Of("2021-03-01"), Day.Of("2030-01-01")));
        Assert.Equal(Day.Of("2022-12-31"), terms.FinalDue);
    }

    [Fact]
    public void A_standing_task_has_no_completion_deadline_but_a_review_each_year_end()
    {
        var task = AssignedWith(new DeadlineTerms(DeadlineKind.Standing, "长期坚持"), "2026-03-02 09:00");

        var owed = Owed(task, "2027-01-04 09:00", ObligationKind.Review, ObligationKind.Completion);

        var review = Assert.Single(owed);
        Assert.Equal((ObligationKind.Review, Day.Of("2026-12-31")), (review.Kind, review.DueOn));
        Assert.True(review.IsOverdue);
        Assert.Null(task.Deadline);
        Assert.Contains(LapseCheck.Due(task, Rules, Mainland, China("2027-01-04 09:00")),
            e => e is DeadlineMissed { Deadline: var d } && d == Day.Of("2026-12-31"));
        Assert.Equal(Light.Red, TrafficLight.Of(task, Rules, Mainland, China("2027-01-04 09:00")).Light);
    }

    [Fact]
    public void A_recurrence_due_within_three_working_days_and_unreported_turns_the_light_yellow_until_a_report_meets_it()
    {
        var task = Task(Assigned("2026-03-02 09:00", [CivilAffairs], cycle: ReportingCycle.Yearly) with
            {
                DeadlineTerms = new DeadlineTerms(DeadlineKind.Recurring, "每年12月底前报送", Every: ReportingCycle.Yearly),
            })
            .Then(Acknowledged(CivilAffairs, "2026-03-02 10:00"));

        var light = TrafficLight.Of(task, Rules, Mainland, China("2026-12-29 09:00"));
        var reported = TrafficLight.Of(task.Then(Reported(CivilAffairs, "2026-01-01", "2026-12-31", "2026-12-29 10:00")), Rules, Mainland,
            China("2026-12-29 11:00"));

        Assert.Equal(Light.Yellow, light.Light);
        Assert.Contains(light.Reasons, r => r is { Cause: LightCause.DueSoon, Kind: ObligationKind.Recurrence }); // 本期任务临期
        Assert.Equal(Light.Green, reported.Light);
    }

    [Theory]
    [InlineData(DeadlineKind.Date, null, null, null)]
    [InlineData(DeadlineKind.Range, null, "2026-12-31", null)]
    [InlineData(DeadlineKind.Recurring, null, null, null)]
    [InlineData(DeadlineKind.Standing, null, "2026-12-31", null)]
    [InlineData(DeadlineKind.Range, "2027-01-01", "2026-12-31", null)]
    public void Terms_that_do_not_hold_together_are_named(DeadlineKind kind, string? from, string? until, ReportingCycle? every)
    {
        var terms = new DeadlineTerms(kind, "原文", from is null ? null : Day.Of(from), until is null ? null : Day.Of(until), every);

        Assert.NotNull(terms.Problem());
    }
}
