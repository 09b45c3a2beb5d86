using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;
using static YiyangTasks.Domain.Tests.Tasks.TaskSpec;

namespace YiyangTasks.Domain.Tests.Tasks;

/// <summary>The office corrects how a task's deadline reads; the record keeps who, what it was, what it is and why.</summary>
public class DeadlineCorrectionSpecs
{
    private static readonly DeadlineTerms Standing = new(DeadlineKind.Standing, "长期坚持");

    [Fact]
    public void A_date_misread_is_corrected_to_a_standing_task_recording_who_the_old_terms_and_the_reason()
    {
        var spec = GivenAssigned();

        var corrected = spec.When((t, a, now) => new CorrectDeadline(Standing, "原文为“长期坚持”，导入误读为日期。").Decide(t, a, now), Office)
            .Single<DeadlineCorrected>();

        Assert.Equal(Office, corrected.CorrectedBy);
        Assert.Null(corrected.OldTerms); // assigned before terms were read
        Assert.Equal(Standing, corrected.NewTerms);
        Assert.Equal((null, "长期坚持", Standing), (spec.State.Deadline, spec.State.DeadlineWords, spec.State.DeadlineTerms));
    }

    [Fact]
    public void After_a_correction_to_every_quarter_the_obligations_are_each_quarter_end_and_no_completion()
    {
        var spec = GivenAssigned();
        var quarterly = new DeadlineTerms(DeadlineKind.Recurring, "每季度末报送", Every: ReportingCycle.Quarterly);
        spec.When((t, a, now) => new CorrectDeadline(quarterly, "按季度报送").Decide(t, a, now), Office).Single<DeadlineCorrected>();

        var owed = Obligations.Of(spec.State, TimelinessRules.Default, YiyangTasks.Domain.Calendar.WorkingDayCalendar.ChinaMainland,
            new DateTimeOffset(2026, 10, 8, 9, 0, 0, ChinaTime.Offset));

        Assert.DoesNotContain(owed, o => o.Kind == ObligationKind.Completion);
        Assert.Equal([new DateOnly(2026, 3, 31), new DateOnly(2026, 6, 30), new DateOnly(2026, 9, 30)],
            owed.Where(o => o.Kind == ObligationKind.Recurrence).Select(o => o.DueOn));
    }

    [Fact]
    public void A_second_correction_records_the_first_ones_terms_as_the_old()
    {
        var spec = GivenAssigned();
        spec.When((t, a, now) => new CorrectDeadline(Standing, "误读").Decide(t, a, now), Office);
        var range = new DeadlineTerms(DeadlineKind.Range, "2026年1月1日至12月31日", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

        var second = spec.When((t, a, now) => new CorrectDeadline(range, "再次核对原文").Decide(t, a, now), Office).Single<DeadlineCorrected>();

        Assert.Equal(Standing, second.OldTerms);
        Assert.Equal(new DateOnly(2026, 12, 31), spec.State.Deadline);
    }

    [Fact]
    public void A_correction_needs_a_reason_terms_that_hold_together_a_change_and_an_open_task()
    {
        var spec = GivenAssigned();
        spec.When((t, a, now) => new CorrectDeadline(Standing, " ").Decide(t, a, now), Office).RefusedBy("correction-needs-reason");
        spec.When((t, a, now) => new CorrectDeadline(new DeadlineTerms(DeadlineKind.Recurring, "每年"), "周期").Decide(t, a, now), Office)
            .RefusedBy("deadline-terms-inconsistent");
        spec.When((t, a, now) => new CorrectDeadline(Standing, "误读").Decide(t, a, now), Office).Single<DeadlineCorrected>();
        spec.When((t, a, now) => new CorrectDeadline(Standing, "再改").Decide(t, a, now), Office).RefusedBy("deadline-unchanged");

        spec.Given(new TaskWithdrawn("修订版不再列出", Office, spec.Now));
        spec.When((t, a, now) => new CorrectDeadline(new DeadlineTerms(DeadlineKind.Standing, "长期"), "误读").Decide(t, a, now), Office)
            .RefusedBy("task-withdrawn");
    }
}
