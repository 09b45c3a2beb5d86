using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Storage;

namespace YiyangTasks.Api.Tests.Infrastructure;

/// <summary>The real API host, with its own database on the shared test server and a clock the test moves.</summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public TestClock Clock { get; } = new(Start);

    public const string SigningKey = "test-signing-key-0123456789-0123456789-abcdef";

    public string ConnectionString { get; private set; } = "";

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
        ConnectionString = await TestPostgres.CreateDatabaseAsync(GetType().Name);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting(DatabaseConnection.ConfigurationKey, ConnectionString);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public new async Task DisposeAsync() => await base.DisposeAsync();
}
