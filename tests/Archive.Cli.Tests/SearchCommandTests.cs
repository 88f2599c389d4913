using System.Text.Json;

namespace Archive.Cli.Tests;

public sealed class SearchCommandTests : IDisposable
{
    private readonly TempArchive _archive = new();

    [Fact]
    public async Task SearchAsJsonFindsTheArticleAboutKoiExports()
    {
        await IngestSeeds();

        var run = await Cli.RunAsync("search", "锦鲤", "--json", "--index", _archive.IndexPath);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.True(json.RootElement.GetProperty("total").GetInt32() > 0);
        var headlines = json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("headline").GetString()!);
        Assert.Contains(headlines, h => h.Contains("锦鲤"));
    }

    [Fact]
    public async Task SearchPrintsATableWithTheSnippetWithoutHtml()
    {
        await IngestSeeds();

        var run = await Cli.RunAsync("search", "锦鲤", "--index", _archive.IndexPath);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("锦鲤", run.Stdout);
        Assert.Contains("Headline", run.Stdout);
        Assert.DoesNotContain("<mark>", run.Stdout);
        Assert.DoesNotContain("&#", run.Stdout);
    }

    [Fact]
    public async Task SearchWithoutAnIndexSaysToRunIngestFirstAndExitsWithTwo()
    {
        var missing = Path.Combine(_archive.Root, "no-index");

        var run = await Cli.RunAsync("search", "锦鲤", "--index", missing);

        Assert.Equal(ExitCodes.BadSetup, run.ExitCode);
        Assert.Contains($"no index at {missing}", run.Stderr);
        Assert.Contains("archive ingest", run.Stderr);
        Assert.Empty(run.Stdout);
        Assert.False(Directory.Exists(missing), "searching must not create the index folder");
    }

    private async Task IngestSeeds()
    {
        var ingest = await Cli.RunAsync("ingest", "--pages", _archive.PagesPath, "--index", _archive.IndexPath);
        Assert.Equal(ExitCodes.Success, ingest.ExitCode);
    }

    public void Dispose() => _archive.Dispose();
}
