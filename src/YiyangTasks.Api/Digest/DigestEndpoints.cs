using Marten;
using Wolverine;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Domain.Timeliness;
using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Digest;

/// <summary>The overdue digest: read the latest or a day's, run one by hand; and the admin's webhooks.</summary>
public static class DigestEndpoints
{
    public static void MapDigests(this RouteGroupBuilder api)
    {
        var digests = api.MapGroup("/digests/overdue").WithTags("Digest");
        digests.MapGet("/latest", Latest).WithName("GetLatestOverdueDigest").RequireAuthorization(Policies.OfficeOrSupervision)
            .WithSummary("The latest overdue digest").Produces<OverdueDigest>().ProducesProblem(404);
        digests.MapGet("/{date}", OfDay).WithName("GetOverdueDigestOfDay").RequireAuthorization(Policies.OfficeOrSupervision)
            .WithSummary("The overdue digest of a day (yyyy-MM-dd)").Produces<OverdueDigest>().ProducesProblem(400).ProducesProblem(404);
        digests.MapPost("/runs", RunNow).WithName("RunOverdueDigest").RequireAuthorization(Policies.OfficeWork)
            .WithSummary("Build today's digest now (or deliver it again) and answer it")
            .Produces<OverdueDigest>().ProducesProblem(403);

        var webhooks = api.MapGroup("/admin/digest-webhooks").WithTags("Digest").RequireAuthorization(Policies.AdminWork);
        webhooks.MapGet("", DigestWebhookEndpoints.List).WithName("ListDigestWebhooks").WithSummary("The digest's webhooks").Produces<DigestWebhook[]>();
        webhooks.MapPut("/{id}", DigestWebhookEndpoints.Put).WithName("PutDigestWebhook").WithSummary("Add or change a digest webhook")
            .Accepts<DigestWebhookRequest>("application/json").Produces<DigestWebhook>().ProducesProblem(400)
            .ProducesProblem(413).ProducesProblem(415);
        webhooks.MapDelete("/{id}", DigestWebhookEndpoints.Delete).WithName("DeleteDigestWebhook").WithSummary("Remove a digest webhook").Produces(204);
    }

    private static async Task<IResult> Latest(IQuerySession session, CancellationToken cancellationToken)
    {
        var latest = await session.Query<StoredDigest>().OrderByDescending(d => d.Date).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? Problems.NotFound(Messages.Of("digest-none-yet")) : Results.Json(await WithDeliveriesAsync(session, latest.Digest(), cancellationToken), OverdueDigest.Json);
    }

    private static async Task<IResult> OfDay(string date, IQuerySession session, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out var day)) return Problems.Invalid("date", "field.date");
        var digest = await session.LoadAsync<StoredDigest>(OverdueDigest.IdFor(day), cancellationToken);
        return digest is null ? Problems.NotFound(Messages.Of("digest-not-found", ("date", day))) : Results.Json(await WithDeliveriesAsync(session, digest.Digest(), cancellationToken), OverdueDigest.Json);
    }

    private static async Task<IResult> RunNow(IMessageBus bus, IQuerySession session, CancellationToken cancellationToken)
    {
        // The handler answers the digest it built (or found) with its JSON: a province's is tens of megabytes, not read back,
        // decompressed and serialized again.
        var built = await bus.InvokeAsync<BuiltDigest?>(new RunOverdueDigest("manual"), cancellationToken, RunTimeout);
        if (built is null) return Problems.NotFound(Messages.Of("digest-not-built"));
        return Messages.English
            ? Results.Json(await WithDeliveriesAsync(session, built.Digest, cancellationToken), OverdueDigest.Json)
            : built.Answer(await DeliveriesAsync(session, built.Digest.Id, cancellationToken));
    }

    /// <summary>Wolverine's default for an invocation awaiting its answer is 5 seconds; a busy province's digest may take longer.</summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private static async Task<OverdueDigest> WithDeliveriesAsync(IQuerySession session, OverdueDigest digest, CancellationToken cancellationToken) =>
        digest with
        {
            Deliveries = await DeliveriesAsync(session, digest.Id, cancellationToken),
            // Stored and delivered in Chinese; a reader who asked for English reads it rendered again.
            Markdown = Messages.English ? OverdueDigest.Render(digest.Date, digest.TaskCount, digest.Units) : digest.Markdown,
        };

    private static async Task<IReadOnlyList<DigestDelivery>> DeliveriesAsync(IQuerySession session, string digestId, CancellationToken cancellationToken) =>
        await session.Query<DigestDelivery>().Where(d => d.DigestId == digestId).OrderBy(d => d.At).ToListAsync(cancellationToken);
}
