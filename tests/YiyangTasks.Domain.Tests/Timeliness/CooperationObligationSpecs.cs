using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Tests.Calendar;
using YiyangTasks.Domain.Timeliness;
using static YiyangTasks.Domain.Tests.Timeliness.TaskHistory;

namespace YiyangTasks.Domain.Tests.Timeliness;

/// <summary>
/// A cooperating unit owes its own acknowledgement (3 working days, as a lead) and a report on its part for each period of
/// the task's cycle, due with the lead's; its lapses are recorded as its own and never count against the lead.
/// </summary>
public class CooperationObligationSpecs
{
    private static CooperationAcknowledged CooperationAcknowledged(string unit, string at) =>
        new(unit, "做好医保支付政策衔接", new Actor($"liaison:{unit}", "联络员", "liaison", unit), China(at));

    private static CooperationReported Contributed(string unit, string start, string end, string at) =>
        new(Guid.NewGuid(), unit, Day.Of(start), Day.Of(end), "配合进展", new Actor($"liaison:{unit}", "联络员", "liaison", unit), China(at));

    [Fact]
    public void A_cooperating_unit_owes_its_acknowledgement_and_a_report_each_period_due_with_the_lead_s()
    {
        var task = Task(Assigned("2026-01-20 10:00", [CivilAffairs], cooperating: [Insurance]),
            CooperationAcknowledged(Insurance, "2026-01-21 10:00"),
            Contributed(Insurance, "2026-02-01", "2026-02-28", "2026-03-09 10:00"));

        var owed = CooperationObligations.Of(task, Rules, Mainland, China("2026-04-15 09:00"));

        Assert.All(owed, o => Assert.True(o.Cooperating));
        Assert.Equal(
            [
                (ObligationKind.Acknowledgement, "", "2026-01-23", true, false),
                (ObligationKind.Report, "2026-01-01", "2026-02-06", false, true),
                (ObligationKind.Report, "2026-02-01", "2026-03-06", true, true), // reported on the 9th: late
                (ObligationKind.Report, "2026-03-01", "2026-04-08", false, true),
            ],
            owed.Select(o => (o.Kind, $"{o.PeriodStart:yyyy-MM-dd}", $"{o.DueOn:yyyy-MM-dd}", o.IsMet, o.Lapsed)));
        // The lead's own obligations do not include the cooperating unit's.
        Assert.DoesNotContain(Obligations.Of(task, Rules, Mainland, China("2026-04-15 09:00")), o => o.Unit == Insurance);
    }

    [Fact]
    public void Lapses_of_a_cooperating_unit_are_recorded_once_as_its_own()
    {
        var task = Task(Assigned("2026-03-02 10:00", [CivilAffairs], cooperating: [Insurance]),
            Acknowledged(CivilAffairs, "2026-03-03 10:00"),
            Reported(CivilAffairs, "2026-03-01", "2026-03-31", "2026-04-02 10:00"));

        var lapses = LapseCheck.Due(task, Rules, Mainland, China("2026-04-09 09:00"));

        Assert.Equal([typeof(CooperationAcknowledgementOverdue), typeof(CooperationReportMissed)], lapses.Select(l => l.GetType()));
        var missed = (CooperationReportMissed)lapses[1];
        Assert.Equal((Insurance, Day.Of("2026-03-01"), Day.Of("2026-04-08")), (missed.Unit, missed.PeriodStart, missed.DueOn));

        var after = task.Then([.. lapses]);
        Assert.Empty(LapseCheck.Due(after, Rules, Mainland, China("2026-04-20 09:00")));
        Assert.Empty(after.Lapses); // the lead's lapse record is untouched
        var part = after.Cooperation.PartOf(Insurance, after.AssignedAt);
        Assert.Equal((Day.Of("2026-03-05"), 1), (part.AcknowledgementOverdueOn!.Value, part.ReportsMissed));
    }

    [Fact]
    public void The_next_check_looks_ahead_to_a_cooperating_unit_s_due_day()
    {
        var task = Task(Assigned("2026-03-02 10:00", [CivilAffairs], cooperating: [Insurance]),
            Acknowledged(CivilAffairs, "2026-03-02 11:00"));
        // The lead acknowledged; the cooperating unit's acknowledgement is due Thursday 5 March, before March's reports.
        Assert.Equal(ChinaTime.EndOf(Day.Of("2026-03-05")), LapseCheck.NextCheckAt(task, Rules, Mainland, China("2026-03-02 12:00")));
    }

    [Fact]
    public void A_unit_added_by_a_revision_owes_from_the_revision_not_from_the_assignment()
    {
        var task = Task(Assigned("2026-01-05 10:00", [CivilAffairs]),
            new TaskRevised("推进医养结合机构建设", [CivilAffairs], [Insurance], ResponsibilityMode.LeadAndCooperate, null, null,
                ["cooperatingUnits"], new Actor("office", "联席会议办公室", "office", null), China("2026-03-16 10:00")));

        var owed = CooperationObligations.Of(task, Rules, Mainland, China("2026-04-15 09:00"));

        Assert.Equal([("", "2026-03-19"), ("2026-03-01", "2026-04-08")], owed.Select(o => ($"{o.PeriodStart:yyyy-MM-dd}", $"{o.DueOn:yyyy-MM-dd}")));
    }

    [Fact]
    public void The_unit_report_counts_cooperated_work_apart_and_never_against_the_lead()
    {
        var task = Task(Assigned("2026-03-02 10:00", [CivilAffairs], cooperating: [Insurance, Health]),
            Acknowledged(CivilAffairs, "2026-03-03 10:00"),
            Reported(CivilAffairs, "2026-03-01", "2026-03-31", "2026-04-02 10:00"),
            CooperationAcknowledged(Health, "2026-03-04 10:00"),
            Contributed(Health, "2026-03-01", "2026-03-31", "2026-04-10 10:00"));

        var rows = UnitTimelinessReport.Of([task], Rules, Mainland, China("2026-04-20 09:00")).ToDictionary(r => r.Unit);

        var lead = rows[CivilAffairs];
        Assert.Equal((1, 1, 0, 1.0), (lead.AcknowledgementsOnTime, lead.ReportsOnTime, lead.ReportsMissed, lead.OnTimeRate!.Value));
        Assert.Equal(CooperatedWork.None, lead.Cooperated);
        Assert.Equal(new CooperatedWork(0, 0, 1, 0, 0, 1, 0.0), rows[Insurance].Cooperated);
        Assert.Equal(new CooperatedWork(1, 0, 0, 0, 1, 0, 0.5), rows[Health].Cooperated);
        // Led figures of a unit that only cooperates stay empty.
        Assert.Equal((0, 1, 0, 0, (double?)null), (rows[Health].TasksLed, rows[Health].TasksCooperated, rows[Health].ReportsMissed,
            rows[Health].AcknowledgementsOutstanding, rows[Health].OnTimeRate));
    }
}
