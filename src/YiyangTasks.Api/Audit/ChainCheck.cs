namespace YiyangTasks.Api.Audit;

/// <summary>Where a stream's record does not hold: which event, what kind of break, the hash recorded and the hash found.</summary>
/// <param name="Kind">changed (content differs from what was hashed), missing (a version is absent), hash-removed.</param>
public sealed record ChainBreak(string Stream, long Version, long? Sequence, string Kind, string? Expected, string? Found, string Detail);

/// <summary>One stream verified: how many events, how many hashed, how many from before hashing began, and its breaks.</summary>
public sealed record StreamCheck(string Stream, int Events, int Hashed, int BeforeHashing, long HeadVersion, string? HeadHash,
    IReadOnlyList<ChainBreak> Breaks);

/// <summary>Recomputes each event's hash from what is stored and compares it with the hash recorded when it was appended.</summary>
public static class ChainCheck
{
    /// <param name="events">The stream's events in version order.</param>
    /// <param name="recordedVersion">The version the stream's row says it has, when every event up to now was read.</param>
    public static StreamCheck Verify(string stream, IReadOnlyList<StoredEvent> events, long? recordedVersion = null)
    {
        var breaks = new List<ChainBreak>();
        long expectedVersion = 1;
        string? previous = null;
        var hashed = 0;
        var before = 0;
        foreach (var e in events)
        {
            var gap = e.Version != expectedVersion;
            if (gap)
                breaks.Add(new ChainBreak(stream, expectedVersion, null, "missing", $"第{expectedVersion}版事件", $"第{e.Version}版事件",
                    $"{stream} 缺少第{expectedVersion}至{e.Version - 1}版事件：记录被删除。"));
            if (e.Hash is null)
            {
                if (hashed > 0)
                    breaks.Add(new ChainBreak(stream, e.Version, e.Sequence, "hash-removed", "哈希值", null,
                        $"{stream} 第{e.Version}版事件的哈希值被删除（哈希启用后的事件都应有哈希值）。"));
                else before++;
            }
            else
            {
                hashed++;
                var found = EventHash.Compute(stream, e.Version, e.Type, previous, e.Headers, e.Data);
                // After a gap the chain cannot match by construction: the missing event is the break, not this one.
                if (!gap && found != e.Hash)
                    breaks.Add(new ChainBreak(stream, e.Version, e.Sequence, "changed", e.Hash, found,
                        $"{stream} 第{e.Version}版事件的内容与写入时的哈希值不符：记录在写入后被改动。"));
            }
            previous = e.Hash;
            expectedVersion = e.Version + 1;
        }
        var head = events.Count > 0 ? events[^1] : null;
        if (recordedVersion is { } recorded && recorded >= expectedVersion)
            breaks.Add(new ChainBreak(stream, expectedVersion, null, "missing", $"第{recorded}版事件", head is null ? null : $"第{head.Version}版事件",
                $"{stream} 记录的版本为{recorded}，但只存有至第{expectedVersion - 1}版的事件：记录被删除。"));
        return new StreamCheck(stream, events.Count, hashed, before, head?.Version ?? 0, head?.Hash, breaks);
    }

    /// <summary>The day's digest: a hash over every stream's head (stream, version, hash) at the end of the day.</summary>
    public static (int Streams, string Digest) DigestAt(IEnumerable<StoredEvent> events, DateTimeOffset endOfDay)
    {
        var heads = events.Where(e => e.Timestamp < endOfDay)
            .GroupBy(e => e.Stream)
            .Select(g => g.MaxBy(e => e.Version)!)
            .OrderBy(e => e.Stream, StringComparer.Ordinal)
            .Select(e => $"{e.Stream}\t{e.Version}\t{e.Hash}\n")
            .ToList();
        return (heads.Count, EventHash.Of(string.Concat(heads)));
    }
}
