using System.Text.Json;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Tests.Calendar;
using YiyangTasks.Domain.Timeliness;
using static YiyangTasks.Domain.Tests.Timeliness.TaskHistory;

namespace YiyangTasks.Domain.Tests.Tasks;

/// <summary>
/// The task keeps what decisions need, not its history: a task reported on every day for years is as big as one
/// reported on once a period, and the rules read the same from it as from the whole record.
/// </summary>
public class BoundedStateSpecs
{
    private static readonly DateOnly March = Day.Of("2026-03-01");
    private static readonly DateOnly MarchEnd = Day.Of("2026-03-31");

    [Fact]
    public void A_task_reported_on_a_thousand_times_for_one_period_keeps_one_report_per_unit_and_its_size()
    {
        var task = Task(Assigned("2026-03-02 09:00", [CivilAffairs, Health]));
        var once = task.Then(Reported(CivilAffairs, "2026-03-01", "2026-03-31", "2026-03-20 10:00"),
            Reported(Health, "2026-03-01", "2026-03-31", "2026-03-20 10:00"));
        var often = once;
        for (var i = 0; i < 1_000; i++)
            often = often.Then(Reported(i % 2 == 0 ? CivilAffairs : Health, "2026-03-01", "2026-03-31", "2026-03-21 10:00"));

        Assert.Equal(2, often.Reports.Count);
        Assert.Equal(1_002, often.ReportCount);
        // Only the replaced reports' ids and the count's digits differ.
        Assert.Equal(Size(once), Size(often), tolerance: 200);
        // The period counts as reported from the first report, whatever replaced it since.
        Assert.All(often.Reports, r => Assert.Equal(China("2026-03-20 10:00"), r.FirstReportedAt));
        Assert.All(often.Reports, r => Assert.Equal(China("2026-03-21 10:00"), r.ReportedAt));
    }

    [Fact]
    public void Findings_and_admonishments_are_counted_and_the_latest_finding_kept()
    {
        var task = Task(Assigned("2026-03-02 09:00", [CivilAffairs, Health]));
        for (var i = 0; i < 200; i++)
            task = task.Then(Finding(i % 3 == 0 ? SupervisionRating.Poor : SupervisionRating.Good, "2026-04-01 10:00"),
                Admonished("2026-04-02 10:00", CivilAffairs, CivilAffairs), Admonished("2026-04-02 11:00", Health, CivilAffairs));

        Assert.Equal(new RatingCounts(Good: 133, Poor: 67), task.Ratings);
        Assert.Equal(SupervisionRating.Good, task.LatestFinding!.Rating);
        Assert.Equal([new UnitCount(CivilAffairs, 400), new UnitCount(Health, 200)], task.Admonished);
        Assert.True(Size(task) < 2_000, $"{Size(task)} bytes");
    }

    [Fact]
    public void A_lapse_recorded_twice_is_kept_once_and_another_period_or_deadline_is_another_lapse()
    {
        var missed = new ReportMissed(CivilAffairs, March, MarchEnd, Day.Of("2026-04-08"), China("2026-04-09 00:00"));
        var task = Task(Assigned("2026-03-02 09:00", [CivilAffairs], deadline: "2026-06-30"))
            .Then(missed, missed with { DetectedAt = China("2026-04-09 00:10") },
                missed with { PeriodStart = Day.Of("2026-04-01"), PeriodEnd = Day.Of("2026-04-30"), DueOn = Day.Of("2026-05-13") },
                new DeadlineMissed(Day.Of("2026-06-30"), China("2026-07-01 00:00")), new DeadlineMissed(Day.Of("2026-06-30"), China("2026-07-01 00:01")),
                new DeadlineMissed(Day.Of("2026-09-30"), China("2026-10-01 00:00")));

        Assert.Equal(4, task.Lapses.Count);
        Assert.Equal(China("2026-04-09 00:00"), task.Lapses[0].DetectedAt);
    }

    [Fact]
    public void A_correction_filed_for_another_period_leaves_the_corrected_period_reported_with_no_report_in_force()
    {
        var first = Guid.NewGuid();
        var task = Task(Assigned("2026-03-02 09:00", [CivilAffairs]),
            Reported(CivilAffairs, "2026-03-01", "2026-03-31", "2026-04-02 10:00", id: first),
            Reported(CivilAffairs, "2026-04-01", "2026-04-30", "2026-04-03 10:00", supersedes: first));

        Assert.True(task.Reports.Single(r => r.PeriodStart == March).Superseded);
        Assert.Single(task.CurrentReports);
        var march = Obligations.Of(task, Rules, Mainland, China("2026-05-20 10:00")).First(o => o.PeriodStart == March);
        Assert.Equal(China("2026-04-02 10:00"), march.MetAt);
    }

