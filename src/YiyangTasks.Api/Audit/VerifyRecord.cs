using Marten;
using Npgsql;
using YiyangTasks.Api.Http;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Audit;

/// <summary>One day's seal checked: the digest kept that day against the digest of the record as it is now.</summary>
public sealed record DigestCheck(DateOnly Day, int Streams, string Recorded, string Found, bool Holds, DateTimeOffset SealedAt, bool SealedLate);

/// <summary>What holds of a plan's record: streams, events and daily seals checked, and where it first breaks.</summary>
/// <param name="EventsBeforeHashing">Events stored before hashing began: they carry no hash, so nothing can be said of them either way.</param>
/// <param name="DigestsSealedNow">Days that had no seal yet and were sealed by this verification (they vouch only from now on).</param>
public sealed record AuditVerification(string PlanId, DateOnly From, DateOnly To, bool Holds, int StreamsChecked, int EventsChecked,
    int EventsHashed, int EventsBeforeHashing, int DigestsChecked, int DigestsSealedNow, ChainBreak? FirstBreak,
    IReadOnlyList<ChainBreak> Breaks, IReadOnlyList<DigestCheck> BrokenDigests, string Summary);

/// <summary>GET /api/audit/verify: recomputes every hash of a plan's record and every daily seal in the range.</summary>
public static class VerifyRecord
{
    private const int MaxDays = 3700;

    public static async Task<IResult> Verify(string? plan, DateOnly? from, DateOnly? to, NpgsqlDataSource dataSource, IDocumentStore store,
        TimeProvider clock, CancellationToken token)
    {
        // An open range ends today: from=0001-01-01 alone would be 739,000 days of seals to compute.
        var last = to ?? ChinaTime.DateOf(clock.GetUtcNow());
        var rules = new TextRules().Optional("plan", plan, 64)
            .Check("plan", !string.IsNullOrWhiteSpace(plan), "field.plan-to-verify")
            .Dated("from", from).Dated("to", to)
            .Check("to", from is null || to is null || to >= from, "field.not-before", ("other", "from"))
            .Check("from", from is null || last.DayNumber - from.Value.DayNumber <= MaxDays, "field.range-days", ("max", MaxDays));
        if (rules.Problem() is { } invalid) return invalid;
        var result = await RunAsync(plan!, from, to, dataSource, store, clock.GetUtcNow(), token);
        return result is null ? Problems.PlanNotFound(plan!) : Results.Ok(result);
    }

    public static async Task<AuditVerification?> RunAsync(string planId, DateOnly? from, DateOnly? to, NpgsqlDataSource dataSource,
        IDocumentStore store, DateTimeOffset now, CancellationToken token)
    {
        // Event timestamps are the database's; the range's days are China days.
        var today = ChinaTime.DateOf(now);
        var stored = await StoredEvents.ForPlanAsync(dataSource, planId, to is { } t ? ChinaTime.EndOf(t) : null, token);
        if (!stored.StreamVersions.ContainsKey(planId)) return null;
        var last = to ?? today;
        var first = from ?? (stored.Events.Count > 0 ? ChinaTime.DateOf(stored.Events.Min(e => e.Timestamp)) : last);

        // Events after the range are not read, so a stream's recorded version is only comparable when the range is open-ended.
        var checks = stored.Events.GroupBy(e => e.Stream)
            .Select(g => ChainCheck.Verify(g.Key, g.ToList(), to is null ? stored.StreamVersions.GetValueOrDefault(g.Key) : null))
            .ToList();
        var breaks = checks.SelectMany(c => c.Breaks).OrderBy(b => b.Sequence ?? long.MaxValue).ThenBy(b => b.Stream).ToList();

        var digests = await CheckSealsAsync(planId, first, last < today ? last : today.AddDays(-1), stored.Events, store, now, token);
        var broken = digests.Checks.Where(d => !d.Holds).ToList();
        var holds = breaks.Count == 0 && broken.Count == 0;
        var events = checks.Sum(c => c.Events);
        var before = checks.Sum(c => c.BeforeHashing);
        var summary = holds
            ? $"记录完整：{checks.Count}个流、{events}个事件、{digests.Checks.Count}个每日封存均与写入时一致" + (before > 0 ? $"（其中{before}个事件写于启用哈希之前，无从验证）。" : "。")
            : breaks.Count > 0 ? $"记录被改动：{breaks[0].Detail}" : $"{ChineseDate(broken[0].Day)}的每日封存与现有记录不符：该日之后记录被整体改写或删除。";
        return new AuditVerification(planId, first, last, holds, checks.Count, events, checks.Sum(c => c.Hashed), before,
            digests.Checks.Count, digests.SealedNow, breaks.FirstOrDefault(), breaks.Take(100).ToList(), broken, summary);
    }

    private static async Task<(List<DigestCheck> Checks, int SealedNow)> CheckSealsAsync(string planId, DateOnly first, DateOnly last,
        IReadOnlyList<StoredEvent> events, IDocumentStore store, DateTimeOffset now, CancellationToken token)
    {
        var days = Enumerable.Range(0, Math.Max(0, last.DayNumber - first.DayNumber + 1)).Select(first.AddDays).ToList();
        var found = days.Select(day => DailySeals.Compute(planId, day, events, now)).Where(s => s.Streams > 0).ToList();
        await using var session = store.QuerySession();
        var kept = (await session.LoadManyAsync<DailySeal>(token, found.Select(s => s.Id).ToArray())).ToDictionary(s => s.Id);
        // A day nobody sealed (the job did not run) is sealed now, at its first verification, and marked late.
        var sealedNow = await DailySeals.KeepAsync(store, found.Where(s => !kept.ContainsKey(s.Id)).ToList(), token);
        foreach (var seal in sealedNow) kept[seal.Id] = seal;
        var checks = found.Select(f => kept[f.Id])
            .Select(k => new DigestCheck(k.Day, k.Streams, k.Digest, found.First(f => f.Id == k.Id).Digest, false, k.SealedAt, k.SealedLate))
            .Select(c => c with { Holds = c.Recorded == c.Found }).ToList();
        return (checks, sealedNow.Count);
    }

    public static string ChineseDate(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";
}
