using System.Text.Json;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Plans;

/// <summary>
/// `dotnet run --project src/YiyangTasks.Api -- import FILE --plan ID [--jurisdiction 信阳市] [--dry-run]`:
/// imports a plan document from a file (.txt, .csv, .docx or .pdf: its bytes say which), as POST /api/plans/import does,
/// and prints the result as JSON.
/// </summary>
public static class ImportCommand
{
    public const string Name = "import";

    public static async Task<int> RunAsync(WebApplication app, IReadOnlyList<string> args)
    {
        var options = CommandLineOptions.Parse(args);
        var file = options.Positional.FirstOrDefault();
        var planId = options.Get("plan");
        if (file is null || planId is null || !PlanIds.IsValid(planId))
        {
            await Console.Error.WriteLineAsync("usage: import FILE --plan ID [--jurisdiction 信阳市] [--title …] [--dry-run]");
            return 2;
        }
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"import: no such file: {file}");
            return 2;
        }
        var jurisdiction = options.Get("jurisdiction")
                           ?? DemoPlans.Seeds.FirstOrDefault(s => s.PlanId == planId).Jurisdiction
                           ?? planId;
        await app.StartAsync();
        try
        {
            var importer = app.Services.GetRequiredService<PlanImporter>();
            var (result, problem) = await importer.ImportAsync(
                new PlanImporter.Request(planId, jurisdiction, options.Has("dry-run"), await File.ReadAllBytesAsync(file),
                    Path.GetFileName(file), null, options.Get("title")),
                Actor.System with { DisplayName = $"import command ({Environment.UserName})" }, $"import-command:{Guid.NewGuid():N}", default);
            var json = ApiJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
            if (result is null)
            {
                await Console.Error.WriteLineAsync($"import: refused: {Describe(problem)}");
                return 1;
            }
            Console.WriteLine(JsonSerializer.Serialize(result, json));
            await Console.Error.WriteLineAsync($"import: {result.Outcome}: {result.Tasks.Count} tasks, {result.Warnings.Count} warnings");
            return 0;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static string Describe(IResult? problem) =>
        problem is IValueHttpResult { Value: Microsoft.AspNetCore.Mvc.ProblemDetails details } ? $"{details.Title} {details.Detail}" : "see the log";
}
