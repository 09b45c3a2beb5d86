using System.Net;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Todo;

/// <summary>A unit's due days as an iCalendar feed, behind a per-unit secret the admin issues and revokes.</summary>
public class CalendarFeedTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_units_feed_lists_its_due_days_only_for_its_own_secret_until_revoked()
    {
        api.Clock.Set(ApiFactory.Start);
        await api.RegisterTwoTaskPlanAsync();
        using var admin = api.As(Roles.Admin);
        using var anonymous = api.CreateClient();

        async Task<string> IssueAsync(string unit)
        {
            var issued = await admin.PostAsync($"/api/admin/units/{unit}/calendar-feed", null);
            Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
            var body = await issued.JsonAsync();
            Assert.EndsWith($"/calendar.ics?key={body.GetProperty("key").GetString()}", body.GetProperty("url").GetString());
            return body.GetProperty("key").GetString()!;
        }
        var civilKey = await IssueAsync(CivilAffairs);
        var healthKey = await IssueAsync(HealthCommission);

        var response = await anonymous.GetAsync($"/api/units/{CivilAffairs}/calendar.ics?key={civilKey}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var civil = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        // Acknowledge both tasks by 5 March, report March by 8 April, complete task 1 by 31 December.
        Assert.Equal(
            [
                ("2026-03-05", "签收：医养结合工作重点任务分工方案（测试） 第1项"), ("2026-03-05", "签收：医养结合工作重点任务分工方案（测试） 第2项"),
                ("2026-04-08", "报送2026年3月进展：医养结合工作重点任务分工方案（测试） 第1项"),
                ("2026-04-08", "报送2026年3月进展：医养结合工作重点任务分工方案（测试） 第2项"),
                ("2026-12-31", "办结：医养结合工作重点任务分工方案（测试） 第1项"),
            ],
            civil.Events.Select(e => ($"{e.DtStart!.Date:yyyy-MM-dd}", e.Summary!)).OrderBy(e => e.Item1).ThenBy(e => e.Item2, StringComparer.Ordinal));
        Assert.All(civil.Events, e => Assert.False(e.DtStart!.HasTime)); // all-day
        Assert.Equal(5, civil.Events.Select(e => e.Uid).Distinct().Count());

        // 市卫健委 leads task 1 only: its feed never shows task 2.
        var health = Ical.Net.Calendar.Load(await anonymous.GetStringAsync($"/api/units/{HealthCommission}/calendar.ics?key={healthKey}"))!;
        Assert.Equal(3, health.Events.Count);
        Assert.All(health.Events, e => Assert.EndsWith("第1项", e.Summary));

        // Another unit's secret, a wrong one, none: 404, as for a unit that is not there.
        foreach (var url in new[]
                 {
                     $"/api/units/{CivilAffairs}/calendar.ics?key={healthKey}", $"/api/units/{CivilAffairs}/calendar.ics?key=0{civilKey}",
                     $"/api/units/{CivilAffairs}/calendar.ics", $"/api/units/不存在/calendar.ics?key={civilKey}",
                 })
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);

        // Only the admin issues; a revoked secret is 404 from then on, and a new one works.
        using (var office = api.As(Roles.Office))
            Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsync($"/api/admin/units/{CivilAffairs}/calendar-feed", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/units/{CivilAffairs}/calendar-feed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/units/{CivilAffairs}/calendar.ics?key={civilKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/admin/units/{CivilAffairs}/calendar-feed")).StatusCode);
        var renewed = await IssueAsync(CivilAffairs);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/units/{CivilAffairs}/calendar.ics?key={renewed}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/units/{CivilAffairs}/calendar.ics?key={civilKey}")).StatusCode);
    }
}
