using System.Text.Encodings.Web;
using System.Text.Json;
using JasperFx.CommandLine;
using JasperFx.Resources;
using Wolverine.Runtime;
using YiyangTasks.Api.Http;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Plans;

/// <summary>The arguments of <see cref="ImportCommand"/>.</summary>
public sealed class ImportInput : NetCoreInput
{
    [Description("The plan document: text (UTF-8 or GB18030), .csv, .docx, .pdf or the .xlsx 分工表")]
    public string File { get; set; } = "";

    [Description("The plan's id, e.g. xinyang2")]
    public string PlanFlag { get; set; } = "";

    [Description("The county, district or city whose unit names the plan uses, e.g. 信阳市 (default: the demo plan's, else the plan id)")]
    public string? JurisdictionFlag { get; set; }

    [Description("The plan's title, when the document has none")]
    public string? TitleFlag { get; set; }

    [Description("Read the document and resolve its units; store nothing")]
    public bool DryRunFlag { get; set; }
}

/// <summary>
/// `dotnet run --project src/YiyangTasks.Api -- import FILE --plan ID [--jurisdiction 信阳市] [--dry-run]`:
/// imports a plan document from a file (.txt, .csv, .docx, .pdf or the .xlsx 分工表: its bytes say which), as
/// POST /api/plans/import does, and prints the result as JSON. The host is built, not started: no web server, no sweep, no digest.
/// </summary>
[Description("Imports a plan document from a file, as POST /api/plans/import does, and prints the result as JSON", Name = "import")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    /// <summary>Chinese stays readable in the printed JSON (the API's own answers are UTF-8 too).</summary>
    private static readonly JsonSerializerOptions Json = ApiJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // fine for a terminal or a file; never embedded in HTML
    });

    public override async Task<bool> Execute(ImportInput input)
    {
        if (!PlanIds.IsValid(input.PlanFlag))
            return await FailAsync($"--plan must be a plan id (letters, digits and dashes), not '{input.PlanFlag}'");
        var content = await ReadDocumentAsync(input.File);
        if (content is null) return await FailAsync($"no such file: {Path.GetFullPath(input.File)}");
        var jurisdiction = input.JurisdictionFlag
                           ?? DemoPlans.Seeds.FirstOrDefault(s => s.PlanId == input.PlanFlag).Jurisdiction
                           ?? input.PlanFlag;

        var host = input.BuildHost();
        // Assigning tasks schedules their timeliness checks through Wolverine's outbox, which needs Wolverine's runtime;
        // built for a command it runs no agents and no schedules (EventStore.AddEventStore). A dry run needs none of it.
        var wolverine = input.DryRunFlag ? null : (IHostedService)host.Services.GetRequiredService<IWolverineRuntime>();
        if (wolverine is not null)
        {
            // Where the host builds its schema at start (Development), a command that writes does so first too.
            if (Storage.EventStore.BuildsAsItGoes(host.Services.GetRequiredService<IHostEnvironment>()))
                await host.SetupResources(); // as `resources setup` does: Marten's schema and Wolverine's tables
            await wolverine.StartAsync(default);
        }
        (ImportResult? Result, IResult? Problem) answer;
        try
        {
            answer = await host.Services.GetRequiredService<PlanImporter>().ImportAsync(
                new PlanImporter.Request(input.PlanFlag, jurisdiction, input.DryRunFlag, content,
                    Path.GetFileName(input.File), null, input.TitleFlag),
                Actor.System with { DisplayName = $"import command ({Environment.UserName})" }, $"import-command:{Guid.NewGuid():N}", default);
        }
        finally
        {
            if (wolverine is not null) await wolverine.StopAsync(default);
        }
        var (result, problem) = answer;
        if (result is null) return await FailAsync($"refused: {Describe(problem)}");
        Console.WriteLine(JsonSerializer.Serialize(result, Json));
        await Console.Error.WriteLineAsync($"import: {result.Outcome}: {result.Tasks.Count} tasks, {result.Warnings.Count} warnings");
        return true;
    }

    /// <summary>
    /// The document's bytes, or null when there is no such file. `dotnet run` starts us in the project's folder, so a
    /// relative path is also looked for from the repository's root (where README's commands are typed).
    /// </summary>
    private static async Task<byte[]?> ReadDocumentAsync(string file)
    {
        var fromRoot = RepositoryFolders.Root(Environment.CurrentDirectory) is { } root ? Path.Combine(root, file) : file;
        var found = new[] { file, fromRoot }.FirstOrDefault(System.IO.File.Exists);
        return found is null ? null : await System.IO.File.ReadAllBytesAsync(found);
    }

    private static async Task<bool> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync($"import: {message}");
        return false;
    }

    private static string Describe(IResult? problem) =>
        problem is IValueHttpResult { Value: Microsoft.AspNetCore.Mvc.ProblemDetails details } ? $"{details.Title} {details.Detail}" : "see the log";
}
