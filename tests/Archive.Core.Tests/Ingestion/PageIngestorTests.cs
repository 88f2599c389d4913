using Archive.Core.Ingestion;
using Archive.Core.Pages;
using Archive.Core.Searching;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Core.Tests.Ingestion;

public sealed class PageIngestorTests
{
    [Theory]
    [InlineData(PageIngestor.BulkLoadPages, 0, true)]                  // the first pass of a large archive, or a rebuild
    [InlineData(PageIngestor.BulkLoadPages * 3, PageIngestor.BulkLoadPages * 2, true)]
    [InlineData(PageIngestor.BulkLoadPages - 1, 0, false)]             // a small archive: merges as it goes
    [InlineData(PageIngestor.BulkLoadPages, PageIngestor.BulkLoadPages, false)] // most of the index is already there
    [InlineData(0, 100_000, false)]                                     // a routine pass
    public void OnlyAPassOfManyNewPagesMostOfTheIndexHoldsMerges(int newPages, int indexedPages, bool bulk) =>
        Assert.Equal(bulk, PageIngestor.IsBulkLoad(newPages, indexedPages));

    [Fact]
    public async Task FirstPassIndexesEveryPageAndTheSecondFindsThemUnchanged()
    {
        using var harness = new IngestionHarness();
        harness.Write("a.txt", IngestionHarness.Page("鸵鸟节"));
        harness.Write("sub/b.txt", IngestionHarness.Page("孔雀节"));

        var first = await harness.Ingestor.IngestFolderAsync();
        var second = await harness.Ingestor.IngestFolderAsync();

        Assert.Equal((2, 2, 0), (first.Pages, first.Ingested, first.Errors));
        Assert.Equal((2, 0, 2), (second.Pages, second.Ingested, second.Unchanged));
        Assert.Equal(["a.txt", "sub/b.txt"], harness.Index.ReadPageStates().Keys.Order());
    }

    [Fact]
    public async Task RestartingOnTheSameIndexDuplicatesNothing()
    {
        var root = Path.Combine(Path.GetTempPath(), "archive-ingestion-tests", Guid.NewGuid().ToString("N"));
        var first = new IngestionHarness(root);
        first.Write("a.txt", IngestionHarness.Page("鸵鸟节"));
        await first.Ingestor.IngestFolderAsync();
        first.Stop();   // closes the index, keeps the files
        using var second = new IngestionHarness(root);

        var pass = await second.Ingestor.IngestFolderAsync();

        Assert.Equal((1, 0, 1), (pass.Pages, pass.Ingested, pass.Unchanged));
        Assert.Equal(1, second.Index.Stats().Articles);
    }

    [Fact]
    public async Task BylineNamesLearnedInAnEarlierRunAreWholeWordsAfterARestart()
    {
        var root = Path.Combine(Path.GetTempPath(), "archive-ingestion-tests", Guid.NewGuid().ToString("N"));
        var first = new IngestionHarness(root);
        first.Write("a.txt", IngestionHarness.Page("鸵鸟节").Replace("测试员", "欧阳春晓"));
        await first.Ingestor.IngestFolderAsync();
        first.Stop();

        // A fresh segmenter, as a new process would have: it learns the names from the index when it opens.
        var segmenter = Archive.Core.Analysis.JiebaSegmenter.Load();
        using var second = new IngestionHarness(root, configure: services =>
            services.AddSingleton<Archive.Core.Analysis.IChineseSegmenter>(segmenter));
        _ = second.Index;

        var lengths = new List<int>();
        segmenter.Segment("记者欧阳春晓报道", lengths);
        Assert.Equal([2, 4, 2], lengths);
    }

    [Fact]
    public async Task TouchedButUnchangedPageIsNotReindexedAndItsNewTimeIsRemembered()
    {
        using var harness = new IngestionHarness();
        var path = harness.Write("a.txt", IngestionHarness.Page("鸵鸟节"));
        await harness.Ingestor.IngestFolderAsync();
        var touched = DateTime.UtcNow.AddSeconds(-30);
        File.SetLastWriteTimeUtc(path, touched);

        var pass = await harness.Ingestor.IngestFolderAsync();

        Assert.Equal((0, 1), (pass.Ingested, pass.Unchanged));
        harness.Index.Commit();
        Assert.Equal(touched, harness.Index.ReadPageStates()["a.txt"].ModifiedUtc);
        Assert.Equal(1, harness.Index.Stats().Articles);
    }

    [Fact]
    public async Task ChangedPageReplacesItsArticles()
    {
        using var harness = new IngestionHarness();
        harness.Write("a.txt", IngestionHarness.Page("鸵鸟节"));
        await harness.Ingestor.IngestFolderAsync();
        harness.Write("a.txt", IngestionHarness.Page("孔雀节"), DateTime.UtcNow.AddSeconds(-10));

        var pass = await harness.Ingestor.IngestFolderAsync();

        var searcher = harness.Services.GetRequiredService<ArticleSearcher>();
        Assert.Equal(1, pass.Ingested);
        Assert.Equal(0, searcher.Search(new SearchRequest("鸵鸟节")).Total);
        Assert.Equal(1, searcher.Search(new SearchRequest("孔雀节")).Total);
        Assert.Equal(1, harness.Index.Stats().Pages);
    }

