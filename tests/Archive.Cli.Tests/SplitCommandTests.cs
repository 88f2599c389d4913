using System.Text.Json;

namespace Archive.Cli.Tests;

public sealed class SplitCommandTests : IDisposable
{
    private readonly TempArchive _archive = new();

    [Fact]
    public async Task SplitPrintsTheArticlesOfEveryPageAsOneJsonArray()
    {
        var run = await Cli.RunAsync(["split", .. _archive.Pages]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        var articles = json.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(articles);
        foreach (var article in articles)
        {
            Assert.False(string.IsNullOrWhiteSpace(article.GetProperty("id").GetString()));
            Assert.Equal(JsonValueKind.String, article.GetProperty("headline").ValueKind);
            Assert.Equal(JsonValueKind.String, article.GetProperty("body").ValueKind);
            Assert.Equal(JsonValueKind.Array, article.GetProperty("reporters").ValueKind);
        }
        // Every page contributes, under its bare file name.
        var files = articles.Select(a => a.GetProperty("file").GetString()).ToHashSet();
        Assert.Equal(_archive.Pages.Select(Path.GetFileName).ToHashSet(), files);
    }

    [Fact]
    public async Task SplitReportsABrokenFileOnStderrAndStillSplitsTheOthers()
    {
        var broken = _archive.AddBinaryPage("broken.txt");
        var good = _archive.Pages.Where(p => p != broken).Take(2).ToList();

        var run = await Cli.RunAsync("split", good[0], broken, good[1]);

        Assert.Equal(ExitCodes.PagesFailed, run.ExitCode);
        Assert.Contains("broken.txt", run.Stderr);
        Assert.Contains("binary", run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var files = json.RootElement.EnumerateArray().Select(a => a.GetProperty("file").GetString()).ToHashSet();
        Assert.Equal(good.Select(Path.GetFileName).ToHashSet(), files);
    }

    [Fact]
    public async Task SplitReportsAMissingFileByNameAndPrintsAnEmptyArray()
    {
        var missing = Path.Combine(_archive.Root, "nowhere.txt");

        var run = await Cli.RunAsync("split", missing);

        Assert.Equal(ExitCodes.PagesFailed, run.ExitCode);
        Assert.Contains("nowhere.txt", run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Empty(json.RootElement.EnumerateArray());
    }

    [Fact]
    public async Task SplitTakesTheIssueDateFromTheManifestOfTheFilesFolder()
    {
        var page = _archive.Pages[0];
        File.WriteAllText(Path.Combine(_archive.PagesPath, "manifest.json"), $$"""{ "{{Path.GetFileName(page)}}": "2001-02-03" }""");

        var run = await Cli.RunAsync("split", page);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.All(json.RootElement.EnumerateArray(), a => Assert.Equal("2001-02-03", a.GetProperty("date").GetString()));
    }

    public void Dispose() => _archive.Dispose();
}
