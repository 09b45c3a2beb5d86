using Marten;
using Microsoft.Extensions.FileProviders;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Plans;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Board;

/// <summary>A demo person the board's Development sign-in offers: role, unit (for a liaison), name, and the button's words.</summary>
public sealed record DemoRole(string Role, string? Unit, string Name, string Label);

/// <summary>The body of POST /board/demo/tokens: which demo person to sign in as.</summary>
public sealed record DemoTokenRequest(string? Role, string? Unit);

/// <summary>A token minted for a demo person, and until when it is good.</summary>
public sealed record DemoToken(string Token, DemoRole As, DateTimeOffset ExpiresAt);

/// <summary>
/// The board (督办看板): static HTML, CSS and JavaScript under /board that read and write through the same /api endpoints as
/// every other client, with the bearer token the person signs in with. In Development it also offers a button per demo role.
/// </summary>
public static class BoardEndpoints
{
    private static readonly TimeSpan DemoTokenLifetime = TimeSpan.FromHours(8);

    public static WebApplication MapBoard(this WebApplication app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Board", "wwwroot");
        if (Directory.Exists(folder))
        {
            var files = new PhysicalFileProvider(folder);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = "/board" });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                RequestPath = "/board",
                // The board changes with the API it calls: a browser asks again rather than mixing an old script with a new API.
                OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
            });
        }
        if (!app.Environment.IsDevelopment()) return app;

        var demo = app.MapGroup("/board/demo").WithTags("Board").ExcludeFromDescription();
        demo.MapGet("/roles", Roles)
            .WithName("ListBoardDemoRoles").WithSummary("Development only: the demo people the board can sign in as")
            .Produces<DemoRole[]>();
        demo.MapPost("/tokens", MintToken)
            .WithName("MintBoardDemoToken").WithSummary("Development only: a bearer token for a demo person")
            .Produces<DemoToken>().ProducesProblem(400);
        return app;
    }

    /// <summary>The office, the supervision group, and the liaisons of the units owing the most (the to-do worth showing first).</summary>
    public static async Task<DemoRole[]> Roles(IQuerySession session, CancellationToken cancellationToken)
    {
        var tasks = await session.Query<SupervisedTask>().ToListAsync(cancellationToken);
        var liaisons = tasks.Where(t => !t.IsCompleted && !t.IsWithdrawn)
            .SelectMany(t => t.LeadUnits.Select(u => (Unit: u, Unacknowledged: t.HasAcknowledged(u) ? 0 : 1)))
            .GroupBy(x => x.Unit)
            .OrderByDescending(g => g.Sum(x => x.Unacknowledged)).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(6)
            .Select(g => Person(Identity.Roles.Liaison, g.Key));
        return [Person(Identity.Roles.Office, null), Person(Identity.Roles.Supervision, null), .. liaisons];
    }

    public static IResult MintToken(DemoTokenRequest request, TokenIssuer issuer, TimeProvider clock)
    {
        if (request.Role is not { } role || !Identity.Roles.All.Contains(role))
            return Http.Problems.Invalid("role", "field.one-of", ("values", Identity.Roles.All));
        if (role == Identity.Roles.Liaison && string.IsNullOrWhiteSpace(request.Unit))
            return Http.Problems.Invalid("unit", "field.liaison-unit");
        var person = Person(role, role == Identity.Roles.Liaison ? request.Unit!.Trim() : null);
        var token = issuer.Mint(person.Role, person.Unit, person.Name, DemoTokenLifetime);
        return Results.Ok(new DemoToken(token, person, clock.GetUtcNow() + DemoTokenLifetime));
    }

    // The names the demo quarter's events carry (DemoHistory), so the audit and the timeline show the same people.
    private static DemoRole Person(string role, string? unit) => role switch
    {
        Identity.Roles.Liaison => new(role, unit, DemoHistory.Liaison(unit!).DisplayName, $"{unit}联络员"),
        Identity.Roles.Office => new(role, null, DemoHistory.Office.DisplayName, "联席会议办公室"),
        Identity.Roles.Supervision => new(role, null, DemoHistory.Supervision.DisplayName, "督查组"),
        _ => new(role, null, "管理员", "管理员"),
    };
}
