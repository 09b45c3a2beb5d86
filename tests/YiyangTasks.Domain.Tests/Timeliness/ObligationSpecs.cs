using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Tests.Calendar;
using YiyangTasks.Domain.Timeliness;
using static YiyangTasks.Domain.Tests.Timeliness.TaskHistory;

namespace YiyangTasks.Domain.Tests.Timeliness;

/// <summary>What a task owes and when: acknowledgement, a report per period, completion by the deadline.</summary>
public class ObligationSpecs
{
    [Fact]
    public void A_day_ends_at_midnight_China_time_whatever_the_instants_offset()
    {
        Assert.Equal(Day.Of("2026-04-03"), ChinaTime.DateOf(new DateTimeOffset(2026, 4, 2, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(Day.Of("2026-04-02"), ChinaTime.DateOf(new DateTimeOffset(2026, 4, 2, 15, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 4, 9, 16, 0, 0, TimeSpan.Zero), ChinaTime.EndOf(Day.Of("2026-04-09")));
    }

    [Fact]
    public void Acknowledgement_assigned_on_the_Friday_before_Qingming_is_due_three_working_days_later_on_Thursday()
    {
        // 04-04..06 清明: the working days after Friday 04-03 are 04-07, 04-08, 04-09.
        var task = Task(Assigned("2026-04-03 10:00", [CivilAffairs, Health]));

        var obligations = Obligations.Of(task, Rules, Mainland, China("2026-04-03 10:00"));

        Assert.Equal(
            [(CivilAffairs, Day.Of("2026-04-09")), (Health, Day.Of("2026-04-09"))],
            obligations.Select(o => (o.Unit, o.DueOn)));
        Assert.All(obligations, o => Assert.Equal(ObligationKind.Acknowledgement, o.Kind));
        Assert.All(obligations, o => Assert.False(o.Lapsed));
        Assert.Equal(China("2026-04-10 00:00"), obligations[0].DueAt);
    }

    [Fact]
    public void Assignment_is_dated_by_its_China_date_even_when_the_instant_is_the_previous_day_in_UTC()
    {
        var assigned = Assigned("2026-04-03 04:00", [CivilAffairs]) with { AssignedAt = new DateTimeOffset(2026, 4, 2, 20, 0, 0, TimeSpan.Zero) };

        var acknowledgement = Obligations.Of(Task(assigned), Rules, Mainland, China("2026-04-03 05:00")).Single();

        Assert.Equal(Day.Of("2026-04-09"), acknowledgement.DueOn);
    }

    [Fact]
    public void An_acknowledgement_before_the_due_day_ends_is_on_time()
    {
        var task = Task(Assigned("2026-04-03 10:00", [CivilAffairs]), Acknowledged(CivilAffairs, "2026-04-09 23:59"));

        var acknowledgement = Obligations.Of(task, Rules, Mainland, China("2026-04-20 09:00")).Single();

        Assert.True(acknowledgement.IsMet);
        Assert.False(acknowledgement.IsLate);
        Assert.False(acknowledgement.Lapsed);
        Assert.Null(acknowledgement.WorkingDaysLate);
    }

    [Theory]
    [InlineData("2026-04-10 00:00", 1)] // the instant the due day ends
    [InlineData("2026-04-11 10:00", 1)] // Saturday: no working day after Friday 04-10
    [InlineData("2026-04-13 09:00", 2)] // Monday: 04-10 and 04-13
    public void A_late_acknowledgement_counts_late_by_the_working_days_after_the_due_day(string acknowledgedAt, int workingDaysLate)
    {
        var task = Task(Assigned("2026-04-03 10:00", [CivilAffairs]), Acknowledged(CivilAffairs, acknowledgedAt));

        var acknowledgement = Obligations.Of(task, Rules, Mainland, China("2026-04-20 09:00")).Single();

        Assert.True(acknowledgement.IsLate);
        Assert.True(acknowledgement.Lapsed);
        Assert.False(acknowledgement.IsOverdue);
        Assert.Equal(workingDaysLate, acknowledgement.WorkingDaysLate);
    }

    [Fact]
    public void An_acknowledgement_still_outstanding_is_overdue_by_the_working_days_to_today()
    {
        var task = Task(Assigned("2026-04-03 10:00", [CivilAffairs]));

        var acknowledgement = Obligations.Of(task, Rules, Mainland, China("2026-04-14 09:00")).Single();

        Assert.True(acknowledgement.IsOverdue);
        Assert.Equal(3, acknowledgement.WorkingDaysLate); // 04-10, 04-13, 04-14
    }

    [Theory]
    // March: due the 5th working day of April, 04-01 04-02 04-03 04-07 04-08 (清明 04-04..06).
    [InlineData(ReportingCycle.Monthly, "2026-03-10", "2026-03-01", "2026-03-31", "2026-04-08")]
    // April: 05-06 05-07 05-08, make-up Saturday 05-09, 05-11 (劳动节 05-01..05).
    [InlineData(ReportingCycle.Monthly, "2026-04-20", "2026-04-01", "2026-04-30", "2026-05-11")]
    // Q3: 10-08 10-09, make-up Saturday 10-10, 10-12 10-13 (国庆 10-01..07).
    [InlineData(ReportingCycle.Quarterly, "2026-08-15", "2026-07-01", "2026-09-30", "2026-10-13")]
    [InlineData(ReportingCycle.HalfYearly, "2026-02-10", "2026-01-01", "2026-06-30", "2026-07-07")]
    // 2025: make-up Sunday 01-04, then 01-05..08 (元旦 01-01..03).
    [InlineData(ReportingCycle.Yearly, "2025-06-02", "2025-01-01", "2025-12-31", "2026-01-08")]
    public void The_first_report_covers_the_period_containing_the_assignment_and_is_due_on_the_fifth_working_day_after_it(
        ReportingCycle cycle, string assignedOn, string periodStart, string periodEnd, string dueOn)
    {
        var task = Task(Assigned($"{assignedOn} 10:00", [CivilAffairs], cycle: cycle));
        var periodEnds = ChinaTime.EndOf(Day.Of(periodEnd));

        var report = Obligations.Of(task, Rules, Mainland, periodEnds).Single(o => o.Kind == ObligationKind.Report);

        Assert.Equal((CivilAffairs, Day.Of(periodStart), Day.Of(periodEnd), Day.Of(dueOn)), (report.Unit, report.PeriodStart, report.PeriodEnd, report.DueOn));
        Assert.DoesNotContain(Obligations.Of(task, Rules, Mainland, periodEnds.AddTicks(-1)), o => o.Kind == ObligationKind.Report);
    }

    [Fact]
    public void A_due_working_day_beyond_the_month_falls_on_its_last_working_day()
    {
        // February 2026 has 16 working days with 春节; the last is the make-up Saturday 02-28.
        var task = Task(Assigned("2026-01-20 10:00", [CivilAffairs]));

        var january = Obligations.Of(task, Rules with { ReportDueWorkingDay = 20 }, Mainland, China("2026-02-01 00:00"))
            .Single(o => o.Kind == ObligationKind.Report);

        Assert.Equal(Day.Of("2026-02-28"), january.DueOn);
    }

    [Fact]
    public void Each_lead_unit_owes_a_report_for_every_ended_month_but_cooperating_units_owe_none()
    {
        var task = Task(Assigned("2026-01-20 10:00", [CivilAffairs, Health], cooperating: [Insurance]));

        var reports = Obligations.Of(task, Rules, Mainland, China("2026-04-15 09:00")).Where(o => o.Kind == ObligationKind.Report);

        Assert.Equal(
            [
                (CivilAffairs, "2026-01-01", "2026-02-06"), (Health, "2026-01-01", "2026-02-06"),
                (CivilAffairs, "2026-02-01", "2026-03-06"), (Health, "2026-02-01", "2026-03-06"),
                (CivilAffairs, "2026-03-01", "2026-04-08"), (Health, "2026-03-01", "2026-04-08"),
            ],
            reports.Select(o => (o.Unit!, $"{o.PeriodStart:yyyy-MM-dd}", $"{o.DueOn:yyyy-MM-dd}")));
    }

    [Fact]
    public void A_report_overlapping_the_period_meets_it_from_its_first_version_even_when_corrected()
    {
        var first = Guid.NewGuid();
        var task = Task(
            Assigned("2026-03-10 10:00", [CivilAffairs]),
            Reported(CivilAffairs, "2026-03-10", "2026-03-31", "2026-04-10 09:00", id: first),
            Reported(CivilAffairs, "2026-03-10", "2026-03-31", "2026-04-20 09:00", supersedes: first));

        var march = Obligations.Of(task, Rules, Mainland, China("2026-04-25 09:00")).Single(o => o.Kind == ObligationKind.Report);

        Assert.Equal(China("2026-04-10 09:00"), march.MetAt);
        Assert.True(march.IsLate);
        Assert.Equal(2, march.WorkingDaysLate); // due 04-08: 04-09, 04-10
    }

    [Fact]
    public void A_report_of_another_unit_or_another_period_does_not_meet_it()
    {
        var task = Task(
            Assigned("2026-03-10 10:00", [CivilAffairs], cooperating: [Health]),
            Reported(Health, "2026-03-01", "2026-03-31", "2026-04-01 09:00"),
            Reported(CivilAffairs, "2026-04-01", "2026-04-30", "2026-04-07 09:00"));

        var march = Obligations.Of(task, Rules, Mainland, China("2026-04-09 09:00")).Single(o => o.Kind == ObligationKind.Report);

        Assert.True(march.IsOverdue);
    }

    [Fact]
    public void Completion_is_due_on_the_deadline_and_an_extension_moves_it()
    {
        var task = Task(Assigned("2026-05-06 10:00", [CivilAffairs], deadline: "2026-06-30", cycle: ReportingCycle.Quarterly));
        var extended = task.Then(ExtensionGranted("2026-09-30", "2026-06-20 10:00"));

        Assert.Equal(Day.Of("2026-06-30"), Completion(task, "2026-06-01 09:00").DueOn);
        Assert.Equal(Day.Of("2026-09-30"), Completion(extended, "2026-07-01 09:00").DueOn);
        Assert.False(Completion(extended, "2026-07-01 09:00").Lapsed);
    }

    [Fact]
    public void Completion_is_met_when_reported_and_a_rejected_completion_meets_nothing()
    {
        var reported = Task(
            Assigned("2026-05-06 10:00", [CivilAffairs], deadline: "2026-06-30", cycle: ReportingCycle.Quarterly),
            CompletionReported(CivilAffairs, "2026-06-25 10:00"));
        var rejected = reported.Then(CompletionRejected("2026-07-02 10:00"));
        var accepted = reported.Then(CompletionAccepted("2026-07-02 10:00"));

        Assert.Equal(China("2026-06-25 10:00"), Completion(reported, "2026-07-02 12:00").MetAt);
        Assert.False(Completion(reported, "2026-07-02 12:00").Lapsed);
        Assert.True(Completion(rejected, "2026-07-02 12:00").IsOverdue);
        Assert.Equal(China("2026-06-25 10:00"), Completion(accepted, "2026-07-02 12:00").MetAt);
        Assert.False(Completion(accepted, "2026-07-02 12:00").IsLate);
    }

    [Fact]
    public void No_report_is_owed_for_a_period_ending_after_acceptance_nor_for_one_falling_due_after_it_unreported()
    {
        // March ended before the acceptance on 04-02, but its report fell due on 04-08, after it: the task takes no more reports.
        var task = Task(
            Assigned("2026-02-10 10:00", [CivilAffairs], deadline: "2026-06-30"),
            Acknowledged(CivilAffairs, "2026-02-11 10:00"),
            Reported(CivilAffairs, "2026-02-01", "2026-02-28", "2026-03-03 10:00"),
            CompletionReported(CivilAffairs, "2026-04-01 10:00"),
            CompletionAccepted("2026-04-02 10:00"));

        var reports = Obligations.Of(task, Rules, Mainland, China("2026-08-01 10:00")).Where(o => o.Kind == ObligationKind.Report);

        Assert.Equal([Day.Of("2026-02-01")], reports.Select(o => o.PeriodStart!.Value));
    }

    private static Obligation Completion(SupervisedTask task, string now) =>
        Obligations.Of(task, Rules, Mainland, China(now)).Single(o => o.Kind == ObligationKind.Completion);
}
