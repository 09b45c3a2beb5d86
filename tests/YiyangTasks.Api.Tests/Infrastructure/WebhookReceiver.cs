using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace YiyangTasks.Api.Tests.Infrastructure;

/// <summary>A real HTTP server on 127.0.0.1 that receives webhook posts, or fails them on purpose.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, string Body)> Received { get; } = new();

    public int Attempts;

    /// <summary>While true, every post is answered 503.</summary>
    public volatile bool Failing;

    public string Url(string path) =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + path;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            Interlocked.Increment(ref receiver.Attempts);
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            if (receiver.Failing) return Results.StatusCode(503);
            receiver.Received.Enqueue((http.Request.Path, body));
            return Results.Ok(new { errcode = 0 });
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Waits, without sleeping blindly, for something asynchronous to become true: polls, bounded in time.</summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T?>> probe, TimeSpan? within = null, string? what = null) where T : class
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited in vain for {what ?? "a condition"}.");
            await Task.Delay(100);
        }
    }

    public static async Task True(Func<Task<bool>> probe, TimeSpan? within = null, string? what = null) =>
        await Get<object>(async () => await probe() ? new object() : null, within, what);
}
