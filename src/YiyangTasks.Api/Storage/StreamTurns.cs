namespace YiyangTasks.Api.Storage;

/// <summary>
/// Writers on one stream take turns in this process before they take a connection. The stream's row lock
/// (FetchForExclusiveWriting) serialises them anyway; without turns, each waiting writer would hold a pooled
/// connection and a server backend while it waits, and a burst on one task would fill the pool (ConnectionBudget)
/// and starve every other request. Across processes the row lock still decides.
/// </summary>
public sealed class StreamTurns
{
    private readonly Dictionary<string, Turn> _turns = new(StringComparer.Ordinal);

    /// <summary>Waits until no other writer of this process is on the stream; dispose the answer to let the next one in.</summary>
    public async Task<IAsyncDisposable> TakeAsync(string streamKey, CancellationToken cancellationToken)
    {
        Turn turn;
        lock (_turns)
        {
            if (!_turns.TryGetValue(streamKey, out turn!)) _turns[streamKey] = turn = new Turn();
            turn.Waiting++;
        }
        try
        {
            await turn.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(streamKey, turn, held: false);
            throw;
        }
        return new Held(this, streamKey, turn);
    }

    // The map forgets a stream when its last writer leaves, so it holds only the streams being written now.
    private void Leave(string streamKey, Turn turn, bool held)
    {
        lock (_turns)
        {
            if (--turn.Waiting == 0) _turns.Remove(streamKey);
        }
        if (held) turn.Gate.Release();
    }

    private sealed class Turn
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public int Waiting;
    }

    private sealed class Held(StreamTurns turns, string streamKey, Turn turn) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) turns.Leave(streamKey, turn, held: true);
            return ValueTask.CompletedTask;
        }
    }
}
