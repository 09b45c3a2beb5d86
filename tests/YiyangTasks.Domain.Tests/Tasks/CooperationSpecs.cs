using YiyangTasks.Domain.Tasks;
using static YiyangTasks.Domain.Tests.Tasks.TaskSpec;

namespace YiyangTasks.Domain.Tests.Tasks;

/// <summary>配合单位: a cooperating unit acknowledges what it owes (配合事项) and reports on it; the lead sees who has not.</summary>
public class CooperationSpecs
{
    private static readonly DateOnly March1 = new(2026, 3, 1);
    private static readonly DateOnly March31 = new(2026, 3, 31);

    /// <summary>Task 7 with the plan naming 县医保局's part and 县财政局 cooperating without one named.</summary>
    private static TaskSpec GivenAssignedWithNamedDuty() =>
        new TaskSpec().Given(new TaskAssigned("yanling", 7, "推进医养结合机构建设。", [Health], [Insurance, Finance],
            ResponsibilityMode.LeadAndCooperate, new DateOnly(2026, 6, 30), "2026年6月底前", ReportingCycle.Monthly, Office, Assigned, null,
            [new CooperationDuty(Insurance, "做好医保支付政策衔接")]));

    [Fact]
    public void The_plan_s_named_duty_is_kept_on_the_assignment_and_empty_where_it_names_none()
    {
        var cooperation = GivenAssignedWithNamedDuty().State.Cooperation;
        Assert.Equal(["做好医保支付政策衔接", ""], cooperation.Parts.Select(p => p.PlannedDuty));
        Assert.Equal([Insurance, Finance], cooperation.NotYetAcknowledged);
        Assert.Equal([Insurance, Finance], cooperation.NotYetContributed);
    }

    [Fact]
    public void Assigning_keeps_duties_only_for_units_that_cooperate()
    {
        var assigned = new AssignTask("yanling", 7, "推进医养结合机构建设。", [Health], [Insurance], ResponsibilityMode.LeadAndCooperate, null, null,
                CooperationDuties: [new(Insurance, "  做好医保支付政策衔接 "), new(Health, "牵头单位不是配合单位")])
            .Decide(Office, Assigned).Single<TaskAssigned>();
        Assert.Equal([new CooperationDuty(Insurance, "做好医保支付政策衔接")], assigned.CooperationDuties);
    }

    [Fact]
    public void A_cooperating_unit_acknowledges_the_duty_the_plan_names_with_who_and_when()
    {
        var spec = GivenAssignedWithNamedDuty();
        var acknowledged = spec.When((t, a, now) => new AcknowledgeCooperation(Insurance, null).Decide(t, a, now), Liaison(Insurance))
            .Single<CooperationAcknowledged>();
        Assert.Equal((Insurance, "做好医保支付政策衔接", Liaison(Insurance)), (acknowledged.Unit, acknowledged.Duty, acknowledged.AcknowledgedBy));
        Assert.Equal([Finance], spec.State.Cooperation.NotYetAcknowledged);
        // The lead's acknowledgements are untouched: a cooperating unit's part is its own.
        Assert.Equal([Health], spec.State.OutstandingAcknowledgements);
    }

    [Fact]
    public void Where_the_plan_names_no_duty_the_unit_says_what_it_owes_when_it_acknowledges()
    {
        var spec = GivenAssignedWithNamedDuty();
        spec.When((t, a, now) => new AcknowledgeCooperation(Finance, " ").Decide(t, a, now), Liaison(Finance)).RefusedBy("cooperation-duty-required");
        spec.When((t, a, now) => new AcknowledgeCooperation(Finance, "保障配套资金").Decide(t, a, now), Liaison(Finance))
            .Single<CooperationAcknowledged>();
        Assert.Equal("保障配套资金", spec.State.Cooperation.PartOf(Finance, Assigned).Duty);
    }

    [Fact]
    public void Only_a_cooperating_unit_acknowledges_a_part_and_only_once()
    {
        var spec = GivenAssignedWithNamedDuty();
        spec.When((t, a, now) => new AcknowledgeCooperation(Health, "x").Decide(t, a, now), Liaison(Health))
            .RefusedBy("only-cooperating-unit-acknowledges-its-part");
        spec.When((t, a, now) => new AcknowledgeCooperation(CivilAffairs, "x").Decide(t, a, now), Liaison(CivilAffairs))
            .RefusedBy("only-cooperating-unit-acknowledges-its-part");
        spec.When((t, a, now) => new AcknowledgeCooperation(Insurance, null).Decide(t, a, now), Liaison(Insurance));
        spec.When((t, a, now) => new AcknowledgeCooperation(Insurance, null).Decide(t, a, now), Liaison(Insurance))
            .RefusedBy("cooperation-already-acknowledged");
    }

