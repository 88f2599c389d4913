using Archive.Core.Analysis;
using Archive.Core.Searching;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Archive.Core.Tests.Searching;

/// <summary>
/// Refining the best hits of the bigram query with the word views gives them the scores and the order that the one
/// query of both views gives, on the seeds and across segments.
/// </summary>
public sealed class TopHitsRefinerTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    private readonly QueryBuilder _queries = new(ArchiveAnalyzers.CreateDefault());

    [Theory]
    [InlineData("聊城")]
    [InlineData("乡村振兴")]
    [InlineData("高唐 锦鲤")]
    [InlineData("党员 干部")]
    [InlineData("标题:发展")]
    [InlineData("正文:党员 群众")]
    [InlineData("锦鲤 OR 灵芝")]
    [InlineData("\"统一战线\"")]
    public void RefinedSeedHitsScoreAsTheQueryOfBothViews(string text) =>
        seeds.Index.Search(searcher => AssertRefinedAsBothViews(searcher, text));

    [Fact]
    public void RefinedHitsScoreAsTheQueryOfBothViewsAcrossSegments()
    {
        using var test = new TestIndex();
        for (var page = 0; page < 4; page++)
        {
            test.AddPage($"p{page}.txt", new DateOnly(2024, 1, 1 + page),
                TestIndex.Article("锦鲤养殖", "高唐县锦鲤养殖户增收。锦鲤养殖，锦鲤养殖带动乡村振兴。"),
                TestIndex.Article("锦鲤出口", "锦鲤远销海外，养殖基地扩大。" + new string('一', page)),
                TestIndex.Article("灵芝丰收", "冠县灵芝养殖喜获丰收，锦鲤池旁也种灵芝。"));
        }

        test.Index.Search(searcher =>
        {
            Assert.True(searcher.IndexReader.Leaves.Count > 1);
            AssertRefinedAsBothViews(searcher, "锦鲤 养殖");
            AssertRefinedAsBothViews(searcher, "锦鲤养殖");
            AssertRefinedAsBothViews(searcher, "锦鲤 养殖", threads: 3);
            AssertRefinedAsBothViews(searcher, "锦鲤养殖", threads: 2);
            return 0;
        });
    }

    [Fact]
    public void SegmentsRefinedOnSeveralThreadsScoreAndOrderAsOnOne()
    {
        using var test = new TestIndex();
        for (var page = 0; page < 6; page++)
        {
            test.AddPage($"p{page}.txt", new DateOnly(2024, 2, 1 + page % 2),
                TestIndex.Article("锦鲤养殖", "锦鲤养殖户增收。" + string.Concat(Enumerable.Repeat("锦鲤养殖，", page % 3))),
                TestIndex.Article("养殖锦鲤", "养殖基地扩大，锦鲤远销。" + new string('一', page)));
        }

        test.Index.Search(searcher =>
        {
            searcher.Similarity = new BM25Similarity();
            var parsed = QueryTextParser.Parse("锦鲤 养殖");
            var refinement = _queries.Refinement(parsed)!;
            var one = TopHitsRefiner.Refine(searcher, Search(searcher, _queries.Build(parsed)), refinement, threads: 1);
            var several = TopHitsRefiner.Refine(searcher, Search(searcher, _queries.Build(parsed)), refinement, threads: 4);

            Assert.True(searcher.IndexReader.Leaves.Count >= 6);
            Assert.Equal(one.Select(d => (d.Doc, d.Score)), several.Select(d => (d.Doc, d.Score)));
            return 0;
        });
    }

    [Fact]
    public void OnlyTheWindowIsReordered()
    {
        seeds.Index.Search(searcher =>
        {
            searcher.Similarity = new BM25Similarity();
            var parsed = QueryTextParser.Parse("聊城 发展");
            var matched = Search(searcher, _queries.Build(parsed));
            Assert.True(matched.Length > 4);
            var before = matched.Select(d => (d.Doc, d.Score)).ToArray();

            var refined = TopHitsRefiner.Refine(searcher, matched, _queries.Refinement(parsed)!, window: 3);

            Assert.Equal(before.Take(3).Select(d => d.Doc).Order(), refined.Take(3).Select(d => d.Doc).Order());
            Assert.Equal(before.Skip(3), refined.Skip(3).Select(d => (d.Doc, d.Score)));
            Assert.True(refined.Take(3).Zip(refined.Skip(1).Take(2)).All(p => p.First.Score >= p.Second.Score));
            return 0;
        });
    }

    private int AssertRefinedAsBothViews(IndexSearcher searcher, string text, int threads = 1)
    {
        searcher.Similarity = new BM25Similarity();
        var parsed = QueryTextParser.Parse(text);
        var refinement = _queries.Refinement(parsed);
        Assert.NotNull(refinement);
        var both = new BooleanQuery { { _queries.Build(parsed), Occur.MUST }, { refinement, Occur.SHOULD } };

        var expected = Search(searcher, both);
        var matched = Search(searcher, _queries.Build(parsed));
        var matchedScores = matched.ToDictionary(d => d.Doc, d => d.Score);
        var refined = TopHitsRefiner.Refine(searcher, matched, refinement, threads: threads);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(d => d.Doc).Order(), refined.Select(d => d.Doc).Order());
        var expectedScores = expected.ToDictionary(d => d.Doc, d => d.Score);
        Assert.All(refined, hit => Assert.Equal(expectedScores[hit.Doc], hit.Score, 1e-4f));
        // Best first (equal scores may differ in the last bit: the two add the clauses up in different orders).
        Assert.All(refined.Zip(refined.Skip(1)), p => Assert.True(p.First.Score >= p.Second.Score - 1e-4f));
        // The refinement did something: some hit's score is higher than from the bigram view alone.
        Assert.Contains(refined, hit => hit.Score > matchedScores[hit.Doc] + 1e-4f);
        return 0;
    }

    private static ScoreDoc[] Search(IndexSearcher searcher, Query query)
    {
        var request = new SearchRequest("");
        return SliceSearch.Search(searcher, query, ArticleSearcher.SortFor(SearchSort.Relevance), request, 0, 1000, threads: 1).Hits.ScoreDocs;
    }
}
