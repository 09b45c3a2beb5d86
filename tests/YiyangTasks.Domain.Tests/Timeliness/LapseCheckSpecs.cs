using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Tests.Calendar;
using YiyangTasks.Domain.Timeliness;
using static YiyangTasks.Domain.Tests.Timeliness.TaskHistory;

namespace YiyangTasks.Domain.Tests.Timeliness;

/// <summary>The lapses time brings, each recorded once, and when the next check falls.</summary>
public class LapseCheckSpecs
{
    [Fact]
    public void An_acknowledgement_lapses_the_instant_its_due_day_ends_and_only_for_units_that_have_not_acknowledged()
    {
        var task = Task(Assigned("2026-04-03 10:00", [CivilAffairs, Health]), Acknowledged(Health, "2026-04-08 10:00"));
        var dueDayEnds = China("2026-04-10 00:00");

        Assert.Empty(LapseCheck.Due(task, Rules, Mainland, dueDayEnds.AddTicks(-1)));
        Assert.Equal([new AcknowledgementOverdue(CivilAffairs, Day.Of("2026-04-09"), dueDayEnds)], LapseCheck.Due(task, Rules, Mainland, dueDayEnds));
    }

    [Fact]
    public void A_missed_report_is_recorded_exactly_once()
    {
        var task = Task(Assigned("2026-03-10 10:00", [CivilAffairs]), Acknowledged(CivilAffairs, "2026-03-11 10:00"));
        var now = China("2026-04-09 00:00");

        var lapses = LapseCheck.Due(task, Rules, Mainland, now);

        Assert.Equal([new ReportMissed(CivilAffairs, Day.Of("2026-03-01"), Day.Of("2026-03-31"), Day.Of("2026-04-08"), now)], lapses);
        var recorded = task.Then([.. lapses]);
        Assert.Empty(LapseCheck.Due(recorded, Rules, Mainland, now));
        Assert.Empty(LapseCheck.Due(recorded, Rules, Mainland, China("2026-04-30 09:00")));
    }

    [Fact]
    public void A_report_made_up_late_still_lapsed_when_no_check_saw_it_in_time_and_is_recorded_once()
    {
        var task = Task(
            Assigned("2026-03-10 10:00", [CivilAffairs]),
            Acknowledged(CivilAffairs, "2026-03-11 10:00"),
            Reported(CivilAffairs, "2026-03-01", "2026-03-31", "2026-04-09 10:00"));
        var now = China("2026-04-09 11:00");

        Assert.Equal([new ReportMissed(CivilAffairs, Day.Of("2026-03-01"), Day.Of("2026-03-31"), Day.Of("2026-04-08"), now)],
            LapseCheck.Due(task, Rules, Mainland, now));
    }

    [Fact]
    public void Several_lapses_come_out_in_due_order()
    {
        var task = Task(Assigned("2026-03-10 10:00", [CivilAffairs], deadline: "2026-03-31"));
        var now = China("2026-04-09 00:00");

        var lapses = LapseCheck.Due(task, Rules, Mainland, now);

        Assert.Equal(
            [
                new AcknowledgementOverdue(CivilAffairs, Day.Of("2026-03-13"), now),
                new DeadlineMissed(Day.Of("2026-03-31"), now),
                new ReportMissed(CivilAffairs, Day.Of("2026-03-01"), Day.Of("2026-03-31"), Day.Of("2026-04-08"), now),
            ],
            lapses);
    }

    [Fact]
    public void A_deadline_passed_without_completion_reported_is_missed()
    {
        var task = QuarterlyTaskDueEndOfJune();
        var deadlineEnds = China("2026-07-01 00:00");

        Assert.Empty(LapseCheck.Due(task, Rules, Mainland, deadlineEnds.AddTicks(-1)));
        Assert.Equal([new DeadlineMissed(Day.Of("2026-06-30"), deadlineEnds)], LapseCheck.Due(task, Rules, Mainland, deadlineEnds));
    }

