using Archive.Core.Searching;

namespace Archive.Core.Tests.Searching;

public sealed class ArticleSearcherTests : IDisposable
{
    private readonly TestIndex _test = new();
    private readonly ArticleSearcher _searcher;

    public ArticleSearcherTests()
    {
        _searcher = _test.Searcher;
        _test.AddPage("a.txt", new DateOnly(2024, 2, 6),
            TestIndex.Article("聊城市质量大会召开", "市委书记出席会议。质量强市建设全面推进。") with { County = "聊城市" },
            TestIndex.Article("高唐锦鲤首次出口中东", "高唐县的锦鲤乘飞机抵达迪拜。") with { Reporters = ["薛良诚"], County = "高唐县" });
        _test.AddPage("b.txt", new DateOnly(2025, 7, 31),
            TestIndex.Article("冠县灵芝产业", "冠县灵芝和临清桑黄都是聊城特产，锦鲤也是。强市要建设。") with { Reporters = ["高田"], County = "冠县" });
    }

    [Fact]
    public void AnySpanOfCharactersFindsItsArticle()
    {
        Assert.Equal(1, _searcher.Search(new SearchRequest("飞机抵达")).Total);
        Assert.Equal(1, _searcher.Search(new SearchRequest("机抵")).Total);
        Assert.Equal(1, _searcher.Search(new SearchRequest("迪")).Total);
    }

    [Theory]
    [InlineData("村通5G")]    // a Han run, then letters and digits
    [InlineData("5G网络")]    // the other way round
    [InlineData("村通5G网")]
    [InlineData("“通5G”")]
    public void SpansOfMixedTextAreFoundWhereverTheWordsBreak(string query)
    {
        // Jieba makes 村村通 one word, so only the bigram view holds 村通 and 网 on their own.
        using var test = new TestIndex();
        test.AddPage("c.txt", new DateOnly(2024, 3, 1), TestIndex.Article("乡村通信", "莘县推进村村通5G网络建设。"));

        Assert.Equal(1, test.Searcher.Search(new SearchRequest(query)).Total);
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

    public void Dispose() => _test.Dispose();
}
