using Microsoft.Extensions.Diagnostics.HealthChecks;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Calendar;

/// <summary>
/// Degraded (still 200) while this year has no holiday notice, or, from 1 November (the State Council publishes next
/// year's notice around then), while next year has none: until one is loaded, that year counts weekends only.
/// </summary>
public sealed class CalendarHealthCheck(HolidayCalendar holidays, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        Domain.Calendar.WorkingDayCalendar calendar;
        try
        {
            calendar = await holidays.CurrentAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded("无法读取管理员录入的节假日安排。", e);
        }

        var wanted = today >= new DateOnly(today.Year, 11, 1) ? new[] { today.Year, today.Year + 1 } : [today.Year];
        var missing = wanted.Where(y => !calendar.HasOfficialData(y)).ToArray();
        var data = new Dictionary<string, object>
        {
            ["yearsWithNotice"] = calendar.YearsWithOfficialData.ToArray(),
            ["missingYears"] = missing,
        };
        if (missing.Length == 0)
            return HealthCheckResult.Healthy($"{string.Join("、", wanted)}年的节假日安排已录入。", data);
        var years = string.Join("、", missing);
        return HealthCheckResult.Degraded(
            $"尚无{years}年的节假日安排，该年只按周末计算工作日。国务院办公厅通常在11月发布次年的通知，请管理员录入：PUT /api/admin/calendar/{missing[0]}。",
            data: data);
    }
}
