using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using YiyangTasks.Api.Tests.Infrastructure;

namespace YiyangTasks.Api.Tests.Storage;

/// <summary>The host's event store is a real PostgreSQL: what we append is what we read back.</summary>
public class EventStoreTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public sealed record SomethingNoted(string Note, int Count);

    [Fact]
    public async Task Events_appended_through_Marten_are_read_back_in_order_with_their_versions()
    {
        var store = api.Services.GetRequiredService<IDocumentStore>();
        var stream = $"check/{Guid.NewGuid():N}";

        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream(stream, new SomethingNoted("第一", 1), new SomethingNoted("第二", 2));
            await session.SaveChangesAsync();
        }
        await using (var session = store.LightweightSession())
        {
            session.Events.Append(stream, new SomethingNoted("第三", 3));
            await session.SaveChangesAsync();
        }

        await using var query = store.QuerySession();
        var events = await query.Events.FetchStreamAsync(stream);
        Assert.Equal(["第一", "第二", "第三"], events.Select(e => ((SomethingNoted)e.Data).Note));
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Version));
        var state = await query.Events.FetchStreamStateAsync(stream);
        Assert.Equal(3, state!.Version);
    }

    [Fact]
    public async Task Health_live_and_ready_answer_200_without_authentication()
    {
        using var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_and_Swagger_UI_are_served()
    {
        using var client = api.CreateClient();
        var document = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Contains("\"openapi\"", await document.Content.ReadAsStringAsync());
        var ui = await client.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }
}
