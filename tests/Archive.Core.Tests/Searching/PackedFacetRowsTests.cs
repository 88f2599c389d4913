using Archive.Core.Analysis;
using Archive.Core.Articles;
using Archive.Core.Searching;

namespace Archive.Core.Tests.Searching;

/// <summary>
/// Counting from packed rows gives the same facets as counting every value, including for articles whose values
/// do not fit in a row (many reporters, thousands of distinct names).
/// </summary>
public sealed class PackedFacetRowsTests : IDisposable
{
    private static readonly string[] Counties = ["高唐县", "冠县", "临清市", "莘县", "阳谷县"];

    private readonly TestIndex _test = new();
    private readonly List<Article> _articles = [];

    public PackedFacetRowsTests()
    {
        // 2,500 distinct reporter and correspondent names need 12 bits each, so a row holds two or three of them;
        // articles with up to six reporters overflow.
        var random = new Random(11);
        var articles = Enumerable.Range(0, 1200).Select(i => TestIndex.Article("锦鲤出口", "高唐锦鲤养殖带动乡村振兴。") with
        {
            County = random.Next(6) == 0 ? null : Counties[random.Next(Counties.Length)],
            Reporters = Names(random, "记者", random.Next(7)),
            Correspondents = Names(random, "通讯员", random.Next(3)),
            Kind = (ArticleKind)random.Next(4),
        }).ToArray();
        _test.AddPage("p.txt", new DateOnly(2021, 5, 4), articles);
        _articles.AddRange(articles);
    }

    [Fact]
    public void PackedCountsEqualTheCountsOfEveryValue()
    {
        var rows = _test.Index.Search(searcher => SegmentFacetData.For(searcher.IndexReader.Leaves[0].AtomicReader).Packed);
        Assert.NotNull(rows);
        Assert.Contains(rows.Rows, r => (r & PackedFacetRows.Overflow) != 0);
        Assert.Contains(rows.Rows, r => (r & PackedFacetRows.Overflow) == 0);

        var facets = Run(new SearchRequest("锦鲤", Size: 1));

        Assert.Equal(_articles.Count, facets.TotalHits);
        var counts = facets.Facets(int.MaxValue);
        Assert.Equal(Expected(a => a.County is null ? [] : [a.County]), Counts(counts, FacetNames.County));
        Assert.Equal(Expected(a => a.Reporters), Counts(counts, FacetNames.Reporter));
        Assert.Equal(Expected(a => a.Correspondents), Counts(counts, FacetNames.Correspondent));
        Assert.Equal(Expected(a => [KindName(a)]), Counts(counts, FacetNames.Kind));
        Assert.Equal([("2021-05", _articles.Count)], facets.Histogram().Select(b => (b.Label, b.Count)));
    }

    [Theory]
    [InlineData(new[] { "冠县", "莘县" }, new string[0], new string[0])]
    [InlineData(new string[0], new[] { "记者1", "记者2", "记者3", "记者5", "记者8", "记者13" }, new string[0])]
    [InlineData(new[] { "高唐县" }, new[] { "记者1", "记者2", "记者3", "记者5", "记者8", "记者13" }, new[] { "news", "photo" })]
    public void FilteredCountsEqualTheCountsOfEveryValue(string[] counties, string[] reporters, string[] kinds)
    {
        var request = new SearchRequest("锦鲤", Size: 1) { Counties = counties, Reporters = reporters, Kinds = kinds };
        var facets = Run(request);

        // A facet counts an article when it passes every other facet's filter; a hit passes them all.
        bool Passes(Article a, string facet) => facet switch
        {
            FacetNames.County => counties.Length == 0 || counties.Contains(a.County),
            FacetNames.Reporter => reporters.Length == 0 || a.Reporters.Any(reporters.Contains),
            FacetNames.Kind => kinds.Length == 0 || kinds.Contains(KindName(a)),
            _ => true,
        };
        string[] keyword = [FacetNames.County, FacetNames.Reporter, FacetNames.Correspondent, FacetNames.Kind];
        IEnumerable<Article> CountedIn(string facet) => _articles.Where(a => keyword.Where(f => f != facet).All(f => Passes(a, f)));

        Assert.Equal(_articles.Count(a => keyword.All(f => Passes(a, f))), facets.TotalHits);
        var counts = facets.Facets(int.MaxValue);
        Assert.Equal(Expected(a => a.County is null ? [] : [a.County], CountedIn(FacetNames.County)), Counts(counts, FacetNames.County));
        Assert.Equal(Expected(a => a.Reporters, CountedIn(FacetNames.Reporter)), Counts(counts, FacetNames.Reporter));
        Assert.Equal(Expected(a => a.Correspondents, CountedIn(FacetNames.Correspondent)), Counts(counts, FacetNames.Correspondent));
        Assert.Equal(Expected(a => [KindName(a)], CountedIn(FacetNames.Kind)), Counts(counts, FacetNames.Kind));
    }

    private FacetingCollector Run(SearchRequest request) => _test.Index.Search(searcher =>
    {
        var query = new QueryBuilder(ArchiveAnalyzers.CreateDefault()).Build(QueryTextParser.Parse(request.Query));
        return SliceSearch.Search(searcher, query, ArticleSearcher.SortFor(SearchSort.Relevance), request, 0, 1, threads: 1).Facets;
    });

    private static string KindName(Article a) => a.Kind.ToString().ToLowerInvariant();

    private static string[] Names(Random random, string prefix, int count) =>
        Enumerable.Range(0, count).Select(_ => prefix + random.Next(2500)).Distinct().ToArray();

    private Dictionary<string, int> Expected(Func<Article, IEnumerable<string>> values, IEnumerable<Article>? articles = null) =>
        (articles ?? _articles).SelectMany(values).GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());

    // The counted values; a selected value is listed even when nothing has it, with 0, which is left out here.
    private static Dictionary<string, int> Counts(IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> facets, string facet) =>
        facets[facet].Where(v => v.Count > 0).ToDictionary(v => v.Value, v => v.Count);

    public void Dispose() => _test.Dispose();
}
