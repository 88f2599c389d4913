using Archive.Core.Indexing;
using Archive.Core.Searching;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Archive.Core.Tests.Searching;

/// <summary>The side-by-side walk of a disjunction's clauses finds and scores what Lucene's own scorer does.</summary>
public sealed class DisjunctionSumTests : IDisposable
{
    private readonly TestIndex _test = new();

    public DisjunctionSumTests()
    {
        // Four pages, four segments; the words overlap in some articles, not in others, and the articles' lengths
        // vary, so that scores take many values (and a sum rounded at each step would differ from Lucene's).
        string[] bodies = ["锦鲤养殖。", "灵芝丰收，锦鲤出口。", "冠县灵芝。", "高唐锦鲤，冠县灵芝，锦鲤又丰收。", "乡村振兴。"];
        for (var page = 0; page < 4; page++)
        {
            var articles = Enumerable.Range(0, 30 + page)
                .Select(i => TestIndex.Article(i % 3 == 0 ? "锦鲤之乡" : "新闻",
                    string.Concat(Enumerable.Repeat(bodies[(i + page) % bodies.Length], 1 + i % 4)) + new string('文', i)))
                .ToArray();
            _test.AddPage($"p{page}.txt", new DateOnly(2021, 1 + page, 1), articles);
        }
    }

    [Fact]
    public void EveryMatchAndItsScoreAreLucenesToTheLastBit()
    {
        // Three clauses on two fields with their own boosts, one a phrase, the whole boosted as well.
        var phrase = new PhraseQuery { Boost = 0.7f };
        phrase.Add(new Term(ArticleFields.BodyBigrams, "灵芝"), 0);
        phrase.Add(new Term(ArticleFields.BodyBigrams, "丰收"), 3);
        var query = new BooleanQuery { Boost = 1.9f };
        query.Add(new TermQuery(new Term(ArticleFields.BodyBigrams, "锦鲤")) { Boost = 1.3f }, Occur.SHOULD);
        query.Add(new TermQuery(new Term(ArticleFields.HeadlineBigrams, "锦鲤")) { Boost = 2f }, Occur.SHOULD);
        query.Add(new TermQuery(new Term(ArticleFields.BodyBigrams, "冠县")), Occur.SHOULD);
        query.Add(phrase, Occur.SHOULD);

        _test.Index.Search(searcher =>
        {
            searcher.Similarity = new BM25Similarity();
            var lucene = searcher.Search(query, 1000).ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);
            var sum = DisjunctionSum.For(searcher, searcher.Rewrite(query));

            Assert.NotNull(sum);
            var walked = new Dictionary<int, float>();
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var scorer = sum.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
                if (scorer is null) continue;
                for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
                    walked.Add(leaf.DocBase + doc, scorer.GetScore());
            }
            Assert.True(lucene.Count > 5, $"{lucene.Count} matches");
            Assert.Equal(lucene.OrderBy(p => p.Key), walked.OrderBy(p => p.Key));
            return 0;
        });
    }

    [Fact]
    public void AdvancingLandsOnTheFirstMatchAtOrAfterTheTarget()
    {
        var query = new BooleanQuery();
        query.Add(new TermQuery(new Term(ArticleFields.BodyBigrams, "冠县")), Occur.SHOULD);
        query.Add(new TermQuery(new Term(ArticleFields.HeadlineBigrams, "锦鲤")), Occur.SHOULD);

        _test.Index.Search(searcher =>
        {
            searcher.Similarity = new BM25Similarity();
            var sum = DisjunctionSum.For(searcher, searcher.Rewrite(query))!;
            var leaf = searcher.IndexReader.Leaves.Last();
            var all = new List<int>();
            var walk = sum.GetScorer(leaf, null)!;
            for (var doc = walk.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = walk.NextDoc()) all.Add(doc);

            Assert.True(all.Count >= 3, string.Join(",", all));
            var advanced = sum.GetScorer(leaf, null)!;
            Assert.Equal(all[1], advanced.Advance(all[0] + 1));
            Assert.Equal(all[2], advanced.NextDoc());
            Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, advanced.Advance(leaf.AtomicReader.MaxDoc));
            return 0;
        });
    }

    [Fact]
    public void QueriesItCannotScoreExactlyAreLeftToLucene()
    {
        var should = new TermQuery(new Term(ArticleFields.BodyBigrams, "锦鲤"));
        var other = new TermQuery(new Term(ArticleFields.BodyBigrams, "灵芝"));
        var withMust = new BooleanQuery { { should, Occur.SHOULD }, { other, Occur.MUST } };
        var minimum = new BooleanQuery { { should, Occur.SHOULD }, { other, Occur.SHOULD } };
        minimum.MinimumNumberShouldMatch = 2;
        var plain = new BooleanQuery { { should, Occur.SHOULD }, { other, Occur.SHOULD } };

        _test.Index.Search(searcher =>
        {
            searcher.Similarity = new BM25Similarity();
            Assert.Null(DisjunctionSum.For(searcher, withMust));
            Assert.Null(DisjunctionSum.For(searcher, minimum));
            Assert.Null(DisjunctionSum.For(searcher, should));
            Assert.NotNull(DisjunctionSum.For(searcher, plain));
            // Other similarities have a coordination factor and a query norm.
            searcher.Similarity = new DefaultSimilarity();
            Assert.Null(DisjunctionSum.For(searcher, plain));
            return 0;
        });
    }

    public void Dispose() => _test.Dispose();
}
