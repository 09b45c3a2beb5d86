using System.Text.Json;
using System.Text.Json.Serialization;

namespace YiyangTasks.PlanImport.Tests;

/// <summary>One document of the import corpus (Corpus/&lt;slug&gt;.txt) with its golden parse
/// (Corpus/&lt;slug&gt;.expected.json), written by reading the document, never from the parser's output.</summary>
public sealed record CorpusDocument(string Slug, string Text, Golden Golden);

/// <summary>The expected parse of a corpus document.</summary>
public sealed record Golden(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("constructed")] bool Constructed,
    [property: JsonPropertyName("convention")] string? Convention,
    [property: JsonPropertyName("tasks")] IReadOnlyList<GoldenTask> Tasks);

/// <summary>One expected task: its number, the head of its text, units as the document writes them,
/// group placeholders (各有关部门, 各地…) and deadline phrases as written.</summary>
public sealed record GoldenTask(
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("head")] string Head,
    [property: JsonPropertyName("lead")] IReadOnlyList<string> Lead,
    [property: JsonPropertyName("cooperating")] IReadOnlyList<string> Cooperating,
    [property: JsonPropertyName("groups")] IReadOnlyList<string> Groups,
    [property: JsonPropertyName("deadlines")] IReadOnlyList<string> Deadlines);

/// <summary>The corpus as copied beside the test binaries (the csproj copies Corpus/**).</summary>
internal static class Corpus
{
    private static readonly Lazy<IReadOnlyList<CorpusDocument>> Loaded = new(Load);

    public static IReadOnlyList<CorpusDocument> All => Loaded.Value;

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Corpus");

    private static IReadOnlyList<CorpusDocument> Load()
    {
        var options = new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip };
        return Directory.GetFiles(Folder, "*.expected.json")
            .Order(StringComparer.Ordinal)
            .Select(json =>
            {
                var slug = Path.GetFileName(json)[..^".expected.json".Length];
                var golden = JsonSerializer.Deserialize<Golden>(File.ReadAllText(json), options)
                    ?? throw new InvalidDataException($"{json} holds no golden parse");
                return new CorpusDocument(slug, File.ReadAllText(Path.Combine(Folder, slug + ".txt")), golden);
            })
            .ToList();
    }
}
