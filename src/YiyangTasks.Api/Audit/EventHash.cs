using System.Security.Cryptography;
using System.Text.Json;

namespace YiyangTasks.Api.Audit;

/// <summary>
/// The tamper-evidence hash (防篡改哈希) of one event: SHA-256 over its stream, version, type, headers (who acted) and data,
/// each as canonical JSON, and the hash of the event before it in the same stream. Computed the same way when the event
/// is appended (from what Marten is about to store) and when it is verified (from what PostgreSQL holds).
/// </summary>
public static class EventHash
{
    /// <summary>The header each event carries its hash in.</summary>
    public const string Header = "hash";

    /// <summary>Names the recipe, so a later one can live beside it.</summary>
    private const string Recipe = "yiyang-event-hash/1";

    /// <param name="previous">The stored hash of the event before, or null for a stream's first event (or one before hashing began).</param>
    /// <param name="headersJson">The event's headers as JSON; the hash header itself is left out.</param>
    public static string Compute(string stream, long version, string type, string? previous, string? headersJson, string dataJson) =>
        Compute(stream, version, type, previous, Utf8(headersJson), Utf8(dataJson));

    /// <summary>The same hash from UTF-8 JSON (an empty headers document is an absent one): the append path serializes straight to bytes.</summary>
    public static string Compute(string stream, long version, string type, string? previous, ReadOnlyMemory<byte> headersJson,
        ReadOnlyMemory<byte> dataJson)
    {
        // One buffer and writer per thread: a command hashes on the request's thread, and nothing here awaits.
        var buffer = ThreadBuffer ??= new System.Buffers.ArrayBufferWriter<byte>(2048);
        buffer.ResetWrittenCount();
        var writer = ThreadWriter ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        writer.WriteStartArray();
        writer.WriteStringValue(Recipe);
        writer.WriteStringValue(stream);
        writer.WriteNumberValue(version);
        writer.WriteStringValue(type);
        writer.WriteStringValue(previous ?? "");
        WriteCanonical(writer, headersJson, skip: Header);
        WriteCanonical(writer, dataJson, skip: null);
        writer.WriteEndArray();
        writer.Flush();
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, digest);
        // A thread keeps its buffer for the next event, unless one huge event (an import's) grew it.
        if (buffer.Capacity > 1 << 20) (ThreadBuffer, ThreadWriter) = (null, null);
        return Convert.ToHexStringLower(digest);
    }

    [ThreadStatic] private static System.Buffers.ArrayBufferWriter<byte>? ThreadBuffer;
    [ThreadStatic] private static Utf8JsonWriter? ThreadWriter;

    private static ReadOnlyMemory<byte> Utf8(string? json) =>
        string.IsNullOrWhiteSpace(json) ? ReadOnlyMemory<byte>.Empty : System.Text.Encoding.UTF8.GetBytes(json);

    /// <summary>SHA-256 (hex) over any canonical text: the daily digests hash their lines with it.</summary>
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// JSON as PostgreSQL's jsonb gives it back and as our serializer wrote it must hash the same: properties in ordinal
    /// order, no whitespace, one spelling of each string and number. An absent document is an empty object.
    /// </summary>
    private static void WriteCanonical(Utf8JsonWriter writer, ReadOnlyMemory<byte> json, string? skip)
    {
        if (json.IsEmpty)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
            return;
        }
        using var document = JsonDocument.Parse(json);
        WriteCanonical(writer, document.RootElement, skip);
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element, string? skip)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                var properties = new List<(string Name, JsonElement Value)>();
                foreach (var property in element.EnumerateObject())
                    if (property.Name != skip) properties.Add((property.Name, property.Value));
                properties.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
                foreach (var (name, value) in properties)
                {
                    writer.WritePropertyName(name);
                    WriteCanonical(writer, value, null);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) WriteCanonical(writer, item, null);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number:
                // jsonb rewrites 1E+2 as 100: integers as integers, anything else as the shortest round-trip double.
                if (element.TryGetInt64(out var whole)) writer.WriteNumberValue(whole);
                else writer.WriteNumberValue(element.GetDouble());
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                writer.WriteBooleanValue(element.GetBoolean());
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
