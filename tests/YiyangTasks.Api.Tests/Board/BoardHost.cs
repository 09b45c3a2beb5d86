using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Plans;
using YiyangTasks.Api.Tests.Infrastructure;

namespace YiyangTasks.Api.Tests.Board;

/// <summary>
/// A Development host on a real socket (Kestrel on a free port, so a browser can reach it) that has loaded the demo plans
/// with their quarter of history (Demo:History by default), as a newcomer's first start does.
/// </summary>
public sealed class DemoQuarterHost : ApiFactory
{
    public DemoQuarterHost()
    {
        UseKestrel(0);
        // Today's digest was due at 08:00 and the start-up catch-up builds it, perhaps before the demo quarter is in.
        Settings = new Dictionary<string, string> { ["Digest:Cron"] = "0 8 * * *", ["Digest:CatchUpOnStart"] = "true" };
    }

    private DemoQuarterHost(string history)
    {
        UseKestrel(0);
        Settings = new Dictionary<string, string> { ["Demo:History"] = history };
    }

    /// <summary>A first start with Demo:History=none: the demo plans assigned at this instant, as before the demo quarter.</summary>
    public static DemoQuarterHost AssignedToday() => new("none");

    /// <summary>Where the browser finds the host, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address => ClientOptions.BaseAddress;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        // The demo plans load in the background after start: wait for all four (each commits with its whole quarter).
        using var office = As(Roles.Office);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(4);
        while ((await office.GetFromJsonAsync<PlanView[]>("/api/plans"))!.Length < DemoPlans.Seeds.Count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The demo plans were not loaded within four minutes.");
            await Task.Delay(500);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

[CollectionDefinition(Name)]
public sealed class DemoQuarterCollection : ICollectionFixture<DemoQuarterHost>
{
    public const string Name = "demo quarter";
}
