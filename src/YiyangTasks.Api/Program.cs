using YiyangTasks.Api.Health;
using YiyangTasks.Api.Storage;

var builder = WebApplication.CreateBuilder(args);

string connectionString;
try
{
    connectionString = await DatabaseConnection.ResolveAsync(builder);
}
catch (InvalidOperationException e)
{
    await Console.Error.WriteLineAsync($"YiyangTasks cannot start: {e.Message}");
    return 1;
}
builder.AddEventStore(connectionString);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
builder.Services.AddHealth();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapHealth();
app.MapOpenApi("/openapi/{documentName}.json");
app.UseSwaggerUI(options =>
{
    options.SwaggerEndpoint("/openapi/v1.json", "YiyangTasks v1");
    options.RoutePrefix = "swagger";
});

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
        app.Logger.LogInformation("YiyangTasks is listening on {Url}; Swagger UI at {Url}/swagger", url, url);
});

await app.RunAsync();
return 0;

/// <summary>The API host; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
