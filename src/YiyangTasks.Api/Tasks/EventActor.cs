using System.Text.Json;
using JasperFx.Events;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Tasks;

/// <summary>Reads back the actor the write path put in each event's headers.</summary>
public static class EventActor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Actor? Of(IEvent e)
    {
        if (e.Headers is null || !e.Headers.TryGetValue("actor", out var value) || value is null) return null;
        return value switch
        {
            Actor actor => actor,
            JsonElement element => element.Deserialize<Actor>(Json),
            _ => JsonSerializer.Deserialize<Actor>(JsonSerializer.Serialize(value), Json),
        };
    }
}
