using System.Net;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;

namespace YiyangTasks.Api.Tests.Todo;

/// <summary>Who reads which to-do.</summary>
public class ToDoAccessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Only_a_liaison_has_a_to_do_of_their_own_and_only_the_office_and_supervision_read_a_units()
    {
        api.Clock.Set(ApiFactory.Start);
        await api.RegisterTwoTaskPlanAsync();
        using var office = api.As(Roles.Office);
        using var supervision = api.As(Roles.Supervision);
        using var civil = api.As(Roles.Liaison, CivilAffairs);

        Assert.Equal(HttpStatusCode.Forbidden, (await office.GetAsync("/api/me/todo")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await civil.GetAsync($"/api/units/{CivilAffairs}/todo")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervision.GetAsync($"/api/units/{HealthCommission}/todo")).StatusCode);
        var missing = await office.GetAsync("/api/units/不存在的单位/todo");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }
}
