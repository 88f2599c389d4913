using Archive.Core.Pages;

namespace Archive.Core.Tests.Splitting;

/// <summary>The seed pages of the repository, found by walking up from the test binaries to Archive.sln.</summary>
internal static class SeedPages
{
    public static string Folder { get; } = FindFolder();

    public static IEnumerable<string> Files => Directory.EnumerateFiles(Folder, "*.txt").Order(StringComparer.Ordinal);

    public static PageText Load(string prefix)
    {
        var path = Files.Single(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal));
        return LoadPath(path);
    }

    public static PageText LoadPath(string path)
    {
        var name = Path.GetFileName(path);
        var manifest = PageManifest.Load(Folder);
        return new PageText(name, File.ReadAllText(path), manifest.DateOf(name));
    }

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var file in Files) data.Add(Path.GetFileName(file));
        return data;
    }

    private static string FindFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Archive.sln")))
            dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Archive.sln not found above " + AppContext.BaseDirectory);
        return Path.Combine(dir.FullName, "seeds");
    }
}
