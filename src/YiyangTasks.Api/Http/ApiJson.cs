using System.Text.Json;
using System.Text.Json.Serialization;

namespace YiyangTasks.Api.Http;

/// <summary>The JSON the API speaks: camelCase, enums by name only, numbers as JSON numbers, and no unknown fields in requests.</summary>
public static class ApiJson
{
    /// <summary>For reading request bodies strictly: an unknown field or an enum given as a number is a 400.</summary>
    public static JsonSerializerOptions Requests { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 32,
    });

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // The Web defaults read "25" as 25; the document says a number is a JSON number, so a string there is a 400.
        options.NumberHandling = JsonNumberHandling.Strict;
        return options;
    }
}
