using Marten;
using JasperFx;
using Npgsql;
using YiyangTasks.Api.Storage;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Audit;

/// <summary>
/// A plan's daily digest (每日封存): one hash over every stream head of the plan (stream, version, hash) at the end of a
/// China day, kept as its own record. Rewriting a chain after the day was sealed no longer matches it.
/// </summary>
/// <param name="SealedLate">Sealed on demand more than a day after the day ended (the scheduled seal did not run): it
/// vouches only for the record as it stood when sealed.</param>
public sealed record DailySeal(string Id, string PlanId, DateOnly Day, int Streams, string Digest, DateTimeOffset SealedAt, bool SealedLate)
{
    public static string IdOf(string planId, DateOnly day) => $"{planId}|{day:yyyy-MM-dd}";
}

/// <summary>The scheduled job: seal yesterday for every plan.</summary>
public sealed record SealDailyDigests;

/// <summary>Computes and keeps daily seals; keeping one twice (two processes, a retry) keeps the first.</summary>
public static class DailySeals
{
    public static DailySeal Compute(string planId, DateOnly day, IEnumerable<StoredEvent> events, DateTimeOffset now)
    {
        var end = ChinaTime.EndOf(day);
        var (streams, digest) = ChainCheck.DigestAt(events, end);
        return new DailySeal(DailySeal.IdOf(planId, day), planId, day, streams, digest, now, now > end.AddDays(1));
    }

    /// <summary>Stores the seals not yet kept and answers every seal as kept (a concurrent sealer's if it was first).</summary>
    public static async Task<IReadOnlyList<DailySeal>> KeepAsync(IDocumentStore store, IReadOnlyList<DailySeal> seals, CancellationToken token)
    {
        if (seals.Count == 0) return seals;
        var ids = seals.Select(s => s.Id).ToArray();
        for (var attempt = 0; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var kept = (await session.LoadManyAsync<DailySeal>(token, ids)).ToDictionary(s => s.Id);
            var missing = seals.Where(s => !kept.ContainsKey(s.Id)).ToList();
            if (missing.Count == 0) return seals.Select(s => kept[s.Id]).ToList();
            foreach (var seal in missing) session.Insert(seal);
            try
            {
                await session.SaveChangesAsync(token);
                return seals.Select(s => kept.GetValueOrDefault(s.Id) ?? s).ToList();
            }
            catch (DocumentAlreadyExistsException) when (attempt < 3)
            {
                // Another process sealed one of these days first: read its seals and keep the rest.
            }
        }
    }

    public static async Task<IReadOnlyList<string>> PlanIdsAsync(NpgsqlDataSource dataSource, CancellationToken token)
    {
        await using var command = dataSource.CreateCommand(
            $"select distinct {AuditIndexes.PlanOf.Replace("stream_id", "id")} from {EventStore.Schema}.mt_streams");
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token)) ids.Add(reader.GetString(0));
        return ids;
    }
}

/// <summary>Seals yesterday (China date) for every plan that had events by then.</summary>
public static class SealDailyDigestsHandler
{
    public static async Task Handle(SealDailyDigests _, IDocumentStore store, NpgsqlDataSource dataSource, TimeProvider clock,
        CancellationToken token)
    {
        var now = clock.GetUtcNow();
        var yesterday = ChinaTime.DateOf(now).AddDays(-1);
        foreach (var planId in await DailySeals.PlanIdsAsync(dataSource, token))
        {
            var stored = await StoredEvents.ForPlanAsync(dataSource, planId, ChinaTime.EndOf(yesterday), token);
            var seal = DailySeals.Compute(planId, yesterday, stored.Events, now);
            if (seal.Streams > 0) await DailySeals.KeepAsync(store, [seal], token);
        }
    }
}
