namespace YiyangTasks.PlanImport.Tests;

/// <summary>The four real plans in shared/seeds beside the repository (CI clones the repo with shared/ beside it).</summary>
internal static class Seeds
{
    public const string Yanling = "000_";
    public const string Xunyang = "001_";
    public const string Xinyang = "003_";
    public const string Maoming = "004_";

    public static string Text(string prefix) => File.ReadAllText(Path(prefix));

    public static byte[] Bytes(string prefix) => File.ReadAllBytes(Path(prefix));

    public static string Path(string prefix) =>
        Directory.GetFiles(Folder(), prefix + "*.txt").Single();

    public static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(dir.FullName, "YiyangTasks.sln"))) continue;
            foreach (var candidate in new[] { System.IO.Path.Combine(dir.FullName, "shared", "seeds"), System.IO.Path.Combine(dir.FullName, "..", "shared", "seeds") })
                if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("shared/seeds was not found beside the repository.");
    }
}
