namespace YiyangTasks.PlanImport.Tests;

/// <summary>The seed plans in shared/seeds, found beside the repository whether run from a worktree or a CI clone.</summary>
internal static class Seeds
{
    public const string Yanling = "000_13f8dfb63f9b6848.txt";
    public const string Xunyang = "001_6f2e1ed6ca9e848b.txt";
    public const string Xinyang = "003_a599868cd0a7e199.txt";
    public const string Maoming = "004_917108c412c3fbd5.txt";

    public static readonly string[] All = [Yanling, Xunyang, Xinyang, Maoming];

    private static readonly Lazy<string> Folder = new(Find);

    public static string Text(string file) => File.ReadAllText(Path.Combine(Folder.Value, file));

    public static ParsedPlan Parse(string file) => PlanDocumentParser.Parse(Text(file));

    // Walk up from the test binaries: a folder holding shared/seeds (the worktree's parent /work), or the
    // repository root (holding YiyangTasks.sln) whose sibling is shared/seeds (CI: <dir>/main-clone, <dir>/shared).
    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var inside = Path.Combine(dir.FullName, "shared", "seeds");
            if (Directory.Exists(inside)) return inside;
            if (File.Exists(Path.Combine(dir.FullName, "YiyangTasks.sln")) && dir.Parent is { } parent)
            {
                var beside = Path.Combine(parent.FullName, "shared", "seeds");
                if (Directory.Exists(beside)) return beside;
            }
        }
        throw new DirectoryNotFoundException($"no shared/seeds above {AppContext.BaseDirectory}");
    }
}
