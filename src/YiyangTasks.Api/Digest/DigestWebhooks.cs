using System.ComponentModel.DataAnnotations;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Marten;
using YiyangTasks.Api.Http;

namespace YiyangTasks.Api.Digest;

/// <summary>What a webhook expects: our digest as JSON, or a DingTalk or WeCom group robot's markdown message.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookKind>))]
public enum WebhookKind { Json, DingTalk, WeCom }

/// <summary>A place the daily digest is delivered to (kept by the admin).</summary>
public sealed record DigestWebhook(string Id, string Url, WebhookKind Kind, bool Enabled = true);

/// <summary>Deliver one stored digest to one webhook; retried with cooldowns, then dead-lettered.</summary>
public sealed record DeliverDigest(string DigestId, string WebhookId);

/// <summary>Posts a digest to a webhook. A non-2xx answer throws, so Wolverine retries it and finally dead-letters it.</summary>
public static class DeliverDigestHandler
{
    public static async Task Handle(DeliverDigest message, IDocumentSession session, IHttpClientFactory clients,
        TimeProvider clock, ILogger<DeliverDigest> logger, CancellationToken cancellationToken)
    {
        var stored = await session.LoadAsync<StoredDigest>(message.DigestId, cancellationToken);
        var webhook = await session.LoadAsync<DigestWebhook>(message.WebhookId, cancellationToken);
        if (stored is null || webhook is null) return;
        var digest = stored.Digest();

        using var client = clients.CreateClient("digest");
        using var answer = await client.PostAsJsonAsync(webhook.Url, Payload(digest, webhook.Kind), OverdueDigest.Json, cancellationToken);
        if (!answer.IsSuccessStatusCode)
            throw new DigestDeliveryFailed($"Webhook {webhook.Id} answered {(int)answer.StatusCode} for digest {digest.Id}.");

        session.Store(new DigestDelivery(DigestDelivery.IdFor(digest.Id, webhook.Id), digest.Id, webhook.Id, clock.GetUtcNow()));
        logger.LogInformation("Delivered digest {Digest} to webhook {Webhook}", digest.Id, webhook.Id);
    }

    /// <summary>The body a webhook of this kind accepts.</summary>
    public static object Payload(OverdueDigest digest, WebhookKind kind) => kind switch
    {
        WebhookKind.DingTalk => new { msgtype = "markdown", markdown = new { title = $"逾期任务通报 {digest.Id}", text = digest.Markdown } },
        WebhookKind.WeCom => new { msgtype = "markdown", markdown = new { content = digest.Markdown } },
        _ => digest,
    };
}

/// <summary>A webhook refused or failed a delivery.</summary>
public sealed class DigestDeliveryFailed(string message) : Exception(message);

/// <summary>The body of PUT /api/admin/digest-webhooks/{id}.</summary>
public sealed record DigestWebhookRequest([property: Required] string? Url, [property: Required] WebhookKind? Kind, bool? Enabled)
{
    public IResult? Validate() => new TextRules()
        .Required("url", Url, 2000)
        .Check("url", Url is null || Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
            "field.url")
        .Check("kind", Kind is not null, "field.required-one-of", ("values", new[] { "json", "dingTalk", "weCom" }))
        .Problem();
}

/// <summary>The admin's list of digest webhooks.</summary>
public static class DigestWebhookEndpoints
{
    public static async Task<IResult> List(IQuerySession session, CancellationToken cancellationToken) =>
        Results.Ok(await session.Query<DigestWebhook>().OrderBy(w => w.Id).ToListAsync(cancellationToken));

    public static async Task<IResult> Put(string id, HttpContext http, IDocumentSession session)
    {
        if (!Plans.PlanIds.IsValid(id)) return Problems.Invalid("id", "field.id");
        var (request, problem) = await RequestBody.ReadJsonAsync<DigestWebhookRequest>(http.Request);
        if ((problem ?? request!.Validate()) is { } refused) return refused;
        var webhook = new DigestWebhook(id, request!.Url!, request.Kind!.Value, request.Enabled ?? true);
        session.Store(webhook);
        await session.SaveChangesAsync(http.RequestAborted);
        return Results.Ok(webhook);
    }

    public static async Task<IResult> Delete(string id, IDocumentSession session, CancellationToken cancellationToken)
    {
        session.Delete<DigestWebhook>(id);
        await session.SaveChangesAsync(cancellationToken);
        return Results.NoContent();
    }
}
