using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Tests.Infrastructure;

/// <summary>Looks straight into the event store, to assert what was (and was not) stored.</summary>
public static class TaskStreams
{
    public static async Task<long> VersionAsync(this ApiFactory api, string planId, int number)
    {
        await using var session = api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var state = await session.Events.FetchStreamStateAsync(SupervisedTask.StreamKey(planId, number));
        return state?.Version ?? 0;
    }

    public static async Task<IReadOnlyList<object>> EventsAsync(this ApiFactory api, string planId, int number)
    {
        await using var session = api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(SupervisedTask.StreamKey(planId, number));
        return events.Select(e => e.Data).ToArray();
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static string TaskUrl(string planId, int number, string path = "") => $"/api/plans/{planId}/tasks/{number}{path}";
}
