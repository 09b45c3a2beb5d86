using Marten;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Plans;

/// <summary>
/// The four seed plans (../shared/seeds beside the repository) are the demo data: the Development host
/// imports them on first start as plans yanling, xunyang, xinyang and maoming.
/// </summary>
public sealed class DemoPlans(IServiceProvider services, IHostEnvironment environment, ILogger<DemoPlans> logger) : BackgroundService
{
    public static readonly IReadOnlyList<(string Prefix, string PlanId, string Jurisdiction)> Seeds =
    [
        ("000_", "yanling", "鄢陵县"),
        ("001_", "xunyang", "浔阳区"),
        ("003_", "xinyang", "信阳市"),
        ("004_", "maoming", "茂名市"),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folder = RepositoryFolders.Seeds(environment.ContentRootPath);
        if (folder is null)
        {
            logger.LogInformation("No seed documents found (shared/seeds beside the repository): no demo plans loaded");
            return;
        }
        await using (var session = services.GetRequiredService<IDocumentStore>().QuerySession())
            if (await session.Query<Plan>().AnyAsync(stoppingToken)) return;

        var importer = services.GetRequiredService<PlanImporter>();
        foreach (var (prefix, planId, jurisdiction) in Seeds)
        {
            var file = Directory.GetFiles(folder, prefix + "*.txt").FirstOrDefault();
            if (file is null) continue;
            var (result, problem) = await importer.ImportAsync(
                new PlanImporter.Request(planId, jurisdiction, false, await File.ReadAllBytesAsync(file, stoppingToken), Path.GetFileName(file), null, null),
                Actor.System, "demo-data", stoppingToken);
            if (result is not null)
                logger.LogInformation("Demo plan {PlanId} ({Jurisdiction}): {Tasks} tasks, {Warnings} warnings", planId, jurisdiction,
                    result.Tasks.Count, result.Warnings.Count);
            else
                logger.LogWarning("Demo plan {PlanId} was not imported: {Problem}", planId, problem);
        }
    }
}
