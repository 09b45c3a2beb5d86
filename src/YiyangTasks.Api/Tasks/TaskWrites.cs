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
    TimeProvider clock, Storage.StreamTurns turns, ILogger<TaskWrites> logger)
{
    private const int Attempts = 40;

    public delegate Decision Decide(SupervisedTask task, Actor actor, DateTimeOffset now);

    /// <summary>Reads and validates the command's JSON body, then runs the command it describes.</summary>
    public async Task<IResult> ExecuteAsync<TRequest>(HttpContext http, string planId, int number, Func<TRequest, Decide> decide,
        Func<SupervisedTask, Actor, IResult?>? authorize = null, Guid? recordId = null)
        where TRequest : class, IValidatedRequest
    {
        var (request, problem) = await RequestBody.ReadJsonAsync<TRequest>(http.Request);
        if ((problem ?? request!.Validate()) is { } refused) return refused;
        return await ExecuteAsync(http, planId, number, decide(request!), authorize, recordId);
    }

    public async Task<IResult> ExecuteAsync(HttpContext http, string planId, int number, Decide decide,
        Func<SupervisedTask, Actor, IResult?>? authorize = null, Guid? recordId = null)
    {
        var request = http.Request;
        if (!IfMatch.TryParse(request, out var expectedVersion)) return Problems.Invalid("If-Match", "field.if-match");
        var idempotencyKey = request.Headers["Idempotency-Key"].ToString();
        if (idempotencyKey.Length > 200 || idempotencyKey.Any(char.IsControl))
            return Problems.Invalid("Idempotency-Key", "field.idempotency-key");

        var actor = ActorFilter.Of(http);
        var streamKey = SupervisedTask.StreamKey(planId, number);
        var fingerprint = idempotencyKey.Length == 0 ? null : Fingerprint(request, actor);
        var idempotencyId = idempotencyKey.Length == 0 ? null : $"{actor.UserId}|{idempotencyKey}";

        var attempt = new Attempt(http, planId, number, streamKey, actor, expectedVersion, idempotencyId, fingerprint, recordId, decide, authorize);
        for (var tries = 1; tries <= Attempts; tries++)
        {
            try
            {
                // One writer per task at a time in this process: the others wait here without holding a connection.
                await using (await turns.TakeAsync(streamKey, http.RequestAborted))
                    if (await TryAsync(attempt) is { } answer) return answer;
            }
            catch (Exception e) when (IsConcurrencyConflict(e))
            {
                if (expectedVersion is long stale) return Problems.VersionConflict(stale, attempt.LastSeenVersion + 1);
                logger.LogDebug("Concurrent write to {Stream}, deciding again (try {Try})", streamKey, tries);
                await Task.Delay(Random.Shared.Next(1, 5 + tries * 2), http.RequestAborted);
            }
            // Another request with the same Idempotency-Key won the race: the next try replays its answer.
            catch (DocumentAlreadyExistsException) when (idempotencyId is not null)
            {
            }
        }
        return Problems.Contended(attempt.LastSeenVersion);
    }

    private sealed record Attempt(HttpContext Http, string PlanId, int Number, string StreamKey, Actor Actor, long? ExpectedVersion,
        string? IdempotencyId, string? Fingerprint, Guid? RecordId, Decide Decide, Func<SupervisedTask, Actor, IResult?>? Authorize)
    {
        public long LastSeenVersion { get; set; }
    }

    /// <summary>One try in its own transaction; null when nothing was answered and the command should be decided again.</summary>
    private async Task<IResult?> TryAsync(Attempt a)
    {
        var cancellation = a.Http.RequestAborted;
        // A fresh outbox per try, so a scheduled check staged by a failed try is not sent.
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
        await using var session = ActingSession.Open(store, outbox, a.Actor, Correlation.Id(a.Http));

        // The stream's row is locked for the rest of this transaction: concurrent writers on one task
        // queue here instead of failing one another, and nobody's events are lost. Lock and state come in one round trip.
        var (stream, earlier) = await FetchAsync(session, a, cancellation);
        if (earlier is not null)
            return earlier.Fingerprint == a.Fingerprint ? await ReplayAsync(session, a, earlier, cancellation) : Problems.IdempotencyKeyReused();
        if (stream.Aggregate is not { } task) return await ReadTasks.NotFoundAsync(session, a.PlanId, a.Number);
        a.LastSeenVersion = stream.CurrentVersion ?? 0;
        if (a.ExpectedVersion is long expected && expected != a.LastSeenVersion)
            return Problems.VersionConflict(expected, a.LastSeenVersion);
        if (a.Authorize?.Invoke(task, a.Actor) is { } refusal) return refusal;

        var now = clock.GetUtcNow();
        var decision = a.Decide(task, a.Actor, now);
        if (decision.Refusal is { } violation) return Problems.RuleViolated(violation, a.LastSeenVersion);

        stream.AppendMany(decision.Events);
        var after = decision.Events.Aggregate(task, (state, e) => SupervisedTask.Evolve(state, e)!);
        var rules = await timeliness.RulesForAsync(a.PlanId, cancellation);
        await TimelinessScheduler.AfterChangeAsync(session, outbox, task, after, rules, timeliness, now);
        var accepted = new CommandAccepted(a.PlanId, a.Number, a.LastSeenVersion + decision.Events.Count,
            decision.Events.Select(e => e.GetType().Name).ToArray(), a.RecordId);
        if (a.IdempotencyId is not null) session.Insert(new IdempotentResponse(a.IdempotencyId, a.Fingerprint!, accepted, now));

        await session.SaveChangesAsync(cancellation);
        a.Http.Response.Headers.ETag = IfMatch.Format(accepted.Version);
        // The append numbered the events in the store's sequence: a report answers X-Projection-Sequence at or past it
        // once it shows this write.
        SetSequence(a.Http, stream.Events[^1].Sequence);
        return Results.Ok(accepted);
    }

    /// <summary>The response header that carries the event sequence a command's write reached.</summary>
    public const string SequenceHeader = "X-Event-Sequence";

    private static void SetSequence(HttpContext http, long sequence) =>
        http.Response.Headers[SequenceHeader] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Locks the stream and reads the task; with an Idempotency-Key, the key's earlier answer in the same round trip,
    /// read after the lock so that it sees the answer of a retry that held the lock before us.
    /// </summary>
    private static async Task<(IEventStream<SupervisedTask> Stream, IdempotentResponse? Earlier)> FetchAsync(IDocumentSession session,
        Attempt a, CancellationToken cancellation)
    {
        if (a.IdempotencyId is null)
            return (await session.Events.FetchForExclusiveWriting<SupervisedTask>(a.StreamKey, cancellation), null);
        // The transaction first, so the batch's row lock is held until the commit.
        await session.BeginTransactionAsync(cancellation);
        var batch = session.CreateBatchQuery();
        var fetched = batch.Events.FetchForExclusiveWriting<SupervisedTask>(a.StreamKey);
        var earlier = batch.Load<IdempotentResponse>(a.IdempotencyId);
        await batch.Execute(cancellation);
        return (await fetched, await earlier);
    }

    /// <summary>A replayed answer names the sequence its write reached: the sequence of the event at the answered version.</summary>
    private static async Task<IResult> ReplayAsync(IDocumentSession session, Attempt a, IdempotentResponse earlier, CancellationToken cancellation)
    {
        var events = await session.Events.FetchStreamAsync(a.StreamKey, earlier.Answer.Version, fromVersion: earlier.Answer.Version,
            token: cancellation);
        if (events.Count > 0) SetSequence(a.Http, events[^1].Sequence);
        return earlier.Replay(a.Http);
    }

    private static bool IsConcurrencyConflict(Exception e) =>
        e is ConcurrencyException or ConcurrentUpdateException or Marten.Exceptions.StreamLockedException
            or JasperFx.Events.StreamLockedException
        || e.GetType().Name == "EventStreamUnexpectedMaxEventIdException"
        // Serialization failures and deadlocks between writers: decide again on the fresh state.
        || (e as Npgsql.PostgresException ?? e.InnerException as Npgsql.PostgresException) is { SqlState: "40001" or "40P01" };

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
