using Archive.Core.Articles;
using Archive.Core.Searching;

namespace Archive.Core.Tests.Searching;

/// <summary>Facet counts, multi-select filters, date ranges, sorting and the histogram on a small real index.</summary>
public sealed class FacetTests : IDisposable
{
    private readonly TestIndex _test = new();
    private readonly ArticleSearcher _searcher;

    public FacetTests()
    {
        _searcher = _test.Searcher;
        // Two pages, written in separate commits so the index has two segments (ordinals differ per segment).
        Add("a.txt", new DateOnly(2024, 2, 6),
            Item("冠县灵芝丰收", "冠县", ArticleKind.News, ["高田"], ["张三"]),
            Item("高唐锦鲤出口", "高唐县", ArticleKind.News, ["孙亚飞"], []),
            Item("高唐锦鲤图片", "高唐县", ArticleKind.Photo, [], []));
        Add("b.txt", new DateOnly(2025, 7, 31),
            Item("冠县锦鲤养殖", "冠县", ArticleKind.Feature, ["高田", "孙亚飞"], ["李四"]),
            Item("临清轴承", "临清市", ArticleKind.News, ["薛良诚"], []));
        Add("c.txt", new DateOnly(2025, 8, 2),
            Item("临清锦鲤", "临清市", ArticleKind.Brief, ["薛良诚"], []));
    }

    [Fact]
    public void FacetsCountEveryMatchingArticleNotJustThePage()
    {
        var result = _searcher.Search(new SearchRequest("锦鲤", Size: 1));

        Assert.Equal(4, result.Total);
        Assert.Single(result.Hits);
        Assert.Equal([("高唐县", 2), ("临清市", 1), ("冠县", 1)], Counts(result, FacetNames.County));
        Assert.Equal([("孙亚飞", 2), ("薛良诚", 1), ("高田", 1)], Counts(result, FacetNames.Reporter));
        Assert.Equal([("李四", 1)], Counts(result, FacetNames.Correspondent));
        Assert.Equal([("brief", 1), ("feature", 1), ("news", 1), ("photo", 1)], Counts(result, FacetNames.Kind));
        Assert.Equal([("2025", 2), ("2024", 2)], Counts(result, FacetNames.Year));
    }

    [Fact]
    public void SeveralValuesOfOneFacetAreOredAndTheFacetKeepsItsOtherValues()
    {
        var result = _searcher.Search(new SearchRequest("锦鲤") { Counties = ["高唐县", "冠县"] });

        Assert.Equal(3, result.Total);
        // The county facet still counts 临清市, so the user can add it.
        Assert.Equal([("高唐县", 2, true), ("临清市", 1, false), ("冠县", 1, true)],
            result.Facets[FacetNames.County].Select(v => (v.Value, v.Count, v.Selected)));
    }

    [Fact]
    public void DifferentFacetsAreAndedAndCountEachOther()
    {
        var result = _searcher.Search(new SearchRequest("锦鲤") { Counties = ["高唐县"], Kinds = ["photo"] });

        Assert.Equal("高唐锦鲤图片", Assert.Single(result.Hits).Headline);
        // Kind counts are within 高唐县; county counts are within photos.
        Assert.Equal([("news", 1), ("photo", 1)], Counts(result, FacetNames.Kind));
        Assert.Equal([("高唐县", 1)], Counts(result, FacetNames.County));
    }

    [Fact]
    public void ReporterFilterMatchesAnyOfAnArticlesReporters()
    {
        var result = _searcher.Search(new SearchRequest("") { Reporters = ["孙亚飞"] });
        Assert.Equal(["冠县锦鲤养殖", "高唐锦鲤出口"], result.Hits.Select(h => h.Headline));
    }

