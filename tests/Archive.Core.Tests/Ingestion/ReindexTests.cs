using Archive.Core.Indexing;
using Archive.Core.Searching;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Core.Tests.Ingestion;

/// <summary>Rebuilding the whole index beside the live one and switching to it (<see cref="PageIngestor.RebuildAsync"/>).</summary>
public sealed class ReindexTests : IDisposable
{
    private readonly IngestionHarness _harness = new();

    private string IndexPath => Path.Combine(_harness.Root, "index");

    [Fact]
    public async Task AReindexBuildsTheSameArticlesInANewGenerationAndSwitchesToIt()
    {
        WritePages("鸵鸟节", "灵芝", "锦鲤");
        await _harness.Ingestor.IngestFolderAsync();
        var before = Articles(_harness.Index);

        var summary = await _harness.Ingestor.RebuildAsync();

        Assert.True(summary.Switched, summary.Problem);
        Assert.Equal(before, Articles(_harness.Index));
        Assert.Equal(summary.Generation, IndexGenerations.ReadCurrent(IndexPath));
        Assert.Equal(Path.Combine(IndexPath, summary.Generation!), _harness.Index.LivePath);
        Assert.Equal(3, summary.Pass!.Ingested);
        Assert.Equal(summary, _harness.Status.LastReindex);
        // The plain index the archive started with stays as the previous generation, for readers still on it.
        Assert.NotEmpty(Directory.EnumerateFiles(IndexPath, "segments_*"));
    }

    [Fact]
    public async Task EachReindexKeepsOnlyTheLiveAndThePreviousGeneration()
    {
        WritePages("鸵鸟节", "灵芝");
        await _harness.Ingestor.IngestFolderAsync();

        var first = await _harness.Ingestor.RebuildAsync();
        var second = await _harness.Ingestor.RebuildAsync();
        var third = await _harness.Ingestor.RebuildAsync();

        Assert.Equal([second.Generation!, third.Generation!], Generations());
        Assert.DoesNotContain(first.Generation, Generations());
        Assert.Empty(Directory.EnumerateFiles(IndexPath, "segments_*"));
        Assert.Equal(2, _harness.Index.Stats().Articles);
    }

    [Fact]
    public async Task PagesChangedAfterAReindexAreIngestedIntoTheNewIndexAndSurviveARestart()
    {
        WritePages("鸵鸟节");
        await _harness.Ingestor.IngestFolderAsync();
        await _harness.Ingestor.RebuildAsync();

        _harness.Write("p9.txt", IngestionHarness.Page("葡萄酒"));
        await _harness.Ingestor.IngestFolderAsync();
        _harness.Stop();

        using var reopened = new IngestionHarness(_harness.Root);
        Assert.Equal(2, reopened.Index.Stats().Articles);
        Assert.Equal(1, Search(reopened, "葡萄酒"));
    }

    [Fact]
    public async Task ASearchRunningAcrossTheSwitchFinishesOnTheOldIndex()
    {
        WritePages("鸵鸟节", "灵芝");
        await _harness.Ingestor.IngestFolderAsync();
        var searcher = _harness.Index.AcquireSearcher(out var release);

        File.Delete(Path.Combine(_harness.Pages, "p1.txt"));
        await _harness.Ingestor.RebuildAsync();

        // The old generation is retired but still open for the search that holds it.
        var hits = searcher.Search(new TermQuery(new Term(ArticleFields.Type, ArticleFields.ArticleType)), 10);
        Assert.Equal(2, hits.TotalHits);
        Assert.NotNull(searcher.Doc(hits.ScoreDocs[1].Doc).Get(ArticleFields.Id));
        release();
        Assert.Equal(1, _harness.Index.Stats().Articles);
    }

