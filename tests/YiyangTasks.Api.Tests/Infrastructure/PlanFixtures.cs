using System.Net;
using System.Net.Http.Json;
using YiyangTasks.Api.Identity;

namespace YiyangTasks.Api.Tests.Infrastructure;

/// <summary>Plans written for the tests: registered through the API by the office.</summary>
public static class PlanFixtures
{
    public const string HealthCommission = "市卫健委";
    public const string CivilAffairs = "市民政局";
    public const string MedicalInsurance = "市医保局";
    public const string Finance = "市财政局";

    /// <summary>
    /// Task 1: led by 市卫健委 and 市民政局 with 市医保局 cooperating, due 2026-12-31.
    /// Task 2: led by 市民政局 alone, no deadline.
    /// </summary>
    public static async Task<string> RegisterTwoTaskPlanAsync(this ApiFactory api, string deadline = "2026-12-31")
    {
        var planId = $"plan-{Guid.NewGuid():N}"[..20];
        using var office = api.As(Roles.Office, name: "王主任");
        var response = await office.PostAsJsonAsync("/api/plans", new
        {
            planId,
            title = "医养结合工作重点任务分工方案（测试）",
            jurisdiction = "信阳市",
            documentNumber = "信卫〔2026〕1号",
            tasks = new object[]
            {
                new
                {
                    number = 1, text = "推进医疗卫生与养老服务融合发展。",
                    leadUnits = new[] { HealthCommission, CivilAffairs }, cooperatingUnits = new[] { MedicalInsurance },
                    mode = "leadAndCooperate", deadline, deadlineWords = "2026年底前",
                },
                new
                {
                    number = 2, text = "建立医养结合服务质量评价制度。",
                    leadUnits = new[] { CivilAffairs }, cooperatingUnits = Array.Empty<string>(), mode = "jointly",
                },
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"Registering the plan answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return planId;
    }
}
