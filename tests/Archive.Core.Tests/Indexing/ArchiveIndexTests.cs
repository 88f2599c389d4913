using Archive.Core.Analysis;
using Archive.Core.Articles;
using Archive.Core.Indexing;
using Archive.Core.Searching;
using Lucene.Net.Index;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Core.Tests.Indexing;

/// <summary>A real index in a temporary folder.</summary>
public sealed class ArchiveIndexTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "archive-index-tests", Guid.NewGuid().ToString("N"));
    private readonly ArchiveAnalyzers _analyzers = ArchiveAnalyzers.CreateDefault();

    [Fact]
    public void ReplacingAPageReplacesItsArticlesAndRecordsItsState()
    {
        using var index = Open();
        index.ReplacePage(State("a.txt", "h1", 2), [Article("a.txt", 1, "高唐锦鲤出口"), Article("a.txt", 2, "冠县灵芝")]);
        index.Commit();
        index.ReplacePage(State("a.txt", "h2", 1), [Article("a.txt", 1, "东阿阿胶")]);
        index.Commit();

        Assert.Equal(new IndexStats(1, 1, index.Stats().Version), index.Stats());
        Assert.Equal("h2", index.ReadPageStates()["a.txt"].Hash);
        var searcher = new ArticleSearcher(index, new QueryBuilder(_analyzers), _analyzers);
        Assert.Equal(0, searcher.Search(new SearchRequest("锦鲤")).Total);
        Assert.Equal(1, searcher.Search(new SearchRequest("阿胶")).Total);
    }

    [Fact]
    public void MergesKeepSegmentsSmallEnoughToShareBetweenCores()
    {
        using var index = Open();

        var policy = Assert.IsType<EqualSegmentsMergePolicy>(index.WriterConfig.MergePolicy);
        Assert.Equal(ArchiveIndex.MaxSegmentMegabytes, policy.MaxMergedSegmentMB);
    }

    [Fact]
    public void MergesRunOnEveryCoreAndHoldIndexingBackOnlyWhenSeveralWait()
    {
        using var index = Open();

        // Lucene 4.8's default: one merge thread, indexing stalled once two merges wait.
        var scheduler = Assert.IsType<ConcurrentMergeScheduler>(index.WriterConfig.MergeScheduler);
        Assert.Equal(Environment.ProcessorCount, scheduler.MaxThreadCount);
        Assert.True(scheduler.MaxMergeCount >= scheduler.MaxThreadCount + 4, $"max merge count {scheduler.MaxMergeCount}");
    }

    [Fact]
    public void HeldMergesLeaveEveryFlushedSegmentUntilTheHoldEnds()
    {
        using var index = Open();
        int Segments() => index.Search(s => s.IndexReader.Leaves.Count);
        void CommitPages(int from, int count)
        {
            for (var page = from; page < from + count; page++)
            {
                index.ReplacePage(State($"p{page}.txt", "h", 1), [Article($"p{page}.txt", 1, "高唐锦鲤" + page)]);
                index.Commit();
            }
        }

        using (index.HoldMerges())
        {
            CommitPages(0, 15);
            index.WaitForMerges();
            Assert.Equal(15, Segments());
        }

        // Released: tiered merging takes the ten small segments it allows per tier and over, as it would have all along.
        index.WaitForMerges();
        index.Commit();
        Assert.InRange(Segments(), 1, 10);
        Assert.Equal(15, index.Stats().Articles);
    }

    [Fact]
    public void MergingForSearchMakesOneSegmentPerCoreOfAboutEqualSize()
    {
        using var index = Open();
        var searcher = new ArticleSearcher(index, new QueryBuilder(_analyzers), _analyzers);
        // Nine pages of very different sizes, each its own commit and segment.
        var sizes = new[] { 30, 3, 20, 1, 10, 25, 2, 5, 4 };
        for (var page = 0; page < sizes.Length; page++)
        {
            var file = $"p{page}.txt";
            index.ReplacePage(State(file, "h", sizes[page]), Enumerable.Range(1, sizes[page]).Select(i => Article(file, i, "高唐锦鲤" + i)).ToArray());
            index.Commit();
        }
        var before = searcher.Search(new SearchRequest("锦鲤", Size: 100));
        var largest = index.Search(s => s.IndexReader.Leaves.Max(l => l.AtomicReader.MaxDoc));

        index.MergeForSearch();

        var segments = index.Search(s => s.IndexReader.Leaves.Select(l => l.AtomicReader.MaxDoc).ToList());
        Assert.Equal(Math.Min(Environment.ProcessorCount, sizes.Length), segments.Count);
        Assert.True(segments.Max() - segments.Min() <= largest, string.Join(",", segments));
        var after = searcher.Search(new SearchRequest("锦鲤", Size: 100));
        Assert.Equal(before.Total, after.Total);
        Assert.Equal(before.Hits.Select(h => h.Id).Order(), after.Hits.Select(h => h.Id).Order());
        Assert.Equal(sizes.Sum(), index.Stats().Articles);
    }

    [Fact]
    public void EverySegmentsFacetDataIsBuiltBeforeAnySearchNeedsIt()
    {
        using (var writing = Open())
        {
            writing.ReplacePage(State("a.txt", "h1", 1), [Article("a.txt", 1, "高唐锦鲤")]);
            writing.Commit();
            writing.ReplacePage(State("b.txt", "h1", 1), [Article("b.txt", 1, "冠县灵芝")]);
            writing.Commit();
            Assert.True(writing.Search(s => s.IndexReader.Leaves.All(l => SegmentFacetData.IsBuilt(l.AtomicReader))));
        }

        using var reading = ArchiveIndex.OpenReadOnly(_path, NullLogger.Instance);
        Assert.True(reading.Search(s => s.IndexReader.Leaves.Count > 0 && s.IndexReader.Leaves.All(l => SegmentFacetData.IsBuilt(l.AtomicReader))));
    }

    [Fact]
    public void ReopeningTheIndexKeepsWhatWasCommitted()
    {
        using (var index = Open())
        {
            index.ReplacePage(State("a.txt", "h1", 1), [Article("a.txt", 1, "高唐锦鲤")]);
            index.Commit();
        }
        using var reopened = Open();
        Assert.Equal(1, reopened.Stats().Articles);
        Assert.Equal("h1", reopened.ReadPageStates()["a.txt"].Hash);
    }

    [Fact]
    public void ASecondWriterIsRefusedWithAClearMessage()
    {
        using var index = Open();
        var error = Assert.Throws<IndexLockedException>(Open);
        Assert.Contains("locked by another process", error.Message);
    }

    [Fact]
    public void ReadOnlyIndexWaitsForTheIndexThenFollowsCommits()
    {
        using var reader = ArchiveIndex.OpenReadOnly(_path, NullLogger.Instance);
        Assert.False(reader.IsOpen);
        Assert.Equal(0, reader.Stats().Articles);

        using var writer = Open();
        writer.ReplacePage(State("a.txt", "h1", 1), [Article("a.txt", 1, "高唐锦鲤")]);
        writer.Commit();

        Assert.True(reader.Refresh());
        Assert.Equal(1, reader.Stats().Articles);
    }

    [Fact]
    public void StoredArticleComesBackWhole()
    {
        using var index = Open();
        var article = Article("a.txt", 3, "正文") with
        {
            Subheadlines = ["副题"],
            Reporters = ["薛良诚", "胡磊"],
            Correspondents = ["陈清林"],
            County = "阳谷县",
            Counties = ["阳谷县", "聊城市"],
            Dateline = "本报阳谷讯",
            Kind = ArticleKind.Feature,
            EventDates = [new DateOnly(2025, 7, 1)],
        };
        index.ReplacePage(State("a.txt", "h", 1), [article]);
        index.Commit();

        var stored = new ArticleSearcher(index, new QueryBuilder(_analyzers), _analyzers).Get(article.Id);

        Assert.NotNull(stored);
        Assert.Equal(article.Reporters, stored.Reporters);
        Assert.Equal(article.Subheadlines, stored.Subheadlines);
        Assert.Equal(article.Counties, stored.Counties);
        Assert.Equal(article.EventDates, stored.EventDates);
        Assert.Equal(article with { Reporters = stored.Reporters, Subheadlines = stored.Subheadlines, Counties = stored.Counties, EventDates = stored.EventDates, Correspondents = stored.Correspondents, Photographers = stored.Photographers, Authors = stored.Authors }, stored);
    }

    [Fact]
    public void ArticlesIndexedThroughOneReusedDocumentKeepOnlyTheirOwnValues()
    {
        using var index = Open();
        var rich = Article("a.txt", 1, "高唐锦鲤出口") with
        {
            Subheadlines = ["副题一", "副题二", "副题三"],
            Reporters = ["薛良诚", "胡磊", "朱海波"],
            Correspondents = ["陈清林"],
            Photographers = ["张有甲"],
            County = "高唐县",
            Counties = ["高唐县", "聊城市"],
            Dateline = "本报高唐讯",
            Kind = ArticleKind.Feature,
            EventDates = [new DateOnly(2025, 7, 1), new DateOnly(2025, 7, 2)],
        };
        // Fewer of everything, then none, then more again: every pool shrinks and grows between articles.
        var lean = Article("a.txt", 2, "冠县灵芝") with { Reporters = ["许金松"], Subheadlines = ["灵芝"], County = "冠县", Counties = ["冠县"] };
        var bare = Article("a.txt", 3, "东阿阿胶") with { Date = null, Kind = ArticleKind.Photo };
        var again = Article("a.txt", 4, "阳谷景阳冈") with
        {
            Reporters = ["高田", "潘玉亮", "胡磊", "许金松"],
            Authors = ["王强"],
            County = "阳谷县",
            EventDates = [new DateOnly(2024, 1, 5)],
            DateInferred = true,
        };
        Article[] articles = [rich, lean, bare, again];
        index.ReplacePage(State("a.txt", "h", articles.Length), articles);
        index.Commit();

        var searcher = new ArticleSearcher(index, new QueryBuilder(_analyzers), _analyzers);
        foreach (var article in articles)
        {
            var stored = searcher.Get(article.Id);
            Assert.NotNull(stored);
            Assert.Equal(article.Subheadlines, stored.Subheadlines);
            Assert.Equal(article.Reporters, stored.Reporters);
            Assert.Equal(article.Correspondents, stored.Correspondents);
            Assert.Equal(article.Photographers, stored.Photographers);
            Assert.Equal(article.Authors, stored.Authors);
            Assert.Equal(article.Counties, stored.Counties);
            Assert.Equal(article.EventDates, stored.EventDates);
            Assert.Equal((article.County, article.Dateline, article.Date, article.DateInferred, article.Kind, article.Headline, article.Body),
                (stored.County, stored.Dateline, stored.Date, stored.DateInferred, stored.Kind, stored.Headline, stored.Body));
        }
        // What is searched and counted is each article's own too.
        Assert.Equal(2, searcher.Search(new SearchRequest("胡磊")).Total);
        Assert.Equal(1, searcher.Search(new SearchRequest("副题二")).Total);
        var facets = searcher.Search(new SearchRequest("", Size: 10)).Facets;
        Assert.Equal(
            [("胡磊", 2), ("许金松", 2), ("朱海波", 1), ("潘玉亮", 1), ("薛良诚", 1), ("高田", 1)],
            facets[FacetNames.Reporter].Select(v => (v.Value, v.Count)).OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal));
        Assert.Equal(
            [("冠县", 1), ("阳谷县", 1), ("高唐县", 1)],
            facets[FacetNames.County].Select(v => (v.Value, v.Count)).OrderBy(v => v.Value, StringComparer.Ordinal));
        Assert.Equal(
            [("feature", 1), ("news", 2), ("photo", 1)],
            facets[FacetNames.Kind].Select(v => (v.Value, v.Count)).OrderBy(v => v.Value, StringComparer.Ordinal));
    }

    [LinuxFact]
    public void TheIndexIsReadIntoBuffersNotMappedIntoTheProcess()
    {
        // A mapped index counts in the site's resident memory and thrashes under a memory limit (IndexDirectory).
        using (var writing = Open())
        {
            writing.ReplacePage(State("a.txt", "h", 1), [Article("a.txt", 1, "高唐锦鲤出口")]);
            writing.Commit();
            var searcher = new ArticleSearcher(writing, new QueryBuilder(_analyzers), _analyzers);
            Assert.Equal(1, searcher.Search(new SearchRequest("锦鲤")).Total);
            Assert.DoesNotContain(MappedFilesUnder(_path), _ => true);
        }
        using var reading = ArchiveIndex.OpenReadOnly(_path, NullLogger.Instance);
        var reader = new ArticleSearcher(reading, new QueryBuilder(_analyzers), _analyzers);
        Assert.Equal("标题1", Assert.Single(reader.Search(new SearchRequest("锦鲤")).Hits).Headline);
        Assert.DoesNotContain(MappedFilesUnder(_path), _ => true);
    }

    private static IEnumerable<string> MappedFilesUnder(string folder) =>
        File.ReadLines("/proc/self/maps").Where(line => line.Contains(folder, StringComparison.Ordinal)).ToList();

    [Fact]
    public void AnIndexWhoseFirstCommitWasCutShortIsStartedAgain()
    {
        using (var index = Open())
        {
            index.ReplacePage(State("a.txt", "h1", 1), [Article("a.txt", 1, "高唐锦鲤出口")]);
            index.Commit();
        }
        // What a process killed while writing its first commit leaves: segments_1 begun, nothing to fall back on.
        CutShort(Path.Combine(IndexGenerations.ResolveLive(_path), "segments_1"));

        using var reopened = Open();

        // Nothing was committed, so nothing is lost: the next pass reads the page again (it has no state).
        Assert.Empty(reopened.ReadPageStates());
        reopened.ReplacePage(State("a.txt", "h1", 1), [Article("a.txt", 1, "高唐锦鲤出口")]);
        reopened.Commit();
        Assert.Equal(1, new ArticleSearcher(reopened, new QueryBuilder(_analyzers), _analyzers).Search(new SearchRequest("锦鲤")).Total);
    }

    [Fact]
    public void ALaterCommitCutShortFallsBackToTheOneBeforeIt()
    {
        using (var index = Open())
        {
            index.ReplacePage(State("a.txt", "h1", 1), [Article("a.txt", 1, "高唐锦鲤出口")]);
            index.Commit();
        }
        var folder = IndexGenerations.ResolveLive(_path);
        var first = Assert.Single(Directory.GetFiles(folder, "segments_*"));
        var firstBytes = File.ReadAllBytes(first);
        using (var index = Open())
        {
            index.ReplacePage(State("b.txt", "h2", 1), [Article("b.txt", 1, "冠县灵芝")]);
            index.Commit();
        }
        // A kill while the next commit was written: the one before is still whole (it goes only once the next is done).
        File.WriteAllBytes(first, firstBytes);
        foreach (var later in Directory.GetFiles(folder, "segments_*").Where(f => f != first)) CutShort(later);

        using var reopened = Open();

        Assert.Equal(["a.txt"], reopened.ReadPageStates().Keys);
        Assert.Equal([first], Directory.GetFiles(folder, "segments_*"));
    }

    // Keeps the first bytes of a commit file, as a write stopped by SIGKILL does, and drops segments.gen (written after it).
    private static void CutShort(string segmentsFile)
    {
        Assert.True(File.Exists(segmentsFile), segmentsFile);
        using (var stream = new FileStream(segmentsFile, FileMode.Open)) stream.SetLength(9);
        File.Delete(Path.Combine(Path.GetDirectoryName(segmentsFile)!, "segments.gen"));
    }

    private ArchiveIndex Open() => ArchiveIndex.OpenForWriting(_path, _analyzers, NullLogger.Instance);

    private static PageState State(string file, string hash, int articles) =>
        new(file, hash, 10, DateTime.UtcNow, new DateOnly(2025, 7, 31), articles, DateTimeOffset.UtcNow);

    private static Article Article(string file, int position, string body) => new()
    {
        Id = Pages.PageKey.ArticleId(file, position),
        File = file,
        Headline = "标题" + position,
        Body = body,
        Date = new DateOnly(2025, 7, 31),
    };

    public void Dispose()
    {
        if (Directory.Exists(_path)) Directory.Delete(_path, recursive: true);
    }
}