    [Fact]
    public void A_cooperating_unit_reports_its_part_and_the_lead_sees_who_has_not_contributed()
    {
        var spec = GivenAssignedWithNamedDuty();
        var id = Guid.NewGuid();
        spec.When((t, a, now) => new ReportCooperation(id, Insurance, March1, March31, "已出台医保支付衔接办法。").Decide(t, a, now), Liaison(Insurance))
            .Single<CooperationReported>();
        var cooperation = spec.State.Cooperation;
        Assert.Equal([Finance], cooperation.NotYetContributed);
        var last = cooperation.PartOf(Insurance, Assigned).LastContribution!;
        Assert.Equal((id, "已出台医保支付衔接办法。", March1), (last.ReportId, last.Narrative, last.PeriodStart));
        // The lead's reports and the task's status are the lead's: a contribution is not the task's progress.
        Assert.Empty(spec.State.Reports);
        Assert.Equal(YiyangTasks.Domain.Tasks.TaskStatus.Assigned, spec.State.Status);
    }

    [Fact]
    public void Reporting_a_period_again_keeps_one_contribution_for_it_counted_from_the_first()
    {
        var spec = GivenAssignedWithNamedDuty();
        spec.When((t, a, now) => new ReportCooperation(Guid.NewGuid(), Insurance, March1, March31, "初稿").Decide(t, a, now), Liaison(Insurance));
        var first = spec.State.Cooperation.PartOf(Insurance, Assigned).Contributions.Single().FirstReportedAt;
        spec.When((t, a, now) => new ReportCooperation(Guid.NewGuid(), Insurance, March1, March31, "修订稿").Decide(t, a, now), Liaison(Insurance));
        var contribution = spec.State.Cooperation.PartOf(Insurance, Assigned).Contributions.Single();
        Assert.Equal((first, "修订稿", 2), (contribution.FirstReportedAt, contribution.Narrative, contribution.Reports));
    }

    [Fact]
    public void A_contribution_is_a_cooperating_unit_s_of_a_period_begun_within_the_task_s_life()
    {
        GivenAssignedWithNamedDuty().When((t, a, now) => new ReportCooperation(Guid.NewGuid(), Health, March1, March31, "x").Decide(t, a, now), Liaison(Health))
            .RefusedBy("only-cooperating-unit-reports-its-part");
        GivenAssignedWithNamedDuty().When((t, a, now) => new ReportCooperation(Guid.NewGuid(), Insurance, new(2026, 4, 1), new(2026, 4, 30), "x")
            .Decide(t, a, now), Liaison(Insurance)).RefusedBy("report-period-in-future");
        GivenAssignedWithNamedDuty().When((t, a, now) => new ReportCooperation(Guid.NewGuid(), Insurance, new(2026, 2, 1), new(2026, 2, 28), "x")
            .Decide(t, a, now), Liaison(Insurance)).RefusedBy("report-period-before-assignment");
        GivenAssignedWithNamedDuty().When((t, a, now) => new ReportCooperation(Guid.NewGuid(), Insurance, March1, March31, " ")
            .Decide(t, a, now), Liaison(Insurance)).RefusedBy("cooperation-report-needs-narrative");
    }

    [Fact]
    public void A_revision_keeps_the_parts_of_units_still_cooperating_and_a_new_one_owes_from_the_revision()
    {
        var spec = GivenAssignedWithNamedDuty();
        spec.When((t, a, now) => new AcknowledgeCooperation(Insurance, null).Decide(t, a, now), Liaison(Insurance));
        var revisedAt = Assigned.AddDays(30);
        spec.Given(new TaskRevised("推进医养结合机构建设。", [Health], [Insurance, CivilAffairs], ResponsibilityMode.LeadAndCooperate,
            new DateOnly(2026, 6, 30), "2026年6月底前", ["cooperatingUnits"], Office, revisedAt));
        var parts = spec.State.Cooperation.Parts;
        Assert.Equal([Insurance, CivilAffairs], parts.Select(p => p.Unit));
        Assert.True(parts[0].IsAcknowledged);
        Assert.Equal(revisedAt, parts[1].Since);
    }

    [Fact]
    public void A_completed_task_takes_no_more_cooperation()
    {
        var spec = GivenAssignedWithNamedDuty().Given(new CompletionReported(Health, "完成", Liaison(Health), Assigned.AddDays(1)),
            new CompletionAccepted(null, Office, Assigned.AddDays(2)));
        spec.When((t, a, now) => new AcknowledgeCooperation(Insurance, null).Decide(t, a, now), Liaison(Insurance)).RefusedBy("task-completed");
    }
}
