using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using YiyangTasks.Api.Storage;

namespace YiyangTasks.Api.Tests.Infrastructure;

/// <summary>The real API host, with its own database on the shared test server and a clock the test moves.</summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    public string ConnectionString { get; private set; } = "";

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync(GetType().Name);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting(DatabaseConnection.ConfigurationKey, ConnectionString);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public new async Task DisposeAsync() => await base.DisposeAsync();
}
