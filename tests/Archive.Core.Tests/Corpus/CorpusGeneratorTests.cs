using Archive.Core.Corpus;
using Archive.Core.Pages;
using Archive.Core.Splitting;
using Archive.Core.Tests.Splitting;

namespace Archive.Core.Tests.Corpus;

public sealed class CorpusGeneratorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("archive-corpus-tests-").FullName;

    [Fact]
    public async Task SameSeedWritesTheSameBytesAndAnotherSeedDoesNot()
    {
        var generator = await CorpusFixture.GeneratorAsync();
        await generator.WriteAsync(Path.Combine(_root, "a"), new CorpusSettings(300, Seed: 7));
        await generator.WriteAsync(Path.Combine(_root, "b"), new CorpusSettings(300, Seed: 7));
        await generator.WriteAsync(Path.Combine(_root, "c"), new CorpusSettings(300, Seed: 8));

        var a = Snapshot(Path.Combine(_root, "a"));
        Assert.Equal(a, Snapshot(Path.Combine(_root, "b")));
        Assert.NotEqual(a, Snapshot(Path.Combine(_root, "c")));
    }

    [Fact]
    public async Task CorpusSplitsBackIntoRoughlyTheArticlesWritten()
    {
        var generator = await CorpusFixture.GeneratorAsync();
        var folder = Path.Combine(_root, "split");
        var summary = await generator.WriteAsync(folder, new CorpusSettings(600, Seed: 3));

        var check = await CorpusGenerator.CheckAsync(folder, summary.Articles, new PageSplitter());

        Assert.Equal(600, summary.Articles);
        Assert.InRange(check.Ratio, 0.95, 1.05);
    }

    [Fact]
    public async Task PagesSpreadOverTheYearsWithAManifestOfIssueDates()
    {
        var generator = await CorpusFixture.GeneratorAsync();
        var folder = Path.Combine(_root, "dates");
        var summary = await generator.WriteAsync(folder, new CorpusSettings(2000, Seed: 1));

        var manifest = PageManifest.Load(folder);
        var files = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .ToList();
        Assert.Equal(summary.Pages, files.Count);
        var dates = files.Select(f => manifest.DateOf(f)).ToList();
        Assert.All(dates, d => Assert.NotNull(d));
        Assert.Equal(1985, dates.Min()!.Value.Year);
        Assert.True(dates.Max()!.Value.Year >= 2024);
    }

    [Fact]
    public async Task BylinesNameTheStaffAndDatelinesNameEveryCounty()
    {
        var generator = await CorpusFixture.GeneratorAsync();
        var folder = Path.Combine(_root, "people");
        await generator.WriteAsync(folder, new CorpusSettings(3000, Seed: 5));
        var splitter = new PageSplitter();
        var articles = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories)
            .SelectMany(f => splitter.Split(new PageText(Path.GetFileName(f), PageDecoder.Decode(File.ReadAllBytes(f)).Text!, null)))
            .ToList();

        var staff = Staff.For(5);
        var reporters = articles.SelectMany(a => a.Reporters).ToHashSet();
        Assert.True(reporters.Count(staff.Reporters.Contains) >= 150, $"{reporters.Count(staff.Reporters.Contains)} of the staff's reporters found");
        var counties = articles.Select(a => a.County).ToHashSet();
        Assert.All(Gazetteer.Default.Counties, c => Assert.Contains(c.Name, counties));
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The corpus material from the repository's seeds, built once for the test run.</summary>
internal static class CorpusFixture
{
    private static readonly Lazy<Task<CorpusMaterial>> Material = new(() => CorpusMaterial.FromSeedsAsync(SeedPages.Folder, new PageSplitter()));

    public static async Task<CorpusGenerator> GeneratorAsync() => new(await Material.Value);
}
