using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using YiyangTasks.Api.Storage;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Api.Tasks;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Tests.Storage;

/// <summary>
/// Events stored today stay readable: each golden file (EventGolden/*.json) holds an event exactly as the store wrote it
/// (its type name and JSON) and the state its stream folded to. The test puts those rows into the event store, reads
/// them back through Marten (with any upcasters the store registers) and folds them: every state must still hold what it
/// held. README "Changing an event" says what to do when this fails.
/// </summary>
public class EventSchemaTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>Stands in for an event while the golden row is written over it.</summary>
    public sealed record GoldenPlaceholder(int Position);

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string Folder => Path.Combine(RepositoryFolders.Root(AppContext.BaseDirectory)!,
        "tests", "YiyangTasks.Api.Tests", "Storage", "EventGolden");

    [Fact]
    public async Task Every_event_type_occurs_in_the_golden_story_and_has_a_golden_file()
    {
        if (Environment.GetEnvironmentVariable("YIYANG_WRITE_EVENT_GOLDEN") == "1") await WriteMissingGoldenFilesAsync();

        var inStory = EventGoldenStory.Streams.SelectMany(s => s.Events).Select(e => e.GetType()).ToHashSet();
        var files = Directory.GetFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).ToArray();
        var types = EventTypes();
        Assert.Equal(24, types.Count); // 22 of a task, 2 of a plan; a new one is found by the folds below, not by this count
        foreach (var type in types)
        {
            Assert.True(inStory.Contains(type), $"{type.Name} is folded by the domain but missing from EventGoldenStory.");
            Assert.True(files.Any(f => f!.EndsWith("-" + type.Name, StringComparison.Ordinal)),
                $"No golden file for {type.Name}: run YIYANG_WRITE_EVENT_GOLDEN=1 dotnet test tests/YiyangTasks.Api.Tests --filter EventSchemaTests once and commit it.");
        }
    }

    [Fact]
    public async Task Every_golden_event_still_deserializes_through_the_store_and_folds_to_the_state_it_folded_to()
    {
        var store = api.Services.GetRequiredService<IDocumentStore>();
        var serializer = store.Options.Serializer();
        foreach (var stream in EventGoldenStory.Streams)
        {
            var goldens = Enumerable.Range(1, stream.Events.Count)
                .Select(n => Directory.GetFiles(Folder, $"{stream.Name}-{n:D2}-*.json").SingleOrDefault())
                .TakeWhile(path => path is not null)
                .Select(path => JsonNode.Parse(File.ReadAllText(path!))!)
                .ToArray();
            Assert.True(goldens.Length == stream.Events.Count, $"{stream.Name}: {goldens.Length} golden files for {stream.Events.Count} events.");

            var streamId = $"{stream.StreamId}/{Guid.NewGuid():N}";
            await StoreAsStoredAsync(store, streamId, goldens);

            await using var session = store.QuerySession();
            var events = await session.Events.FetchStreamAsync(streamId);
            Assert.Equal(goldens.Length, events.Count);
            object? state = null;
            for (var i = 0; i < events.Count; i++)
            {
                var because = $"{stream.Name} event {i + 1} ({goldens[i]["eventType"]})";
                Assert.False(events[i].Data is GoldenPlaceholder, $"{because}: the golden row was not read back");
                state = stream.Evolve(state, events[i].Data);
                Assert.NotNull(state);
                // The stored task keeps only what decisions need (issue 13); what it held when the golden files were
                // written, its view still shows: the task with its record from the same events.
                var shown = state is SupervisedTask task
                    ? TaskDetails.Of(task, TaskRecord.Of(events.Take(i + 1).Select(e => e.Data)))
                    : state;
                AssertHolds(goldens[i]["stateAfter"]!, JsonNode.Parse(serializer.ToJson(shown))!, because);
            }
        }
    }

    /// <summary>Every type the domain's folds (SupervisedTask.Evolve, Plan.Evolve) recognise: the event types.</summary>
    private static IReadOnlyList<Type> EventTypes()
    {
        var sampleTask = SupervisedTask.FromAssignment((TaskAssigned)EventGoldenStory.Streams[0].Events[0]);
        var samplePlan = Plan.FromRegistration((PlanRegistered)EventGoldenStory.Streams.Single(s => s.Name == "plan").Events[0]);
        return typeof(SupervisedTask).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .Where(t => Recognised(t, e => SupervisedTask.Evolve(null, e), e => SupervisedTask.Evolve(sampleTask, e), sampleTask)
                        || Recognised(t, e => Plan.Evolve(null, e), e => Plan.Evolve(samplePlan, e), samplePlan))
            .OrderBy(t => t.Name)
            .ToArray();
    }

    private static bool Recognised(Type type, Func<object, object?> fromNothing, Func<object, object?> onto, object sample)
    {
        var blank = RuntimeHelpers.GetUninitializedObject(type);
        try
        {
            return fromNothing(blank) is not null || !ReferenceEquals(onto(blank), sample);
        }
        catch (NullReferenceException)
        {
            return true; // the fold took it and read one of its (blank) fields
        }
        catch (ArgumentNullException)
        {
            return true;
        }
    }

    /// <summary>Appends placeholders, then writes each golden row's type and JSON over them, as if stored back then.</summary>
    private async Task StoreAsStoredAsync(IDocumentStore store, string streamId, IReadOnlyList<JsonNode> goldens)
    {
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream(streamId, goldens.Select((_, i) => (object)new GoldenPlaceholder(i + 1)).ToArray());
            await session.SaveChangesAsync();
        }
        var dataSource = api.Services.GetRequiredService<NpgsqlDataSource>();
        for (var i = 0; i < goldens.Count; i++)
        {
            await using var update = dataSource.CreateCommand(
                $"update {EventStore.Schema}.mt_events set type = @type, mt_dotnet_type = @dotnet, data = @data::jsonb where stream_id = @stream and version = @version");
            update.Parameters.AddWithValue("type", goldens[i]["eventType"]!.GetValue<string>());
            update.Parameters.AddWithValue("dotnet", goldens[i]["dotNetType"]!.GetValue<string>());
            update.Parameters.AddWithValue("data", goldens[i]["data"]!.ToJsonString());
            update.Parameters.AddWithValue("stream", streamId);
            update.Parameters.AddWithValue("version", (long)(i + 1));
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }
    }

    /// <summary>Everything the golden state holds, the folded state holds too (a property added since is no difference).</summary>
    private static void AssertHolds(JsonNode expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject obj:
                var actualObject = Assert.IsType<JsonObject>(actual);
                foreach (var (key, value) in obj)
                {
                    Assert.True(actualObject.ContainsKey(key), $"{path}: the folded state has no '{key}' any more");
                    if (value is null) Assert.True(actualObject[key] is null, $"{path}.{key}: expected null, got {actualObject[key]}");
                    else AssertHolds(value, actualObject[key], $"{path}.{key}");
                }
                break;
            case JsonArray array:
                var actualArray = Assert.IsType<JsonArray>(actual);
                Assert.True(array.Count == actualArray.Count, $"{path}: {array.Count} entries expected, {actualArray.Count} folded");
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is null) Assert.Null(actualArray[i]);
                    else AssertHolds(array[i]!, actualArray[i], $"{path}[{i}]");
                }
                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: expected {expected.ToJsonString()}, folded {actual?.ToJsonString()}");
                break;
        }
    }

    /// <summary>
    /// Writes the golden file of every story event that has none, from what the store wrote when the story was appended.
    /// Never overwrites: a golden file records what is in databases already, whatever the code says today.
    /// </summary>
    private async Task WriteMissingGoldenFilesAsync()
    {
        var store = api.Services.GetRequiredService<IDocumentStore>();
        var serializer = store.Options.Serializer();
        var dataSource = api.Services.GetRequiredService<NpgsqlDataSource>();
        foreach (var stream in EventGoldenStory.Streams)
        {
            var streamId = $"{stream.StreamId}/{Guid.NewGuid():N}";
            await using (var session = store.LightweightSession())
            {
                session.Events.StartStream(streamId, stream.Events.ToArray());
                await session.SaveChangesAsync();
            }
            await using var read = dataSource.CreateCommand(
                $"select type, mt_dotnet_type, data::text from {EventStore.Schema}.mt_events where stream_id = @stream order by version");
            read.Parameters.AddWithValue("stream", streamId);
            await using var rows = await read.ExecuteReaderAsync();
            object? state = null;
            for (var position = 1; await rows.ReadAsync(); position++)
            {
                var data = stream.Events[position - 1];
                state = stream.Evolve(state, data);
                var path = Path.Combine(Folder, EventGoldenStory.FileName(stream, position, data.GetType().Name));
                if (File.Exists(path)) continue;
                var golden = new JsonObject
                {
                    ["eventType"] = rows.GetString(0),
                    ["dotNetType"] = rows.GetString(1),
                    ["data"] = JsonNode.Parse(rows.GetString(2)),
                    ["stateAfter"] = JsonNode.Parse(serializer.ToJson(state!)),
                };
                await File.WriteAllTextAsync(path, golden.ToJsonString(Indented) + "\n");
            }
        }
    }
}
