namespace YiyangTasks.Api.Storage;

/// <summary>
/// Where the event store lives: the configured connection string, or in Development a project-local
/// PostgreSQL cluster under .data/postgres that we start ourselves.
/// </summary>
public static class DatabaseConnection
{
    /// <summary>The configuration key (environment variable ConnectionStrings__Marten).</summary>
    public const string ConfigurationKey = "ConnectionStrings:Marten";

    /// <summary>
    /// Resolves the connection string for this host. With none configured: in Development it starts (or
    /// reuses) the local cluster and stops it when the host stops; elsewhere it refuses to start.
    /// </summary>
    public static async Task<string> ResolveAsync(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(configured)) return configured;

        if (!builder.Environment.IsDevelopment())
            throw new InvalidOperationException(
                $"No database configured. Set {ConfigurationKey} (environment variable ConnectionStrings__Marten) " +
                "to a PostgreSQL connection string. Only the Development environment starts a local PostgreSQL by itself.");

        var root = RepositoryFolders.Root(builder.Environment.ContentRootPath) ?? builder.Environment.ContentRootPath;
        var folder = Path.Combine(root, ".data", "postgres");
        var server = await LocalPostgres.StartAsync(folder);
        const string database = "yiyangtasks";
        await server.CreateDatabaseAsync(database);
        builder.Services.AddSingleton(server); // a command (the host not started) stops it in Program.cs
        builder.Services.AddHostedService(_ => new LocalPostgresLifetime(server));
        var moved = server.DataDirectory == folder ? "" : $" (the {LocalPostgres.RunAsUser()} OS user cannot enter {folder})";
        Console.Error.WriteLine($"Development database: local PostgreSQL in {server.DataDirectory}{moved} on 127.0.0.1:{server.Port}, database {database}");
        return server.ConnectionString(database);
    }

    /// <summary>Stops the development cluster when the host stops (if we started it).</summary>
    private sealed class LocalPostgresLifetime(LocalPostgres server) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => server.StopAsync();
    }
}
