using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace YiyangTasks.FaultDrill;

/// <summary>What happened to one logical command: sent with a key, acknowledged (2xx) or not, how it was answered.</summary>
public sealed record CommandOutcome(string Key, bool Acknowledged, int? LastStatus, TimeSpan Latency);

/// <summary>
/// Steady command load: workers send progress reports to random tasks, each with its own Idempotency-Key and a
/// narrative naming that key, retrying a failed send with the same key as a real client would.
/// </summary>
public sealed class CommandLoad(IReadOnlyList<string> baseUrls, string planId, int tasks, IReadOnlyDictionary<string, string> tokensByUnit)
{
    private readonly ConcurrentBag<CommandOutcome> _outcomes = [];
    private readonly ConcurrentBag<(DateTime At, int Status, TimeSpan Latency)> _answers = [];

    public IReadOnlyCollection<CommandOutcome> Outcomes => _outcomes;

    /// <summary>Every answer (including retries): when, which status (0 = no answer), how long it took.</summary>
    public IReadOnlyCollection<(DateTime At, int Status, TimeSpan Latency)> Answers => _answers;

    public async Task RunAsync(int workers, CancellationToken stop)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => WorkerAsync(client, w, stop)));
    }

    private async Task WorkerAsync(HttpClient client, int worker, CancellationToken stop)
    {
        var random = new Random(worker * 7919);
        var units = tokensByUnit.Keys.ToArray();
        var sent = 0;
        while (!stop.IsCancellationRequested)
        {
            var key = $"drill-{worker}-{sent++}-{Guid.NewGuid():N}";
            var number = random.Next(1, tasks + 1);
            var unit = units[number % units.Length];
            // The current month in Beijing: begun already, and not over before the drill's plan was assigned (today).
            var today = Domain.Timeliness.ChinaTime.DateOf(DateTimeOffset.UtcNow);
            var month = new DateOnly(today.Year, today.Month, 1);
            var body = JsonSerializer.Serialize(new
            {
                periodStart = $"{month:yyyy-MM-dd}", periodEnd = $"{month.AddMonths(1).AddDays(-1):yyyy-MM-dd}", status = "onTrack",
                percentDone = random.Next(101), narrative = key,
            });
            var clock = Stopwatch.StartNew();
            int? status = null;
            var acknowledged = false;
            for (var attempt = 0; attempt < 4 && !acknowledged; attempt++)
            {
                var url = baseUrls[(worker + attempt) % baseUrls.Count];
                var answerClock = Stopwatch.StartNew();
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"{url}/api/plans/{planId}/tasks/{number}/progress-reports")
                    {
                        Content = new StringContent(body, Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokensByUnit[unit]);
                    request.Headers.Add("Idempotency-Key", key);
                    using var answer = await client.SendAsync(request, CancellationToken.None);
                    status = (int)answer.StatusCode;
                    acknowledged = answer.StatusCode == HttpStatusCode.OK;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    status = 0;
                }
                _answers.Add((DateTime.UtcNow, status ?? 0, answerClock.Elapsed));
                if (!acknowledged) await Task.Delay(200 * (attempt + 1), CancellationToken.None);
            }
            _outcomes.Add(new CommandOutcome(key, acknowledged, status, clock.Elapsed));
        }
    }
}
