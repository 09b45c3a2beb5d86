namespace YiyangTasks.Api;

/// <summary>Where the repository is (the folder holding YiyangTasks.sln) and the seed plans beside it, for the host and its tools.</summary>
public static class RepositoryFolders
{
    /// <summary>The nearest folder at or above <paramref name="start"/> that holds YiyangTasks.sln, or null.</summary>
    public static string? Root(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "YiyangTasks.sln"))) return dir.FullName;
        return null;
    }

    /// <summary>shared/seeds inside or beside the repository (CI clones it with shared/ beside it), or null.</summary>
    public static string? Seeds(string start)
    {
        if (Root(start) is not { } root) return null;
        return new[] { Path.Combine(root, "shared", "seeds"), Path.Combine(root, "..", "shared", "seeds") }
            .Where(Directory.Exists).Select(Path.GetFullPath).FirstOrDefault();
    }
}
