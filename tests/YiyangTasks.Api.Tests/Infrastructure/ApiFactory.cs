using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Storage;
using YiyangTasks.Api.Tests.OpenApi;

namespace YiyangTasks.Api.Tests.Infrastructure;

/// <summary>The real API host, with its own database on the shared test server and a clock the test moves.</summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string SigningKey = "test-signing-key-0123456789-0123456789-abcdef";

    /// <summary>Monday 2 March 2026, 09:00 in Beijing.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public ApiFactory()
    {
    }

    /// <summary>Another host on an existing database (a restart, or a second process), with its own clock and settings.</summary>
    public static ApiFactory OnDatabase(string connectionString, DateTimeOffset now, IReadOnlyDictionary<string, string>? settings = null)
    {
        var factory = new ApiFactory { ConnectionString = connectionString, Settings = settings ?? new Dictionary<string, string>() };
        factory.Clock.Set(now);
        return factory;
    }

    public TestClock Clock { get; } = new(Start);

    public string ConnectionString { get; protected set; } = "";

    /// <summary>Settings of this host; by default the scheduled digest and sweep stay out of the tests' way.</summary>
    protected IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// An HTTP client of the real pipeline (redirects followed, cookies kept, as WebApplicationFactory's own) whose every
    /// answer is checked against api-specs/openapi.json (<see cref="ContractCheck"/>).
    /// </summary>
    public new HttpClient CreateClient() =>
        CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(), new ContractCheck(ContractDocument.Current));

    /// <summary>An HTTP client of the real pipeline, carrying a token for this role (and unit).</summary>
    public HttpClient As(string role, string? unit = null, string? name = null)
    {
        var client = CreateClient();
        var token = Services.GetRequiredService<TokenIssuer>()
            .Mint(role, unit, name ?? $"{role} {unit}".Trim(), TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public virtual async Task InitializeAsync()
    {
        if (ConnectionString.Length == 0) ConnectionString = await TestPostgres.CreateDatabaseAsync(GetType().Name);
    }

    /// <summary>Runs the timeliness sweep now, by this host's clock, as the start-up and scheduled sweeps do.</summary>
    public async Task SweepAsync() => await InvokeAsync(new YiyangTasks.Api.Timeliness.SweepDueChecks());

    /// <summary>Waits (never sleeps) until the projection daemon has read every event committed so far: reports read its projections.</summary>
    public async Task ProjectionsCaughtUpAsync() =>
        await Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(
            Services.GetRequiredService<Marten.IDocumentStore>(), TimeSpan.FromSeconds(30));

    /// <summary>Handles a message inline in this host, as its own scheduled jobs do.</summary>
    public async Task InvokeAsync(object message)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>().InvokeAsync(message);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // As strict as Development about scopes, so a singleton that grabs a scoped service fails here, not in production.
        builder.UseDefaultServiceProvider(options => options.ValidateScopes = true);
        builder.UseSetting(DatabaseConnection.ConfigurationKey, ConnectionString);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Digest:Cron", "0 0 1 1 *");
        builder.UseSetting("Digest:CatchUpOnStart", "false");
        builder.UseSetting("Timeliness:SweepCron", "0 0 1 1 *");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public new async Task DisposeAsync() => await base.DisposeAsync();
}
