using YiyangTasks.Api.Health;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.OpenApi;
using YiyangTasks.Api.Plans;
using YiyangTasks.Api.Storage;
using YiyangTasks.Api.Tasks;
using YiyangTasks.Api.Units;
using YiyangTasks.Api.Audit;
using YiyangTasks.Api.Reports;
using YiyangTasks.Api.Digest;
using YiyangTasks.Api.Timeliness;

// Host commands (token, import) take their own arguments; the host's configuration does not read them.
var hostCommand = args.FirstOrDefault() is TokenCommand.Name or ImportCommand.Name;
var builder = WebApplication.CreateBuilder(hostCommand ? [] : args);

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
builder.AddEventStore(connectionString);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<TaskWrites>();
builder.Services.AddSingleton<UnitDirectoryCache>();
builder.Services.AddSingleton<UnitRegistration>();
builder.Services.AddSingleton<ActorFilter>();
builder.Services.AddSingleton<TimelinessPolicy>();
builder.Services.AddSingleton<ReportCache>();
builder.Services.AddSingleton<PlanAssignment>();
builder.Services.AddSingleton<PlanImporter>();
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = PlanImporter.MaxBytes);
if (hostCommand) builder.WebHost.UseUrls("http://127.0.0.1:0");
else if (builder.Environment.IsDevelopment()) builder.Services.AddHostedService<DemoPlans>();
builder.Services.AddHostedService<AuditIndexes>();
builder.Services.AddHostedService<StartupSweep>();
if (builder.Configuration.GetValue("Digest:CatchUpOnStart", true)) builder.Services.AddHostedService<MissedDigestCatchUp>();
builder.Services.AddHttpClient("digest", client => client.Timeout = TimeSpan.FromSeconds(15));
builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
builder.Services.AddHealth();
builder.Services.AddApiDocument();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealth();
app.MapOpenApi("/openapi/{documentName}.json");
app.UseSwaggerUI(options =>
{
    options.SwaggerEndpoint("/openapi/v1.json", "YiyangTasks v1");
    options.RoutePrefix = "swagger";
});
var api = app.MapGroup("/api").RequireAuthorization(Policies.Read).AddEndpointFilter<ActorFilter>()
    .ProducesProblemForEveryEndpoint(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
api.MapPlans();
api.MapTasks();
api.MapUnits();
api.MapDigests();
api.MapReports();
api.MapAudit();

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
        app.Logger.LogInformation("YiyangTasks is listening on {Url}; Swagger UI at {Url}/swagger", url, url);
});

if (hostCommand) return await ImportCommand.RunAsync(app, args.Skip(1).ToArray());
await app.RunAsync();
return 0;

/// <summary>The API host; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
