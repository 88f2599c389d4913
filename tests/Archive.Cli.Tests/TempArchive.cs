namespace Archive.Cli.Tests;

/// <summary>
/// A throw-away archive for one test: a copy of the repository's seeds and a folder for the index, removed afterwards.
/// </summary>
public sealed class TempArchive : IDisposable
{
    public TempArchive()
    {
        Root = Directory.CreateTempSubdirectory("archive-cli-tests-").FullName;
        PagesPath = Path.Combine(Root, "pages");
        IndexPath = Path.Combine(Root, "index");
        Directory.CreateDirectory(PagesPath);
        // The whole folder, manifest.json included, so issue dates come out as they do for the seeds.
        foreach (var seed in Directory.EnumerateFiles(SeedsPath))
        {
            var copy = Path.Combine(PagesPath, Path.GetFileName(seed));
            File.Copy(seed, copy);
            // The seeds are read-only in the repository; the copies must be deletable.
            File.SetAttributes(copy, FileAttributes.Normal);
        }
    }

    public string Root { get; }

    public string PagesPath { get; }

    public string IndexPath { get; }

    /// <summary>The copied page files, in name order.</summary>
    public IReadOnlyList<string> Pages => Directory.EnumerateFiles(PagesPath, "*.txt").Order(StringComparer.Ordinal).ToList();

    /// <summary>The repository's seeds folder, found by walking up from the test binaries to Archive.sln.</summary>
    public static string SeedsPath { get; } = FindSeeds();

    /// <summary>Writes a file of binary data (it holds NUL bytes), which no page decoder accepts.</summary>
    public string AddBinaryPage(string name)
    {
        var path = Path.Combine(PagesPath, name);
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[10] = 0;
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open (a log flushed late) must not fail the test; the temp folder is cleaned up eventually.
        }
    }

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Archive.sln")))
                return Path.Combine(dir.FullName, "seeds");
        }
        throw new DirectoryNotFoundException($"No Archive.sln above {AppContext.BaseDirectory}.");
    }
}