    [Fact]
    public async Task PageStillBeingWrittenWaitsUntilItIsStable()
    {
        using var harness = new IngestionHarness(stableDelay: TimeSpan.FromMilliseconds(400));
        var path = Path.Combine(harness.Pages, "growing.txt");
        await File.WriteAllTextAsync(path, IngestionHarness.Page("鸵鸟节"));
        var writer = IngestionHarness.KeepAppending(path);

        var during = await harness.Ingestor.IngestFolderAsync();
        writer.Dispose();
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));
        var after = await harness.Ingestor.IngestFolderAsync();

        Assert.Equal((1, 0), (during.Waiting, during.Ingested));
        Assert.Equal((0, 1), (after.Waiting, after.Ingested));
    }

    [Fact]
    public async Task BrokenPageIsReportedWithItsReasonAndTheOthersAreIndexed()
    {
        using var harness = new IngestionHarness();
        harness.Write("good.txt", IngestionHarness.Page("鸵鸟节"));
        await File.WriteAllBytesAsync(Path.Combine(harness.Pages, "bad.txt"), [0, 1, 2, 3, 0, 0xFF]);
        File.SetLastWriteTimeUtc(Path.Combine(harness.Pages, "bad.txt"), DateTime.UtcNow.AddMinutes(-1));

        var pass = await harness.Ingestor.IngestFolderAsync();
        var again = await harness.Ingestor.IngestFolderAsync();

        Assert.Equal((1, 1), (pass.Ingested, pass.Errors));
        var failure = Assert.Single(harness.Status.Failures);
        Assert.Equal("bad.txt", failure.File);
        Assert.Contains("binary", failure.Reason);
        Assert.Equal(1, again.Errors);
    }

    [Fact]
    public async Task DeletedPageLeavesTheIndexButAnEmptiedFolderEmptiesNothing()
    {
        using var harness = new IngestionHarness();
        var a = harness.Write("a.txt", IngestionHarness.Page("鸵鸟节"));
        var b = harness.Write("b.txt", IngestionHarness.Page("孔雀节"));
        await harness.Ingestor.IngestFolderAsync();

        File.Delete(a);
        var afterDelete = await harness.Ingestor.IngestFolderAsync();
        File.Delete(b);
        var afterEmptying = await harness.Ingestor.IngestFolderAsync();

        Assert.Equal(1, afterDelete.Removed);
        Assert.Equal(0, afterEmptying.Removed);
        Assert.Equal(1, harness.Index.Stats().Pages);
    }

    [Fact]
    public async Task MissingPagesFolderIsReportedAndTheIndexKept()
    {
        using var harness = new IngestionHarness();
        harness.Write("a.txt", IngestionHarness.Page("鸵鸟节"));
        await harness.Ingestor.IngestFolderAsync();
        Directory.Delete(harness.Pages, recursive: true);

        var pass = await harness.Ingestor.IngestFolderAsync();

        Assert.Equal(1, pass.Errors);
        Assert.Equal(1, harness.Index.Stats().Articles);
    }

    [Fact]
    public async Task ManifestGivesTheIssueDateAndAChangeToItReindexesThePage()
    {
        using var harness = new IngestionHarness();
        harness.Write("a.txt", IngestionHarness.Page("鸵鸟节"));
        await File.WriteAllTextAsync(Path.Combine(harness.Pages, PageManifest.FileName), """{ "a.txt": "2024-03-01" }""");
        await harness.Ingestor.IngestFolderAsync();
        var searcher = harness.Services.GetRequiredService<ArticleSearcher>();
        Assert.Equal(new DateOnly(2024, 3, 1), searcher.ArticlesOfPage("a.txt")[0].Date);

        await File.WriteAllTextAsync(Path.Combine(harness.Pages, PageManifest.FileName), """{ "a.txt": "2024-03-02" }""");
        var pass = await harness.Ingestor.IngestFolderAsync();

        Assert.Equal(1, pass.Ingested);
        Assert.Equal(new DateOnly(2024, 3, 2), searcher.ArticlesOfPage("a.txt")[0].Date);
        Assert.False(searcher.ArticlesOfPage("a.txt")[0].DateInferred);
    }

    [Fact]
    public async Task IngestingOnePathAddsOrRemovesThatPageAtOnce()
    {
        using var harness = new IngestionHarness();
        var path = harness.Write("a.txt", IngestionHarness.Page("鸵鸟节"));

        await harness.Ingestor.IngestPathAsync(path);
        Assert.Equal(1, harness.Index.Stats().Pages);

        File.Delete(path);
        await harness.Ingestor.IngestPathAsync(path);
        Assert.Equal(0, harness.Index.Stats().Pages);
    }

    [Fact]
    public async Task FilesOutsideThePagesFolderAndHiddenFilesAreIgnored()
    {
        using var harness = new IngestionHarness();
        harness.Write(".hidden.txt", IngestionHarness.Page("鸵鸟节"));
        harness.Write("~lock.txt", IngestionHarness.Page("鸵鸟节"));
        harness.Write("notes.md", IngestionHarness.Page("鸵鸟节"));
        var outside = Path.Combine(harness.Root, "outside.txt");
        await File.WriteAllTextAsync(outside, IngestionHarness.Page("孔雀节"));

        var pass = await harness.Ingestor.IngestFolderAsync();
        await harness.Ingestor.IngestPathAsync(outside);

        Assert.Equal(0, pass.Pages);
        Assert.Equal(0, harness.Index.Stats().Pages);
    }
}
