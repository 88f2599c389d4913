using Archive.Core.Analysis;
using Archive.Core.Searching;

namespace Archive.Core.Tests.Searching;

/// <summary>Repeated searches come from the cache, and never from an older state of the index.</summary>
public sealed class SearchResultCacheTests : IDisposable
{
    private readonly TestIndex _test = new();
    private readonly SearchResultCache _cache = new(capacity: 2);
    private readonly ArticleSearcher _searcher;

    public SearchResultCacheTests()
    {
        var analyzers = ArchiveAnalyzers.CreateDefault();
        _searcher = new ArticleSearcher(_test.Index, new QueryBuilder(analyzers), analyzers, _cache);
        _test.AddPage("a.txt", new DateOnly(2025, 7, 31), TestIndex.Article("高唐锦鲤出口", "高唐锦鲤远销海外。"));
    }

    [Fact]
    public void ARepeatedSearchIsServedFromTheCache()
    {
        var first = _searcher.Search(new SearchRequest("锦鲤"));
        var again = _searcher.Search(new SearchRequest("锦鲤"));

        Assert.Same(first, again);
        Assert.Equal((1, 1), (_cache.Hits, _cache.Misses));
    }

    [Fact]
    public void ANewCommitIsSeenAtOnce()
    {
        Assert.Equal(1, _searcher.Search(new SearchRequest("锦鲤")).Total);

        _test.AddPage("b.txt", new DateOnly(2025, 8, 1), TestIndex.Article("冠县锦鲤", "冠县锦鲤养殖。"));

        Assert.Equal(2, _searcher.Search(new SearchRequest("锦鲤")).Total);
    }

    [Fact]
    public void RequestsDifferingInPageSortOrFiltersAreCachedApart()
    {
        var plain = _searcher.Search(new SearchRequest("锦鲤"));

        Assert.NotSame(plain, _searcher.Search(new SearchRequest("锦鲤", Page: 2)));
        Assert.NotSame(plain, _searcher.Search(new SearchRequest("锦鲤") { Sort = SearchSort.Oldest }));
        Assert.NotSame(plain, _searcher.Search(new SearchRequest("锦鲤") { Counties = ["冠县"] }));
        Assert.Equal(0, _cache.Hits);
    }

    [Fact]
    public void FilterOrderDoesNotMatter() =>
        Assert.Equal(
            SearchResultCache.KeyOf(new SearchRequest("锦鲤") { Counties = ["冠县", "高唐县"] }),
            SearchResultCache.KeyOf(new SearchRequest("锦鲤") { Counties = ["高唐县", "冠县"] }));

    [Fact]
    public void TheLeastRecentlyUsedResultGoesWhenTheCacheIsFull()
    {
        var a = _searcher.Search(new SearchRequest("锦鲤"));
        var b = _searcher.Search(new SearchRequest("高唐"));
        Assert.Same(a, _searcher.Search(new SearchRequest("锦鲤")));   // 锦鲤 is now the most recent
        _searcher.Search(new SearchRequest("出口"));                     // pushes out 高唐

        Assert.Same(a, _searcher.Search(new SearchRequest("锦鲤")));
        Assert.NotSame(b, _searcher.Search(new SearchRequest("高唐")));
    }

    [Fact]
    public void ADisabledCacheKeepsNothing()
    {
        var analyzers = ArchiveAnalyzers.CreateDefault();
        var uncached = new ArticleSearcher(_test.Index, new QueryBuilder(analyzers), analyzers, SearchResultCache.Disabled);

        Assert.NotSame(uncached.Search(new SearchRequest("锦鲤")), uncached.Search(new SearchRequest("锦鲤")));
    }

    public void Dispose() => _test.Dispose();
}
