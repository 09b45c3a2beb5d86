namespace YiyangTasks.Benchmarks.Harness;

/// <summary>
/// CPU seconds used by the API process and by our PostgreSQL server (the postmaster and its backends), from /proc:
/// where a request's cost goes, on a machine where the load generator competes for the same cores.
/// </summary>
public sealed class CpuMeter(int apiPid, string postgresDataDirectory)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public (double Api, double Postgres) Read()
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(postgresDataDirectory, "postmaster.pid")).First());
        // The postmaster's own time plus its reaped children's (cutime, cstime): backends that exited still count.
        var postgres = Seconds(postmaster) + (Stat(postmaster) is { } p ? (long.Parse(p[13]) + long.Parse(p[14])) / TicksPerSecond : 0);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Parent(pid) == postmaster) postgres += Seconds(pid);
        return (Seconds(apiPid), postgres);
    }

    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name (which may hold spaces) start after the last ')'.
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static int Parent(int pid) => Stat(pid) is { } f ? int.Parse(f[1]) : -1;

    // utime and stime are fields 14 and 15 of stat; here offset by the two fields before the name's end.
    private static double Seconds(int pid) => Stat(pid) is { } f ? (long.Parse(f[11]) + long.Parse(f[12])) / TicksPerSecond : 0;
}
