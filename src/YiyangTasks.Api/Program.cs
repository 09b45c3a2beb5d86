using YiyangTasks.Api;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Plans;
using YiyangTasks.Api.Storage;

// Host commands (token, import) take their own arguments; the host's configuration does not read them.
var hostCommand = args.FirstOrDefault() is TokenCommand.Name or ImportCommand.Name;
var builder = WebApplication.CreateBuilder(hostCommand ? [] : args);
if (hostCommand)
{
    // A command's standard output is its result; the host's few warnings go to standard error.
    builder.Logging.AddFilter(level => level >= LogLevel.Warning);
    builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
}

if (args.FirstOrDefault() == TokenCommand.Name)
    return TokenCommand.Run(args.Skip(1).ToArray(), builder.Configuration, Console.Out, Console.Error);

string connectionString;
try
{
    connectionString = await DatabaseConnection.ResolveAsync(builder);
    builder.AddIdentity();
}
catch (InvalidOperationException e)
{
    await Console.Error.WriteLineAsync($"YiyangTasks cannot start: {e.Message}");
    return 1;
}

var app = builder.AddFollowThrough(connectionString, hostCommand).Build().MapFollowThrough();

if (hostCommand) return await ImportCommand.RunAsync(app, args.Skip(1).ToArray());
await app.RunAsync();
return 0;

/// <summary>The API host; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
