using Archive.Core.Analysis;
using Archive.Core.Articles;
using Archive.Core.Indexing;
using Archive.Core.Searching;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Archive.Core.Tests.Searching;

/// <summary>Searching segments in parallel slices gives exactly what one pass over the index gives.</summary>
public sealed class SliceSearchTests : IDisposable
{
    private static readonly string[] Counties = ["高唐县", "冠县", "临清市", "莘县"];
    private static readonly string[] Reporters = ["高田", "孙亚飞", "薛良诚", "许金松", "胡磊"];

    private readonly TestIndex _test = new();
    private readonly QueryBuilder _queries = new(ArchiveAnalyzers.CreateDefault());

    public SliceSearchTests()
    {
        // Seven pages in seven commits: seven segments of different sizes, with repeated scores and dates.
        var random = new Random(7);
        for (var page = 0; page < 7; page++)
        {
            var articles = Enumerable.Range(0, 3 + page * 2).Select(i => TestIndex.Article(
                    random.Next(3) == 0 ? "锦鲤出口" : "灵芝丰收",
                    string.Concat(Enumerable.Repeat(random.Next(2) == 0 ? "锦鲤养殖带动乡村振兴。" : "冠县灵芝产业发展。", 1 + random.Next(3))))
                with
                {
                    County = Counties[random.Next(Counties.Length)],
                    Reporters = [Reporters[random.Next(Reporters.Length)]],
                    Kind = (ArticleKind)random.Next(3),
                })
                .ToArray();
            _test.AddPage($"p{page}.txt", new DateOnly(2020 + page % 3, 1 + page, 1 + page % 2), articles);
        }
    }

    [Theory]
    [InlineData("锦鲤", SearchSort.Relevance)]
    [InlineData("锦鲤", SearchSort.Newest)]
    [InlineData("灵芝 发展", SearchSort.Oldest)]
    [InlineData("", SearchSort.Newest)]
    public void SlicedSearchReturnsTheSameHitsAndCountsAsOnePass(string text, SearchSort order)
    {
        var request = new SearchRequest(text) { Sort = order, Reporters = ["高田", "胡磊"] };

        foreach (var (start, count) in new[] { (0, 5), (3, 4), (0, 200) })
        {
            var (onePassHits, onePassFacets) = Run(request, start, count, threads: 1);
            var (slicedHits, slicedFacets) = Run(request, start, count, threads: 3);

            Assert.Equal(onePassHits.ScoreDocs.Select(d => (d.Doc, d.Score)), slicedHits.ScoreDocs.Select(d => (d.Doc, d.Score)));
            Assert.Equal(onePassFacets.TotalHits, slicedFacets.TotalHits);
            Assert.Equal(Flatten(onePassFacets), Flatten(slicedFacets));
            Assert.Equal(onePassFacets.Histogram(), slicedFacets.Histogram());
        }
    }

    [Theory]
    [InlineData("锦鲤")]
    [InlineData("乡村振兴")]
    [InlineData("灵芝 发展")]
    [InlineData("锦鲤 OR 灵芝 -冠县")]
    public void ScoringInDocOrderGivesTheSameHitsAndCountsAsBulkScoring(string text)
    {
        var request = new SearchRequest(text) { Counties = ["高唐县", "莘县"] };

        var (bulkHits, bulkFacets) = Run(request, 0, 200, threads: 1, inOrderUpToCost: 0);
        var (inOrderHits, inOrderFacets) = Run(request, 0, 200, threads: 1, inOrderUpToCost: int.MaxValue);

        Assert.NotEmpty(bulkHits.ScoreDocs);
        Assert.Equal(bulkHits.ScoreDocs.Select(d => d.Doc), inOrderHits.ScoreDocs.Select(d => d.Doc));
        // The two scorers add the clauses' scores in different orders.
        Assert.All(bulkHits.ScoreDocs.Zip(inOrderHits.ScoreDocs), p => Assert.Equal(p.First.Score, p.Second.Score, 1e-5f));
        Assert.Equal(bulkFacets.TotalHits, inOrderFacets.TotalHits);
        Assert.Equal(Flatten(bulkFacets), Flatten(inOrderFacets));
    }

