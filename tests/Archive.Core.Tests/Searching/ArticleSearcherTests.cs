using Archive.Core.Analysis;
using Archive.Core.Articles;
using Archive.Core.Indexing;
using Archive.Core.Searching;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Core.Tests.Searching;

public sealed class ArticleSearcherTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "archive-search-tests", Guid.NewGuid().ToString("N"));
    private readonly ArchiveIndex _index;
    private readonly ArticleSearcher _searcher;

    public ArticleSearcherTests()
    {
        var analyzers = ArchiveAnalyzers.CreateDefault();
        _index = ArchiveIndex.OpenForWriting(_path, analyzers, NullLogger.Instance);
        _searcher = new ArticleSearcher(_index, new QueryBuilder(analyzers), analyzers);
        Add("a.txt", new DateOnly(2024, 2, 6), ("聊城市质量大会召开", "市委书记出席会议。质量强市建设全面推进。", [], "聊城市"),
            ("高唐锦鲤首次出口中东", "高唐县的锦鲤乘飞机抵达迪拜。", ["薛良诚"], "高唐县"));
        Add("b.txt", new DateOnly(2025, 7, 31), ("冠县灵芝产业", "冠县灵芝和临清桑黄都是聊城特产，锦鲤也是。强市要建设。", ["高田"], "冠县"));
    }

    [Fact]
    public void AnySpanOfCharactersFindsItsArticle()
    {
        Assert.Equal(1, _searcher.Search(new SearchRequest("飞机抵达")).Total);
        Assert.Equal(1, _searcher.Search(new SearchRequest("机抵")).Total);
        Assert.Equal(1, _searcher.Search(new SearchRequest("迪")).Total);
    }

    [Fact]
    public void HeadlineMatchRanksAboveBodyMatch()
    {
        var result = _searcher.Search(new SearchRequest("锦鲤"));
        Assert.Equal(2, result.Total);
        Assert.Equal("高唐锦鲤首次出口中东", result.Hits[0].Headline);
    }

    [Fact]
    public void WordsAreAndedAndExclusionsApply()
    {
        Assert.Equal(1, _searcher.Search(new SearchRequest("锦鲤 灵芝")).Total);
        Assert.Equal(1, _searcher.Search(new SearchRequest("锦鲤 -灵芝")).Total);
        Assert.Equal(2, _searcher.Search(new SearchRequest("迪拜 OR 桑黄")).Total);
    }

    [Fact]
    public void ReporterNameFindsTheirArticles()
    {
        var result = _searcher.Search(new SearchRequest("薛良诚"));
        Assert.Equal(1, result.Total);
        Assert.Equal(["薛良诚"], result.Hits[0].Reporters);
    }

    [Fact]
    public void HeadlinePrefixSearchesHeadlinesOnly()
    {
        Assert.Equal(2, _searcher.Search(new SearchRequest("锦鲤")).Total);
        var result = _searcher.Search(new SearchRequest("标题:锦鲤"));
        Assert.Equal("高唐锦鲤首次出口中东", Assert.Single(result.Hits).Headline);
        Assert.Equal(1, _searcher.Search(new SearchRequest("body:特产")).Total);
        Assert.Equal(0, _searcher.Search(new SearchRequest("正文:首次出口")).Total);
    }

    [Fact]
    public void ReporterPrefixMatchesTheBylineNotTheText()
    {
        Assert.Equal(1, _searcher.Search(new SearchRequest("记者:高田")).Total);
        Assert.Equal(0, _searcher.Search(new SearchRequest("reporter:灵芝")).Total);
    }

    [Fact]
    public void CountyPrefixAcceptsShortNames()
    {
        Assert.Equal("高唐锦鲤首次出口中东", Assert.Single(_searcher.Search(new SearchRequest("县:高唐")).Hits).Headline);
        Assert.Equal(1, _searcher.Search(new SearchRequest("county:高唐县")).Total);
        Assert.Equal(1, _searcher.Search(new SearchRequest("锦鲤 -县:高唐")).Total);
    }

    [Fact]
    public void DateFilterSelectsTheIssuesInRange()
    {
        Assert.Equal(2, _searcher.Search(new SearchRequest("日期:2024")).Total);
        Assert.Equal(1, _searcher.Search(new SearchRequest("锦鲤 date:2025-07")).Total);
        Assert.Equal(3, _searcher.Search(new SearchRequest("date:2024-01..2025-12")).Total);
        Assert.Equal(0, _searcher.Search(new SearchRequest("date:2026")).Total);
    }

    [Fact]
    public void WordsTypedTogetherAsAPhraseRankFirst()
    {
        // Both articles hold 强市 and 建设; only the first holds them together as 强市建设.
        var result = _searcher.Search(new SearchRequest("强市 建设"));
        Assert.Equal("聊城市质量大会召开", result.Hits[0].Headline);
    }

    [Fact]
    public void EmptyQueryBrowsesNewestFirstInPageOrder()
    {
        var result = _searcher.Search(new SearchRequest(""));
        Assert.Equal(3, result.Total);
        Assert.Equal(["冠县灵芝产业", "聊城市质量大会召开", "高唐锦鲤首次出口中东"], result.Hits.Select(h => h.Headline));
    }

    [Fact]
    public void PagingReturnsTheRequestedSlice()
    {
        var second = _searcher.Search(new SearchRequest("", Page: 2, Size: 2));
        Assert.Equal(3, second.Total);
        Assert.Equal(2, second.PageCount);
        Assert.Single(second.Hits);
    }

    [Fact]
    public void TooDeepPagingIsExplainedNotRun()
    {
        var result = _searcher.Search(new SearchRequest("锦鲤", Page: 100_000, Size: 100));
        Assert.Equal(0, result.Total);
        Assert.NotNull(result.Message);
    }

    [Fact]
    public void ArticlesOfAPageComeInPageOrder()
    {
        var articles = _searcher.ArticlesOfPage("a.txt");
        Assert.Equal(["聊城市质量大会召开", "高唐锦鲤首次出口中东"], articles.Select(a => a.Headline));
    }

    private void Add(string file, DateOnly date, params (string Headline, string Body, string[] Reporters, string County)[] items)
    {
        var articles = items.Select((item, i) => new Article
        {
            Id = Archive.Core.Pages.PageKey.ArticleId(file, i + 1),
            File = file,
            Headline = item.Headline,
            Body = item.Body,
            Reporters = item.Reporters,
            County = item.County,
            Date = date,
        }).ToList();
        _index.ReplacePage(new PageState(file, "hash", 1, DateTime.UtcNow, date, articles.Count, DateTimeOffset.UtcNow), articles);
        _index.Commit();
    }

    public void Dispose()
    {
        _index.Dispose();
        if (Directory.Exists(_path)) Directory.Delete(_path, recursive: true);
    }
}
