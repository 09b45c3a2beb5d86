namespace YiyangTasks.Api.Tests.Infrastructure;

/// <summary>The four real plans in shared/seeds beside the repository.</summary>
public static class SeedFiles
{
    public static byte[] Bytes(string prefix)
    {
        var folder = YiyangTasks.Api.RepositoryFolders.Seeds(AppContext.BaseDirectory)
                     ?? throw new DirectoryNotFoundException("shared/seeds was not found beside the repository.");
        return File.ReadAllBytes(Directory.GetFiles(folder, prefix + "*.txt").Single());
    }
}
