using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;
using static YiyangTasks.Domain.Tests.Timeliness.TaskHistory;

namespace YiyangTasks.Domain.Tests.Timeliness;

/// <summary>红黄绿灯: red when something is overdue, yellow when something is near or at risk, green otherwise.</summary>
public class TrafficLightSpecs
{
    private static readonly SupervisedTask AssignedBeforeQingming = Task(Assigned("2026-04-03 10:00", [CivilAffairs], cooperating: [Health]));

    [Fact]
    public void Green_when_nothing_is_overdue_near_or_at_risk()
    {
        var task = AssignedBeforeQingming.Then(Acknowledged(CivilAffairs, "2026-04-07 10:00"));

        Assert.Equal(new TrafficLight(Light.Green, []), LightOf(task, "2026-04-20 09:00"), Same);
    }

    [Fact]
    public void Yellow_when_an_unmet_obligation_falls_due_within_three_working_days()
    {
        // Due 04-09; from Friday 04-03 the working days up to it are 04-07, 04-08, 04-09.
        var light = LightOf(AssignedBeforeQingming, "2026-04-03 10:00");

        Assert.Equal(Light.Yellow, light.Light);
        Assert.Equal([new LightReason(LightCause.DueSoon, ObligationKind.Acknowledgement, CivilAffairs, new DateOnly(2026, 4, 9))], light.Reasons); // 市民政局签收临期（2026年4月9日前签收）
        Assert.Equal(Light.Green, TrafficLight.Of(AssignedBeforeQingming, Rules with { YellowWithinWorkingDays = 2 }, Mainland, China("2026-04-03 10:00")).Light);
    }

    [Fact]
    public void Yellow_when_a_units_latest_current_report_says_at_risk_or_blocked()
    {
        var blocked = Guid.NewGuid();
        var acknowledged = AssignedBeforeQingming.Then(Acknowledged(CivilAffairs, "2026-04-07 10:00"));
        var atRisk = acknowledged.Then(Reported(Health, "2026-04-01", "2026-04-30", "2026-04-15 10:00", ProgressStatus.AtRisk));
        var blockedThenCorrected = acknowledged.Then(
            Reported(CivilAffairs, "2026-04-01", "2026-04-30", "2026-04-15 10:00", ProgressStatus.Blocked, id: blocked),
            Reported(CivilAffairs, "2026-04-01", "2026-04-30", "2026-04-16 10:00", supersedes: blocked));
        var backOnTrack = atRisk.Then(Reported(Health, "2026-04-01", "2026-04-30", "2026-04-17 10:00"));

        Assert.Equal(new TrafficLight(Light.Yellow, [new LightReason(LightCause.AtRisk, null, Health)]), LightOf(atRisk, "2026-04-20 09:00"), Same);
        Assert.Equal(Light.Green, LightOf(blockedThenCorrected, "2026-04-20 09:00").Light);
        Assert.Equal(Light.Green, LightOf(backOnTrack, "2026-04-20 09:00").Light);
    }

    [Fact]
    public void Red_when_an_acknowledgement_is_overdue()
    {
        var light = LightOf(AssignedBeforeQingming, "2026-04-10 09:00");

        Assert.Equal(Light.Red, light.Light);
        Assert.Equal([new LightReason(LightCause.Overdue, ObligationKind.Acknowledgement, CivilAffairs, new DateOnly(2026, 4, 9))], light.Reasons); // 市民政局签收逾期（应于2026年4月9日签收）
    }

    [Fact]
    public void A_missed_report_stays_red_until_the_unit_reports_again()
    {
        var missed = Task(Assigned("2026-03-10 10:00", [CivilAffairs]), Acknowledged(CivilAffairs, "2026-03-11 10:00"));
        var reportsAgain = missed.Then(Reported(CivilAffairs, "2026-04-01", "2026-04-15", "2026-04-16 10:00"));

        // 市民政局2026年3月1日至2026年3月31日进展报告缺报（应于2026年4月8日报送）
        Assert.Equal(new TrafficLight(Light.Red, [new LightReason(LightCause.Overdue, ObligationKind.Report, CivilAffairs, new DateOnly(2026, 4, 8),
                new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31))]),
            LightOf(missed, "2026-04-15 09:00"), Same);
        Assert.Equal(Light.Green, LightOf(reportsAgain, "2026-04-17 09:00").Light);
    }

    [Fact]
    public void Red_when_the_deadline_passed_without_completion_reported_and_green_once_completed()
    {
        var task = AssignedBeforeQingming.Then(Acknowledged(CivilAffairs, "2026-04-07 10:00"));
        var overdue = Task(Assigned("2026-04-03 10:00", [CivilAffairs], deadline: "2026-04-30"), Acknowledged(CivilAffairs, "2026-04-07 10:00"));
        var completed = overdue.Then(CompletionReported(CivilAffairs, "2026-05-06 10:00"), CompletionAccepted("2026-05-07 10:00"));

        Assert.Equal(Light.Green, LightOf(task, "2026-05-06 09:00").Light);
        Assert.Equal(new TrafficLight(Light.Red, [new LightReason(LightCause.Overdue, ObligationKind.Completion, null, new DateOnly(2026, 4, 30))]), // 逾期未办结（完成时限2026年4月30日）
            LightOf(overdue, "2026-05-06 09:00"), Same);
        Assert.Equal(new TrafficLight(Light.Green, []), LightOf(completed, "2026-06-30 09:00"), Same);
    }

    private static TrafficLight LightOf(SupervisedTask task, string now) => TrafficLight.Of(task, Rules, Mainland, China(now));

    private static bool Same(TrafficLight expected, TrafficLight actual) =>
        expected.Light == actual.Light && expected.Reasons.SequenceEqual(actual.Reasons);
}
