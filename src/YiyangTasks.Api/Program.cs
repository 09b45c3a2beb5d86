using JasperFx;
using Spectre.Console;
using YiyangTasks.Api;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Storage;

// No argument serves the API. Anything else is a JasperFx command run on the built host without starting
// it (no web server, no background work): help, describe, db-apply, db-assert, db-patch, projections, codegen,
// resources, and ours, import and token.
var command = args.FirstOrDefault() is { } first && !first.StartsWith('-') ? first : null;
var builder = WebApplication.CreateBuilder(command is null ? args : []);
if (command is not null)
{
    // A command's standard output is its result; the host's few warnings go to standard error.
    builder.Logging.AddFilter(level => level >= LogLevel.Warning);
    builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
}

string connectionString;
try
{
    // These never open the database, so they start no development cluster either.
    connectionString = command is "help" or "?" or "token" or "codegen"
        ? builder.Configuration[DatabaseConnection.ConfigurationKey] ?? "Host=localhost;Database=unused"
        : await DatabaseConnection.ResolveAsync(builder);
    builder.AddIdentity();
}
catch (InvalidOperationException e)
{
    await Console.Error.WriteLineAsync($"YiyangTasks cannot start: {e.Message}");
    return 1;
}

var app = builder.AddFollowThrough(connectionString, command is not null).Build().MapFollowThrough();
if (command is null)
{
    await app.RunAsync();
    return 0;
}
// Our commands print their result on standard output; JasperFx's own notes ("Searching … for commands") go to standard error.
if (command is "import" or "token")
    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
// A command leaves no development cluster running behind it (some commands dispose the host, so ask for it first).
var cluster = app.Services.GetService<LocalPostgres>();
var exitCode = await app.RunJasperFxCommands(args);
if (cluster is not null) await cluster.StopAsync();
return exitCode;

/// <summary>The API host; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