    [Fact]
    public async Task AReadOnlyIndexFollowsTheSwitchOnItsNextRefresh()
    {
        WritePages("鸵鸟节");
        await _harness.Ingestor.IngestFolderAsync();
        using var reader = ArchiveIndex.OpenReadOnly(IndexPath, NullLogger.Instance);
        Assert.Equal(1, reader.Stats().Articles);

        _harness.Write("p2.txt", IngestionHarness.Page("灵芝"));
        var summary = await _harness.Ingestor.RebuildAsync();

        Assert.True(reader.Refresh());
        Assert.Equal(Path.Combine(IndexPath, summary.Generation!), reader.LivePath);
        Assert.Equal(2, reader.Stats().Articles);
        for (var i = 0; i < 5; i++) Assert.False(reader.Refresh(), $"refresh {i}");
    }

    [Fact]
    public async Task AReindexOfAFolderWithoutPagesIsNotSwitchedTo()
    {
        WritePages("鸵鸟节", "灵芝");
        await _harness.Ingestor.IngestFolderAsync();
        foreach (var file in Directory.EnumerateFiles(_harness.Pages)) File.Delete(file);

        var summary = await _harness.Ingestor.RebuildAsync();

        Assert.False(summary.Switched);
        Assert.Contains("no page files", summary.Problem);
        Assert.Equal(2, _harness.Index.Stats().Articles);
        Assert.Empty(Generations());
        Assert.Null(IndexGenerations.ReadCurrent(IndexPath));
    }

    [Fact]
    public async Task AFailedBuildLeavesTheLiveIndexAndNoHalfBuiltGeneration()
    {
        WritePages("鸵鸟节");
        await _harness.Ingestor.IngestFolderAsync();
        var live = _harness.Index.LivePath;

        await Assert.ThrowsAsync<IOException>(() => _harness.Index.RebuildAsync((next, _) =>
        {
            next.ReplacePage(new PageState("x.txt", "h", 1, DateTime.UtcNow, null, 0, DateTimeOffset.UtcNow), []);
            throw new IOException("disk full");
        }));

        Assert.Equal(live, _harness.Index.LivePath);
        Assert.Equal(1, _harness.Index.Stats().Articles);
        Assert.Empty(Generations());
    }

    [Fact]
    public async Task OpeningForWritingRemovesABuildThatACrashCutShortAndKeepsTheLiveOne()
    {
        WritePages("鸵鸟节");
        await _harness.Ingestor.IngestFolderAsync();
        var live = (await _harness.Ingestor.RebuildAsync()).Generation!;
        _harness.Stop();
        // What a process killed mid-rebuild leaves: a newer generation folder with segments, not named in CURRENT.
        var orphan = IndexGenerations.CreateGeneration(IndexPath);
        File.WriteAllText(Path.Combine(orphan, "_0.fdt"), "half written");

        using var reopened = new IngestionHarness(_harness.Root);

        Assert.Equal(1, reopened.Index.Stats().Articles);
        Assert.Equal(Path.Combine(IndexPath, live), reopened.Index.LivePath);
        Assert.False(Directory.Exists(orphan));
    }

    [Fact]
    public void ACurrentFileNamingSomethingElseIsIgnored()
    {
        Directory.CreateDirectory(IndexPath);
        File.WriteAllText(Path.Combine(IndexPath, IndexGenerations.CurrentFile), "../../etc");

        Assert.Equal(IndexPath, IndexGenerations.ResolveLive(IndexPath));
    }

    private void WritePages(params string[] words)
    {
        for (var i = 0; i < words.Length; i++) _harness.Write($"p{i}.txt", IngestionHarness.Page(words[i]));
    }

    private List<string> Generations() =>
        Directory.EnumerateDirectories(IndexPath, "gen-*").Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToList();

    private static int Search(IngestionHarness harness, string query) =>
        harness.Services.GetRequiredService<ArticleSearcher>().Search(new SearchRequest(query)).Total;

    private static SortedDictionary<string, string> Articles(ArchiveIndex index) => index.Search(searcher =>
    {
        var top = searcher.Search(new TermQuery(new Term(ArticleFields.Type, ArticleFields.ArticleType)), 1000);
        var articles = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var hit in top.ScoreDocs)
        {
            var doc = searcher.Doc(hit.Doc);
            articles.Add(doc.Get(ArticleFields.Id), doc.Get(ArticleFields.Headline) + "|" + doc.Get(ArticleFields.Body));
        }
        return articles;
    });

    public void Dispose() => _harness.Dispose();
}