    [Theory]
    [InlineData("锦鲤")]
    [InlineData("灵芝")]
    [InlineData("乡村振兴")]
    [InlineData("锦鲤 OR 灵芝")]
    [InlineData("灵芝 发展")]
    public void RelevanceHitsAreThoseOfLucenesOwnCollectorAndScorersToTheLastBit(string text)
    {
        var request = new SearchRequest(text);
        // The reference: Lucene's searcher, its sorted collector and its bulk scorers, for the same order.
        var reference = _test.Index.Search(searcher =>
        {
            searcher.Similarity = new BM25Similarity();
            var sameOrder = new Sort(SortField.FIELD_SCORE, new SortField(ArticleFields.DateSort, DateComparerSource.Instance, true), SortField.FIELD_DOC);
            return searcher.Search(_queries.Build(QueryTextParser.Parse(text)), null, 200, sameOrder, doDocScores: true, doMaxScore: false);
        });

        foreach (var threads in new[] { 1, 3 })
        {
            var (hits, facets) = Run(request, 0, 200, threads);
            var (page, _) = Run(request, 3, 4, threads);

            Assert.True(reference.TotalHits > 10, $"{reference.TotalHits} hits");
            Assert.Equal(reference.TotalHits, facets.TotalHits);
            Assert.Equal(reference.ScoreDocs.Select(d => (d.Doc, d.Score)), hits.ScoreDocs.Select(d => (d.Doc, d.Score)));
            Assert.Equal(reference.ScoreDocs.Select(d => DateKey(d)), hits.ScoreDocs.Select(d => DateKey(d)));
            Assert.Equal(reference.ScoreDocs.Skip(3).Take(4).Select(d => d.Doc), page.ScoreDocs.Select(d => d.Doc));
        }
    }

    private static int DateKey(ScoreDoc hit) => ((J2N.Numerics.Int32)((FieldDoc)hit).Fields[1]).ToInt32();

    [Fact]
    public void SegmentsAreSpreadOverTheSlicesByTheirSize()
    {
        _test.Index.Search(searcher =>
        {
            var leaves = searcher.IndexReader.Leaves;
            var slices = SliceSearch.Slices(leaves, threads: 2, minDocsToSlice: 0);

            Assert.Equal(2, slices.Count);
            Assert.Equal(leaves.Count, slices.Sum(s => s.Count));
            var sizes = slices.Select(s => s.Sum(l => l.AtomicReader.MaxDoc)).ToList();
            Assert.True(Math.Abs(sizes[0] - sizes[1]) <= leaves.Max(l => l.AtomicReader.MaxDoc), string.Join(",", sizes));
            Assert.Single(SliceSearch.Slices(leaves, threads: 2, minDocsToSlice: 1_000_000));
            return 0;
        });
    }

    [Theory]
    [InlineData(2, 1, 2)]
    [InlineData(2, 2, 1)]
    [InlineData(2, 16, 1)]
    [InlineData(8, 3, 6)]
    [InlineData(1, 1, 1)]
    public void ASearchIsSplitOnlyOverTheCoresNoOtherSearchIsUsing(int cores, int inFlight, int threads) =>
        Assert.Equal(threads, SearchConcurrency.ThreadsFor(cores, inFlight));

    private (TopDocs Hits, FacetingCollector Facets) Run(SearchRequest request, int start, int count, int threads, int inOrderUpToCost = 20_000) =>
        _test.Index.Search(searcher =>
        {
            searcher.Similarity = new BM25Similarity();
            var parsed = QueryTextParser.Parse(request.Query);
            var sort = ArticleSearcher.SortFor(request.Sort == SearchSort.Relevance && !parsed.HasTextTerms ? SearchSort.Newest : request.Sort);
            return SliceSearch.Search(searcher, _queries.Build(parsed), sort, request, start, count, threads, minDocsToSlice: 0, inOrderUpToCost);
        });

    private static List<string> Flatten(FacetingCollector facets) =>
        facets.Facets(100).SelectMany(f => f.Value.Select(v => $"{f.Key}={v.Value}:{v.Count}:{v.Selected}")).ToList();

    public void Dispose() => _test.Dispose();
}
