using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace YiyangTasks.Benchmarks.Harness;

/// <summary>The machine a run measured on: cores, memory, CPU model, as the README quotes them.</summary>
public sealed record Machine(int Cores, long MemoryMb, string Cpu, string Os)
{
    public static Machine Current()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024
            : 0;
        return new Machine(Environment.ProcessorCount, memory, cpu ?? "unknown", System.Runtime.InteropServices.RuntimeInformation.OSDescription);
    }
}

/// <summary>Writes each scenario's figures as one JSON file (figures, scale, machine, commit) and prints its one line.</summary>
public sealed class Results(string folder, Scale scale, string commit, Machine machine, string runId)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Folder { get; } = folder;

    public void Write(string scenario, string line, object figures)
    {
        Console.WriteLine($"[{scenario}] {line}");
        Directory.CreateDirectory(Folder);
        var document = new JsonObject
        {
            ["scenario"] = scenario,
            ["summary"] = line,
            ["run"] = runId,
            ["commit"] = commit,
            ["scale"] = JsonSerializer.SerializeToNode(scale, Json),
            ["machine"] = JsonSerializer.SerializeToNode(machine, Json),
            ["loadAverageAfter"] = Run.LoadAverage(),
            ["figures"] = JsonSerializer.SerializeToNode(figures, figures.GetType(), Json),
        };
        File.WriteAllText(Path.Combine(Folder, $"{scale.Name}-{scenario}.json"), document.ToJsonString(Json) + "\n");
    }

    public static string Commit(string repository)
    {
        try
        {
            var start = new ProcessStartInfo("git", "rev-parse --short HEAD") { WorkingDirectory = repository, RedirectStandardOutput = true };
            using var git = Process.Start(start)!;
            var head = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            var dirty = new ProcessStartInfo("git", "status --porcelain --untracked-files=no -- src") { WorkingDirectory = repository, RedirectStandardOutput = true };
            using var status = Process.Start(dirty)!;
            var changes = status.StandardOutput.ReadToEnd().Trim();
            status.WaitForExit();
            return changes.Length > 0 ? head + "+src-changes" : head;
        }
        catch (Exception)
        {
            return "unknown";
        }
    }
}

/// <summary>Latencies in milliseconds and their percentiles.</summary>
public sealed class Latencies
{
    private readonly List<double> _samples = [];

    public int Count { get { lock (_samples) return _samples.Count; } }

    public void Add(TimeSpan elapsed) { lock (_samples) _samples.Add(elapsed.TotalMilliseconds); }

    public double Percentile(double p)
    {
        lock (_samples)
        {
            if (_samples.Count == 0) return double.NaN;
            var sorted = _samples.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
            return Math.Round(sorted[Math.Clamp(rank, 0, sorted.Length - 1)], 2);
        }
    }
}
