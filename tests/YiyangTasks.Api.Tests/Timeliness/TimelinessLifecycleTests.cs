using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Api.Tests.Tasks;
using YiyangTasks.Domain.Tasks;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Timeliness;

/// <summary>
/// Time moves (a test clock, no sleeping) through a task's life: a late acknowledgement, a missed report, a
/// missed deadline. Each lapse is recorded once, and the unit and plan figures are exact.
/// </summary>
public class TimelinessLifecycleTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static DateTimeOffset Beijing(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private async Task At(DateTimeOffset now)
    {
        api.Clock.Set(now);
        await api.SweepAsync();
    }

    [Fact]
    public async Task A_late_acknowledgement_a_missed_report_and_a_missed_deadline_are_recorded_once_and_counted_exactly()
    {
        api.Clock.Set(ApiFactory.Start); // Monday 2 March 2026, 09:00 Beijing
        var planId = await api.RegisterTwoTaskPlanAsync(deadline: "2026-04-30");

        await At(Beijing(3, 3));
        using (var health = api.As(Roles.Liaison, HealthCommission))
            Assert.Equal(HttpStatusCode.OK, (await health.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);

        await At(Beijing(3, 5, 23)); // acknowledgement due 5 March (3 working days): not yet lapsed
        Assert.Empty((await api.EventsAsync(planId, 1)).OfType<AcknowledgementOverdue>());

        await At(Beijing(3, 6));
        await api.SweepAsync();
        var overdue = Assert.Single((await api.EventsAsync(planId, 1)).OfType<AcknowledgementOverdue>());
        Assert.Equal((CivilAffairs, new DateOnly(2026, 3, 5)), (overdue.Unit, overdue.DueOn));

        await At(Beijing(3, 9));
        using (var civil = api.As(Roles.Liaison, CivilAffairs))
            Assert.Equal(HttpStatusCode.OK, (await civil.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);

        await At(Beijing(3, 31));
        using (var health = api.As(Roles.Liaison, HealthCommission))
            Assert.Equal(HttpStatusCode.OK, (await health.PostAsJsonAsync(TaskUrl(planId, 1, "/progress-reports"), TaskLifecycleTests.Report(40, "三月进展"))).StatusCode);

        await At(Beijing(4, 8, 23)); // March's report is due on April's 5th working day, the 8th (清明 4–6 April)
        Assert.Empty((await api.EventsAsync(planId, 1)).OfType<ReportMissed>());
        await At(Beijing(4, 9));
        var missed = Assert.Single((await api.EventsAsync(planId, 1)).OfType<ReportMissed>());
        Assert.Equal((CivilAffairs, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 8)), (missed.Unit, missed.PeriodStart, missed.DueOn));

        await At(Beijing(5, 6)); // the deadline, 30 April, passed during 劳动节
        await api.SweepAsync();
        var events = await api.EventsAsync(planId, 1);
        Assert.Equal(new DateOnly(2026, 4, 30), Assert.Single(events.OfType<DeadlineMissed>()).Deadline);
        Assert.Single(events.OfType<AcknowledgementOverdue>());
        Assert.Single(events.OfType<ReportMissed>());

        using var supervision = api.As(Roles.Supervision);
        var history = (await (await supervision.GetAsync(TaskUrl(planId, 1, "/history"))).JsonAsync()).EnumerateArray().ToArray();
        Assert.All(history.Where(e => e.GetProperty("type").GetString()!.EndsWith("Missed") || e.GetProperty("type").GetString() == "AcknowledgementOverdue"),
            e => Assert.Equal("system", e.GetProperty("actor").GetProperty("userId").GetString()));

        await api.ProjectionsCaughtUpAsync();
        var rows = (await (await supervision.GetAsync($"/api/reports/timeliness?plan={planId}")).JsonAsync()).EnumerateArray()
            .ToDictionary(r => r.GetProperty("unit").GetString()!);
        var healthRow = rows[HealthCommission];
        Assert.Equal([1, 0, 1, 0, 0], Ints(healthRow, "tasksLed", "tasksCooperated", "acknowledgementsOnTime", "acknowledgementsLate", "acknowledgementsOutstanding"));
        Assert.Equal(1, healthRow.GetProperty("averageAcknowledgementWorkingDays").GetDouble());
        Assert.Equal([1, 0, 0, 1], Ints(healthRow, "reportsOnTime", "reportsLate", "reportsMissed", "tasksOverdueNow"));
        var civilRow = rows[CivilAffairs];
        // Task 2 (led by 市民政局 alone) was never acknowledged and its March report never came either.
        Assert.Equal([2, 0, 0, 1, 1], Ints(civilRow, "tasksLed", "tasksCooperated", "acknowledgementsOnTime", "acknowledgementsLate", "acknowledgementsOutstanding"));
        Assert.Equal(5, civilRow.GetProperty("averageAcknowledgementWorkingDays").GetDouble()); // 3, 4, 5, 6, 9 March
        Assert.Equal([0, 0, 2, 1], Ints(civilRow, "reportsOnTime", "reportsLate", "reportsMissed", "tasksOverdueNow"));
        Assert.Equal(0, civilRow.GetProperty("onTimeRate").GetDouble());
        Assert.Equal(1, rows[MedicalInsurance].GetProperty("tasksCooperated").GetInt32());

        var overview = await (await supervision.GetAsync($"/api/reports/plans/{planId}/overview")).JsonAsync();
        Assert.Equal(1, overview.GetProperty("tasksByStatus").GetProperty("inProgress").GetInt32());
        Assert.Equal(2, overview.GetProperty("lights").GetProperty("red").GetInt32()); // task 2 was never acknowledged
        var overdueList = overview.GetProperty("overdue").EnumerateArray().Where(o => o.GetProperty("number").GetInt32() == 1).ToArray();
        Assert.Contains(overdueList, o => o.GetProperty("obligation").GetString() == "completion" && o.GetProperty("workingDaysOverdue").GetInt32() == 1);
        Assert.Contains(overdueList, o => o.GetProperty("obligation").GetString() == "report" && o.GetProperty("unit").GetString() == CivilAffairs);
        Assert.Equal(HealthCommission, overview.GetProperty("unitRanking")[0].GetProperty("unit").GetString());

        var task = await (await supervision.GetAsync(TaskUrl(planId, 1))).JsonAsync();
        Assert.True(task.TryGetProperty("light", out _), task.ToString());
        Assert.Equal("red", task.GetProperty("light").GetProperty("light").GetString());
        var inMarch = await (await supervision.GetAsync(TaskUrl(planId, 1, "?asOf=" + Uri.EscapeDataString(Beijing(3, 4).ToString("O"))))).JsonAsync();
        Assert.True(inMarch.TryGetProperty("version", out _), inMarch.ToString());
        Assert.Equal(2, inMarch.GetProperty("version").GetInt64());
        Assert.Equal("assigned", inMarch.GetProperty("task").GetProperty("status").GetString());
        Assert.Equal("yellow", inMarch.GetProperty("light").GetProperty("light").GetString());
    }

    [Fact]
    public async Task The_timeliness_report_as_CSV_has_a_BOM_and_a_header_row()
    {
        api.Clock.Set(ApiFactory.Start);
        var planId = await api.RegisterTwoTaskPlanAsync();
        using var office = api.As(Roles.Office);
        await api.ProjectionsCaughtUpAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/timeliness?plan={planId}");
        request.Headers.Accept.ParseAdd("text/csv");
        var answer = await office.SendAsync(request);

        Assert.Equal("text/csv", answer.Content.Headers.ContentType?.MediaType);
        var bytes = await answer.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("单位,牵头,配合,", lines[0]);
        Assert.Equal(4, lines.Length); // header and the three units
        Assert.Contains(lines, l => l.StartsWith(HealthCommission + ",1,0,"));
    }

    private static int[] Ints(JsonElement row, params string[] names) => names.Select(n => row.GetProperty(n).GetInt32()).ToArray();
}
