using System.Security.Cryptography;
using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Exceptions;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Timeliness;
using Wolverine.Marten;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Tasks;

/// <summary>
/// The one write path of every command on a task: load the stream, honour If-Match, let the domain
/// decide, append what it decided with who and which request in the event metadata, answer the new
/// version. Concurrent writers never overwrite each other: without If-Match a conflict is decided again
/// on the fresh state; with If-Match it is the client's 409. A repeated Idempotency-Key answers as the first time.
/// </summary>
public sealed class TaskWrites(IDocumentStore store, IServiceScopeFactory scopes, TimelinessPolicy timeliness,
    TimeProvider clock, ILogger<TaskWrites> logger)
{
    private const int Attempts = 8;

    public delegate Decision Decide(SupervisedTask task, Actor actor, DateTimeOffset now);

    public async Task<IResult> ExecuteAsync(HttpContext http, string planId, int number, Decide decide,
        Func<SupervisedTask, Actor, IResult?>? authorize = null, Guid? recordId = null)
    {
        var request = http.Request;
        if (!IfMatch.TryParse(request, out var expectedVersion)) return Problems.Invalid("If-Match", "must be a task version such as \"3\".");
        var idempotencyKey = request.Headers["Idempotency-Key"].ToString();
        if (idempotencyKey.Length > 200 || idempotencyKey.Any(char.IsControl))
            return Problems.Invalid("Idempotency-Key", "must be at most 200 printable characters.");

        var actor = ActorFilter.Of(http);
        var streamKey = SupervisedTask.StreamKey(planId, number);
        var fingerprint = idempotencyKey.Length == 0 ? null : Fingerprint(request, actor);
        var idempotencyId = idempotencyKey.Length == 0 ? null : $"{actor.UserId}|{idempotencyKey}";
        long lastSeenVersion = 0;

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            // A fresh outbox per attempt, so a scheduled check staged by a failed attempt is not sent.
            await using var scope = scopes.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
            await using var session = store.LightweightSession();
            outbox.Enroll(session);
            session.CorrelationId = Correlation.Id(http);
            session.LastModifiedBy = actor.UserId;
            session.SetHeader("actor", actor);

            if (idempotencyId is not null && await session.LoadAsync<IdempotentResponse>(idempotencyId, http.RequestAborted) is { } earlier)
                return earlier.Fingerprint == fingerprint ? earlier.Replay(http) : Problems.IdempotencyKeyReused();

            var stream = await session.Events.FetchForWriting<SupervisedTask>(streamKey, http.RequestAborted);
            if (stream.Aggregate is null) return await ReadTasks.NotFoundAsync(session, planId, number);
            lastSeenVersion = stream.CurrentVersion ?? 0;
            if (expectedVersion is long expected && expected != lastSeenVersion)
                return Problems.VersionConflict(expected, lastSeenVersion);
            if (authorize?.Invoke(stream.Aggregate, actor) is { } refusal) return refusal;

            var now = clock.GetUtcNow();
            var decision = decide(stream.Aggregate, actor, now);
            if (decision.Refusal is { } violation)
                return Problems.RuleViolated(violation.Rule, violation.Message, lastSeenVersion);

            stream.AppendMany(decision.Events);
            var after = decision.Events.Aggregate(stream.Aggregate, (state, e) => SupervisedTask.Evolve(state, e)!);
            var rules = await timeliness.RulesForAsync(planId, http.RequestAborted);
            await TimelinessScheduler.AfterChangeAsync(session, outbox, stream.Aggregate, after, rules, timeliness, now);
            var accepted = new CommandAccepted(planId, number, lastSeenVersion + decision.Events.Count,
                decision.Events.Select(e => e.GetType().Name).ToArray(), recordId);
            if (idempotencyId is not null)
                session.Insert(new IdempotentResponse(idempotencyId, fingerprint!, accepted, clock.GetUtcNow()));

            try
            {
                await session.SaveChangesAsync(http.RequestAborted);
                http.Response.Headers.ETag = IfMatch.Format(accepted.Version);
                return Results.Ok(accepted);
            }
            catch (Exception e) when (IsConcurrencyConflict(e))
            {
                if (expectedVersion is long stale) return Problems.VersionConflict(stale, lastSeenVersion + 1);
                logger.LogDebug("Concurrent write to {Stream}, deciding again (attempt {Attempt})", streamKey, attempt);
            }
            // Another request with the same Idempotency-Key won the race: the next attempt replays its answer.
            catch (DocumentAlreadyExistsException) when (idempotencyId is not null)
            {
            }
        }
        return Problems.Contended(lastSeenVersion);
    }

    private static bool IsConcurrencyConflict(Exception e) =>
        e is ConcurrencyException or ConcurrentUpdateException
        || e.GetType().Name == "EventStreamUnexpectedMaxEventIdException";

    /// <summary>What makes a retry "the same request": who, method, path and body bytes.</summary>
    private static string Fingerprint(HttpRequest request, Actor actor)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{actor.UserId}\n{request.Method}\n{request.Path}\n"));
        hash.AppendData(RequestBody.RawBody(request.HttpContext).Span);
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}

/// <summary>The answer to an accepted command: the task's new version and the events it recorded.</summary>
/// <param name="RecordId">The id of the progress report or extension request this command created, if any.</param>
public sealed record CommandAccepted(string PlanId, int Number, long Version, IReadOnlyList<string> Events, Guid? RecordId = null);

/// <summary>A stored answer to a command sent with an Idempotency-Key, replayed for its retries.</summary>
public sealed record IdempotentResponse(string Id, string Fingerprint, CommandAccepted Answer, DateTimeOffset AnsweredAt)
{
    public IResult Replay(HttpContext http)
    {
        http.Response.Headers.ETag = IfMatch.Format(Answer.Version);
        http.Response.Headers["Idempotent-Replay"] = "true";
        return Results.Ok(Answer);
    }
}

/// <summary>Task versions as HTTP entity tags: ETag "3" on reads and answers, If-Match "3" on commands.</summary>
public static class IfMatch
{
    public static string Format(long version) => $"\"{version}\"";

    public static bool TryParse(HttpRequest request, out long? version)
    {
        version = null;
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*") return true;
        if (header.StartsWith("W/", StringComparison.Ordinal)) header = header[2..];
        header = header.Trim('"');
        if (!long.TryParse(header, System.Globalization.NumberStyles.None, null, out var parsed)) return false;
        version = parsed;
        return true;
    }
}