    [Fact]
    public void A_completion_reported_in_time_keeps_the_deadline_until_it_is_rejected()
    {
        var reported = QuarterlyTaskDueEndOfJune().Then(CompletionReported(CivilAffairs, "2026-06-29 10:00"));

        Assert.Empty(LapseCheck.Due(reported, Rules, Mainland, China("2026-07-01 09:00")));
        Assert.Equal([new DeadlineMissed(Day.Of("2026-06-30"), China("2026-07-02 11:00"))],
            LapseCheck.Due(reported.Then(CompletionRejected("2026-07-02 10:00")), Rules, Mainland, China("2026-07-02 11:00")));
    }

    [Fact]
    public void An_extension_moves_the_deadline_and_the_new_date_can_lapse_in_its_turn()
    {
        var missed = QuarterlyTaskDueEndOfJune().Then(new DeadlineMissed(Day.Of("2026-06-30"), China("2026-07-01 00:00")));
        var extended = missed.Then(ExtensionGranted("2026-09-30", "2026-07-03 10:00"));

        Assert.Empty(LapseCheck.Due(extended, Rules, Mainland, China("2026-07-06 09:00")));
        Assert.Equal([new DeadlineMissed(Day.Of("2026-09-30"), China("2026-10-01 00:00"))],
            LapseCheck.Due(extended.Then(Reported(CivilAffairs, "2026-04-01", "2026-06-30", "2026-07-02 10:00")), Rules, Mainland, China("2026-10-01 00:00")));
    }

    [Fact]
    public void A_completed_task_brings_no_lapses_and_needs_no_more_checks()
    {
        var task = Task(
            Assigned("2026-03-10 10:00", [CivilAffairs, Health], deadline: "2026-03-31"),
            Acknowledged(CivilAffairs, "2026-03-11 10:00"),
            CompletionReported(CivilAffairs, "2026-04-20 10:00"),
            CompletionAccepted("2026-04-21 10:00"));

        Assert.Empty(LapseCheck.Due(task, Rules, Mainland, China("2026-06-01 10:00")));
        Assert.Null(LapseCheck.NextCheckAt(task, Rules, Mainland, China("2026-06-01 10:00")));
    }

    [Fact]
    public void The_next_check_is_when_the_next_unmet_obligation_falls_due()
    {
        var assigned = Task(Assigned("2026-04-03 10:00", [CivilAffairs, Health]));
        var acknowledged = assigned.Then(Acknowledged(CivilAffairs, "2026-04-07 10:00"), Acknowledged(Health, "2026-04-07 11:00"));

        // The acknowledgements are due on 04-09; then April's report on the 5th working day of May, 05-11.
        Assert.Equal(China("2026-04-10 00:00"), LapseCheck.NextCheckAt(assigned, Rules, Mainland, China("2026-04-03 10:00")));
        Assert.Equal(China("2026-05-12 00:00"), LapseCheck.NextCheckAt(acknowledged, Rules, Mainland, China("2026-04-07 11:00")));
    }

    [Fact]
    public void The_next_check_looks_past_what_already_lapsed_and_at_the_deadline()
    {
        var task = Task(Assigned("2026-04-03 10:00", [CivilAffairs], deadline: "2026-04-30"));

        Assert.Equal(China("2026-05-01 00:00"), LapseCheck.NextCheckAt(task, Rules, Mainland, China("2026-04-10 00:00")));
        Assert.Equal(China("2026-05-12 00:00"), LapseCheck.NextCheckAt(task, Rules, Mainland, China("2026-05-01 00:00")));
    }

    private static SupervisedTask QuarterlyTaskDueEndOfJune() => Task(
        Assigned("2026-05-06 10:00", [CivilAffairs], deadline: "2026-06-30", cycle: ReportingCycle.Quarterly),
        Acknowledged(CivilAffairs, "2026-05-07 10:00"));
}
