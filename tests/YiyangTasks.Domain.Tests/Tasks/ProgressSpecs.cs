using YiyangTasks.Domain.Tasks;
using static YiyangTasks.Domain.Tests.Tasks.TaskSpec;
using TaskStatus = YiyangTasks.Domain.Tasks.TaskStatus;

namespace YiyangTasks.Domain.Tests.Tasks;

/// <summary>Progress comes from a unit on the task; a correction supersedes a report, never edits it.</summary>
public class ProgressSpecs
{
    private static readonly Guid First = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Second = Guid.Parse("00000000-0000-0000-0000-000000000002");

    private static ReportProgress March(Guid id, string unit, int percent, Guid? supersedes = null) =>
        new(id, unit, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), ProgressStatus.OnTrack, percent, "进展顺利", [], supersedes);

    [Fact]
    public void A_cooperating_unit_reports_progress_and_the_task_is_in_progress()
    {
        var spec = GivenAssigned();
        var reported = spec.When((t, a, now) => March(First, Insurance, 30).Decide(t, a, now), Liaison(Insurance))
            .Single<ProgressReported>();
        Assert.Equal(30, reported.PercentDone);
        Assert.Equal(TaskStatus.InProgress, spec.State.Status);
    }

    [Fact]
    public void A_unit_not_on_the_task_does_not_report()
    {
        GivenAssigned().When((t, a, now) => March(First, Finance, 30).Decide(t, a, now), Liaison(Finance))
            .RefusedBy("unit-not-on-task");
    }

    [Fact]
    public void A_correction_supersedes_the_earlier_report_of_the_same_unit()
    {
        var spec = GivenAssigned();
        spec.When((t, a, now) => March(First, Health, 30).Decide(t, a, now), Liaison(Health));
        spec.When((t, a, now) => March(Second, Health, 35, supersedes: First).Decide(t, a, now), Liaison(Health))
            .Single<ProgressReported>();
        Assert.Equal([Second], spec.State.CurrentReports.Select(r => r.ReportId));
        // The task keeps the report in force for the period, not both (it used to keep every report; the record has them).
        Assert.Equal(2, spec.State.ReportCount);
        Assert.Equal([Second], spec.State.Reports.Select(r => r.ReportId));
    }

    [Fact]
    public void A_correction_names_a_report_of_its_own_unit_not_yet_superseded()
    {
        var spec = GivenAssigned();
        spec.When((t, a, now) => March(First, Health, 30).Decide(t, a, now), Liaison(Health));
        spec.When((t, a, now) => March(Second, CivilAffairs, 35, supersedes: First).Decide(t, a, now), Liaison(CivilAffairs))
            .RefusedBy("superseded-report-unknown");
        spec.When((t, a, now) => March(Second, Health, 35, supersedes: First).Decide(t, a, now), Liaison(Health));
        spec.When((t, a, now) => March(Guid.NewGuid(), Health, 40, supersedes: First).Decide(t, a, now), Liaison(Health))
            .RefusedBy("report-already-superseded");
    }

    [Fact]
    public void A_period_does_not_end_before_it_starts_and_percent_is_0_to_100()
    {
        var backwards = new ReportProgress(First, Health, new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 1), ProgressStatus.OnTrack, 1, "x", [], null);
        GivenAssigned().When((t, a, now) => backwards.Decide(t, a, now), Liaison(Health)).RefusedBy("period-ends-before-it-starts");
        GivenAssigned().When((t, a, now) => March(First, Health, 101).Decide(t, a, now), Liaison(Health)).RefusedBy("percent-out-of-range");
    }
    private static ReportProgress Period(string from, string to) =>
        new(Guid.NewGuid(), Health, DateOnly.Parse(from), DateOnly.Parse(to), ProgressStatus.OnTrack, 10, "进展顺利", [], null);

    [Fact]
    public void A_report_speaks_of_a_period_already_begun_by_Beijing_s_calendar()
    {
        // Assigned Monday 2 March 2026, 09:00 in Beijing; the spec's clock reads 10:00 that day.
        GivenAssigned().When((t, a, now) => Period("2030-01-01", "2030-01-31").Decide(t, a, now), Liaison(Health))
            .RefusedBy("report-period-in-future");
        GivenAssigned().When((t, a, now) => Period("2026-03-03", "2026-03-31").Decide(t, a, now), Liaison(Health))
            .RefusedBy("report-period-in-future");
        GivenAssigned().When((t, a, now) => Period("2026-03-02", "2026-03-31").Decide(t, a, now), Liaison(Health))
            .Single<ProgressReported>();
        // A monthly task: the year would answer April to December in advance.
        GivenAssigned().When((t, a, now) => Period("2026-03-02", "2026-12-31").Decide(t, a, now), Liaison(Health))
            .RefusedBy("report-period-past-running-period");
        GivenAssigned().When((t, a, now) => Period("2026-03-02", "2026-04-01").Decide(t, a, now), Liaison(Health))
            .RefusedBy("report-period-past-running-period");

        // 16:30 UTC on 2 March is already 00:30 on 3 March in Beijing: a period starting the 3rd has begun.
        var justAfterMidnightInBeijing = new DateTimeOffset(2026, 3, 2, 16, 30, 0, TimeSpan.Zero);
        GivenAssigned().When((t, a, _) => Period("2026-03-03", "2026-03-31").Decide(t, a, justAfterMidnightInBeijing), Liaison(Health))
            .Single<ProgressReported>();
    }

    [Fact]
    public void A_report_does_not_cover_only_time_before_the_task_was_assigned()
    {
        GivenAssigned().When((t, a, now) => Period("2026-02-01", "2026-02-28").Decide(t, a, now), Liaison(Health))
            .RefusedBy("report-period-before-assignment");
        GivenAssigned().When((t, a, now) => Period("2025-03-01", "2025-03-31").Decide(t, a, now), Liaison(Health))
            .RefusedBy("report-period-before-assignment");

        // A period that reaches the day of assignment, or began before it and runs on, is the task's own.
        GivenAssigned().When((t, a, now) => Period("2026-02-01", "2026-03-02").Decide(t, a, now), Liaison(Health))
            .Single<ProgressReported>();
        GivenAssigned().When((t, a, now) => March(First, Health, 10).Decide(t, a, now), Liaison(Health))
            .Single<ProgressReported>();
    }
}