    [Fact]
    public void The_report_a_correction_replaced_is_refused_as_already_superseded()
    {
        var spec = TaskSpec.GivenAssigned();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        spec.When((t, a, now) => Report(first, null).Decide(t, a, now), TaskSpec.Liaison(TaskSpec.Health));
        spec.When((t, a, now) => Report(second, first).Decide(t, a, now), TaskSpec.Liaison(TaskSpec.Health));
        spec.When((t, a, now) => Report(Guid.NewGuid(), first).Decide(t, a, now), TaskSpec.Liaison(TaskSpec.Health))
            .RefusedBy("report-already-superseded");
        spec.When((t, a, now) => Report(Guid.NewGuid(), second).Decide(t, a, now), TaskSpec.Liaison(TaskSpec.Health))
            .Single<ProgressReported>();

        static ReportProgress Report(Guid id, Guid? supersedes) =>
            new(id, TaskSpec.Health, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), ProgressStatus.OnTrack, 10, "进展", [], supersedes);
    }

    [Fact]
    public void The_record_keeps_every_report_finding_and_sanction_in_order()
    {
        var first = Guid.NewGuid();
        var record = TaskRecord.Of([
            Assigned("2026-03-02 09:00", [CivilAffairs]),
            Reported(CivilAffairs, "2026-03-01", "2026-03-31", "2026-04-02 10:00", id: first),
            Reported(CivilAffairs, "2026-03-01", "2026-03-31", "2026-04-03 10:00", supersedes: first),
            Finding(SupervisionRating.Fair, "2026-04-04 10:00"),
            Admonished("2026-04-05 10:00", CivilAffairs),
            new AccountabilityEscalated([CivilAffairs], "仍未整改", new Actor("s", "陈组长", "supervision", null), China("2026-05-05 10:00")),
        ]);

        Assert.Equal([true, false], record.Reports.Select(r => r.Superseded));
        Assert.Equal(SupervisionRating.Fair, Assert.Single(record.Findings).Rating);
        Assert.Equal([CivilAffairs], Assert.Single(record.Admonishments).Units);
        Assert.Equal("仍未整改", Assert.Single(record.Escalations).Reason);
    }

    /// <summary>
    /// Over generated lives (reports for overlapping periods, late and early, corrections of any earlier report, findings,
    /// admonishments), what the rules read from the bounded task equals what the whole record says.
    /// </summary>
    [Fact]
    public void Over_generated_lives_the_rules_read_from_the_task_what_the_whole_record_says()
    {
        var units = new[] { CivilAffairs, Health };
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var events = new List<object> { Assigned("2026-01-05 09:00", units, deadline: "2026-12-31") };
            var ids = new List<(Guid Id, string Unit)>();
            var at = China("2026-01-06 09:00");
            for (var step = 0; step < 60; step++)
            {
                at = at.AddHours(random.Next(1, 200));
                var unit = units[random.Next(units.Length)];
                var month = new DateOnly(2026, random.Next(1, Math.Min(12, ChinaTime.DateOf(at).Month) + 1), 1);
                var end = random.Next(4) == 0 ? month.AddMonths(2).AddDays(-1) : month.AddMonths(1).AddDays(-1);
                var own = ids.Where(i => i.Unit == unit).ToArray();
                Guid? supersedes = own.Length > 0 && random.Next(3) == 0 ? own[^1].Id : null;
                var id = Guid.NewGuid();
                var status = (ProgressStatus)random.Next(3);
                events.Add(new ProgressReported(id, unit, month, end, status, random.Next(101), "进展", [], supersedes,
                    new Actor("l", "联络员", "liaison", unit), at));
                ids.Add((id, unit));
                if (random.Next(10) == 0) events.Add(Finding((SupervisionRating)random.Next(3), "2026-06-01 10:00"));
                if (random.Next(10) == 0) events.Add(Admonished("2026-06-02 10:00", unit));
            }
            var task = Task([.. events]);
            var record = TaskRecord.Of(events);
            var now = at.AddDays(random.Next(0, 60));

            foreach (var o in Obligations.Of(task, Rules, Mainland, now).Where(o => o.Kind == ObligationKind.Report))
            {
                var first = record.Reports.Where(r => r.Unit == o.Unit && r.PeriodStart <= o.PeriodEnd && r.PeriodEnd >= o.PeriodStart)
                    .Min(r => (DateTimeOffset?)r.ReportedAt);
                Assert.Equal(first, o.MetAt);
            }
            foreach (var unit in units)
            {
                var latest = record.Reports.Where(r => r.Unit == unit).Max(r => (DateTimeOffset?)r.ReportedAt);
                Assert.Equal(latest, task.Reports.Where(r => r.Unit == unit).Max(r => (DateTimeOffset?)r.ReportedAt));
                var inForce = record.Reports.Where(r => r.Unit == unit && !r.Superseded).MaxBy(r => r.ReportedAt)?.Status;
                Assert.Equal(inForce, task.CurrentReports.Where(r => r.Unit == unit).MaxBy(r => r.ReportedAt)?.Status);
                Assert.Equal(record.Admonishments.Count(a => a.Units.Contains(unit)), task.AdmonishmentsOf(unit));
            }
            Assert.Equal(record.Reports.Count, task.ReportCount);
            Assert.Equal(record.Findings.Count(f => f.Rating == SupervisionRating.Poor), task.Ratings.Poor);
            Assert.Equal(record.Findings.LastOrDefault(), task.LatestFinding);
        }
    }

    private static int Size(SupervisedTask task) => JsonSerializer.SerializeToUtf8Bytes(task).Length;
}