    [Fact]
    public void YearAndMonthFiltersAndMonthsWithinTheChosenYear()
    {
        var year = _searcher.Search(new SearchRequest("") { Years = [2025] });
        Assert.Equal(3, year.Total);
        Assert.Equal([("2025-07", 2), ("2025-08", 1)], year.Facets[FacetNames.Month].Select(v => (v.Value, v.Count)));

        var month = _searcher.Search(new SearchRequest("") { Years = [2025], Months = [202508] });
        Assert.Equal("临清锦鲤", Assert.Single(month.Hits).Headline);
    }

    [Fact]
    public void DateRangeIsInclusive()
    {
        var result = _searcher.Search(new SearchRequest("") { From = new DateOnly(2025, 7, 31), To = new DateOnly(2025, 7, 31) });
        Assert.Equal(2, result.Total);
        Assert.Equal("起始日期 2025-08-01 晚于结束日期 2025-07-31。",
            _searcher.Search(new SearchRequest("") { From = new DateOnly(2025, 8, 1), To = new DateOnly(2025, 7, 31) }).Message);
    }

    [Fact]
    public void SortOrdersByRelevanceNewestOrOldest()
    {
        Assert.Equal("临清锦鲤", _searcher.Search(new SearchRequest("锦鲤") { Sort = SearchSort.Newest }).Hits[0].Headline);
        Assert.Equal("冠县灵芝丰收", _searcher.Search(new SearchRequest("") { Sort = SearchSort.Oldest }).Hits[0].Headline);
        Assert.Equal(SearchSort.Newest, _searcher.Search(new SearchRequest("")).Sort);
    }

    [Fact]
    public void HistogramCountsHitsPerMonthWithinTwoYearsIncludingEmptyMonths()
    {
        var result = _searcher.Search(new SearchRequest("锦鲤"));
        var months = result.Histogram;
        Assert.Equal("2024-02", months[0].Label);
        Assert.Equal("2025-08", months[^1].Label);
        Assert.Equal(19, months.Count);
        Assert.Equal(4, months.Sum(b => b.Count));
        Assert.Equal(new DateOnly(2025, 8, 31), months[^1].To);
    }

    [Fact]
    public void HistogramCountsHitsPerYearBeyondTwoYearsIncludingEmptyYears()
    {
        using var test = new TestIndex();
        test.AddPage("y1.txt", new DateOnly(2019, 3, 1), TestIndex.Article("锦鲤", "锦鲤。"));
        test.AddPage("y2.txt", new DateOnly(2021, 1, 5), TestIndex.Article("锦鲤", "锦鲤。"), TestIndex.Article("锦鲤出口", "锦鲤。"));
        test.AddPage("y3.txt", new DateOnly(2021, 12, 30), TestIndex.Article("锦鲤", "锦鲤。"));
        test.AddPage("y4.txt", new DateOnly(2024, 6, 1), TestIndex.Article("锦鲤", "锦鲤。"));

        var years = test.Searcher.Search(new SearchRequest("锦鲤")).Histogram;

        Assert.Equal([("2019", 1), ("2020", 0), ("2021", 3), ("2022", 0), ("2023", 0), ("2024", 1)], years.Select(b => (b.Label, b.Count)));
        Assert.Equal((new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31)), (years[2].From, years[2].To));
    }

    [Fact]
    public void SelectedValueWithNoMatchesStaysVisible()
    {
        var result = _searcher.Search(new SearchRequest("轴承") { Counties = ["莘县"] });
        Assert.Equal(0, result.Total);
        Assert.Contains(result.Facets[FacetNames.County], v => v is { Value: "莘县", Selected: true });
    }

    private static IEnumerable<(string, int)> Counts(SearchResult result, string facet) =>
        result.Facets[facet].Select(v => (v.Value, v.Count));

    private static Article Item(string headline, string county, ArticleKind kind, string[] reporters, string[] correspondents) =>
        TestIndex.Article(headline, headline + "。") with { County = county, Kind = kind, Reporters = reporters, Correspondents = correspondents };

    private void Add(string file, DateOnly date, params Article[] items) => _test.AddPage(file, date, items);

    public void Dispose() => _test.Dispose();
}
