using Archive.Core.Articles;
using Archive.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Queries.Mlt;
using Archive.Core.Analysis;

namespace Archive.Core.Searching;

/// <summary>Runs searches and article look-ups against the shared index.</summary>
/// <param name="cache">Recent result pages (none when null: every search does the whole work).</param>
public sealed class ArticleSearcher(ArchiveIndex index, QueryBuilder queries, ArchiveAnalyzers analyzers, SearchResultCache? cache = null)
{
    private readonly SearchResultCache _cache = cache ?? SearchResultCache.Disabled;

    private static readonly Similarity Ranking = new BM25Similarity();

    // Relevance first; equal scores go to the newer article, then to index order (so results merged from parallel
    // slices come in the same order as from one pass).
    private static readonly Sort ByRelevance = RelevanceCollector.Order;

    // Browsing: by date, then in index order, which keeps each page's articles together and in page order
    // (a page's articles are added as one block) without reading the file and position DocValues per candidate.
    private static readonly Sort ByOldest = new(new SortField(ArticleFields.DateSort, DateComparerSource.Instance), SortField.FIELD_DOC);

    private static readonly Sort ByNewest = new(new SortField(ArticleFields.DateSort, DateComparerSource.Instance, true), SortField.FIELD_DOC);

    /// <summary>Facet values shown per facet (the most frequent; selected ones are always kept).</summary>
    public const int FacetValuesShown = 30;

    public SearchResult Search(SearchRequest request)
    {
        var text = request.Query?.Trim() ?? "";
        var size = Math.Clamp(request.Size, 1, SearchRequest.MaxSize);
        var page = Math.Max(1, request.Page);
        if (text.Length > SearchRequest.MaxQueryLength)
            return Empty(text, page, size, $"检索式过长（{text.Length} 字），最多 {SearchRequest.MaxQueryLength} 字。");
        if (page * size > SearchRequest.MaxDepth)
            return Empty(text, page, size, $"结果只能翻到第 {SearchRequest.MaxDepth} 条，请缩小检索范围。");
        if (request.From is { } from && request.To is { } to && from > to)
            return Empty(text, page, size, $"起始日期 {from:yyyy-MM-dd} 晚于结束日期 {to:yyyy-MM-dd}。");

        var parsed = QueryTextParser.Parse(text);
        var message = parsed.Notes.Count > 0 ? string.Join("；", parsed.Notes) : null;
        if (parsed.IsEmpty && text.Length > 0)
            return Empty(text, page, size, message ?? "检索式中没有可检索的文字。");

        var terms = parsed.HighlightTerms.ToList();

        return index.Search(searcher => _cache.GetOrAdd(searcher.IndexReader, request, () =>
        {
            using var concurrency = SearchConcurrency.Enter();
            var prepared = Prepare(request, parsed, searcher);
            var (top, faceting) = Run(searcher, prepared, request, (page - 1) * size, size, concurrency.Threads);
            List<SearchHit> hits = [];
            IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> facets = new Dictionary<string, IReadOnlyList<FacetValue>>();
            IReadOnlyList<HistogramBucket> histogram = [];
            void LoadHits() => hits = top.Select(scoreDoc => ToHit(searcher, scoreDoc, terms)).ToList();
            void CountFacets() => (facets, histogram) = (faceting.Facets(FacetValuesShown), faceting.Histogram());
            // The page's stored articles and snippets, and the facet lists, are independent: on a second core when one is free.
            if (concurrency.Threads > 1) Parallel.Invoke(LoadHits, CountFacets);
            else { LoadHits(); CountFacets(); }
            return new SearchResult(text, faceting.TotalHits, page, size, hits, message)
            {
                Facets = facets,
                Histogram = histogram,
                Sort = prepared.Order,
            };
        }));
    }

    // A request's Lucene queries: what matches (text, then the date range), what refines the best matches' scores
    // (none when the order is by date), and the order its hits come in.
    private sealed record PreparedQuery(BooleanQuery Match, Query? Refinement, SearchSort Order);

    // The queries for the index the searcher reads (whose bigram positions decide how phrases are searched).
    private PreparedQuery Prepare(SearchRequest request, ParsedQuery parsed, IndexSearcher searcher)
    {
        var query = queries.Build(parsed, ArchiveSearcher.SeparatesRuns(searcher));
        if (request.From is not null || request.To is not null)
        {
            var range = NumericRangeQuery.NewInt32Range(ArticleFields.DateSort,
                request.From is { } f ? ArticleDocument.DateKey(f) : 0,
                request.To is { } t ? ArticleDocument.DateKey(t) : int.MaxValue, true, true);
            query.Add(new ConstantScoreQuery(range) { Boost = 0f }, Occur.MUST);
        }
        var order = request.Sort == SearchSort.Relevance && !parsed.HasTextTerms ? SearchSort.Newest : request.Sort;
        return new PreparedQuery(query, order == SearchSort.Relevance ? queries.Refinement(parsed) : null, order);
    }

    // Hits [start, start + count) in the request's order, and the facet counts of every match.
    private static (ScoreDoc[] Hits, FacetingCollector Facets) Run(IndexSearcher searcher, PreparedQuery prepared, SearchRequest request, int start, int count, int threads)
    {
        searcher.Similarity = Ranking;
        var sort = SortFor(prepared.Order);
        if (prepared.Refinement is null)
        {
            var (top, facets) = SliceSearch.Search(searcher, prepared.Match, sort, request, start, count, threads);
            return (top.ScoreDocs, facets);
        }
        var (best, faceting) = SliceSearch.Search(searcher, prepared.Match, sort, request, 0, TopHitsRefiner.HitsToCollect(start, count), threads);
        var refined = TopHitsRefiner.Refine(searcher, best.ScoreDocs, prepared.Refinement, threads: threads);
        return (refined.Skip(start).Take(count).ToArray(), faceting);
    }

    internal static Sort SortFor(SearchSort order) => order switch
    {
        SearchSort.Newest => ByNewest,
        SearchSort.Oldest => ByOldest,
        _ => ByRelevance,
    };

    /// <summary>The article with this id, or null.</summary>
    public Article? Get(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 200) return null;
        return index.Search(searcher =>
        {
            var top = searcher.Search(new TermQuery(new Term(ArticleFields.Id, id)), 1);
            return top.TotalHits == 0 ? null : ArticleDocument.ToArticle(searcher.Doc(top.ScoreDocs[0].Doc));
        });
    }

    /// <summary>
    /// Articles about the same things (MoreLikeThis over the word field: the article's most distinctive words,
    /// weighted by how rare they are in the archive), best first, the article itself and its page excluded.
    /// </summary>
    public IReadOnlyList<SearchHit> Related(Article article, int count = 5) => index.Search(searcher =>
    {
        var reader = searcher.IndexReader;
        if (reader.NumDocs < 3) return (IReadOnlyList<SearchHit>)[];
        var mlt = new MoreLikeThis(reader)
        {
            Analyzer = analyzers.Word,
            FieldNames = [ArticleFields.BodyWords],
            MinTermFreq = 1,
            MinDocFreq = 1,
            // One-character words are mostly particles (的, 在, 了); words found in a third of the archive say little.
            MinWordLen = 2,
            MaxQueryTerms = 25,
        };
        mlt.SetMaxDocFreqPct(33);
        var like = mlt.Like(new StringReader(article.Headline + "\n" + article.Body), ArticleFields.BodyWords);
        var query = new BooleanQuery
        {
            { like, Occur.MUST },
            { new TermQuery(new Term(ArticleFields.Type, ArticleFields.ArticleType)), Occur.MUST },
            { new TermQuery(new Term(ArticleFields.File, article.File)), Occur.MUST_NOT },
        };
        searcher.Similarity = Ranking;
        var top = searcher.Search(query, count);
        return top.ScoreDocs.Select(d => ToHit(searcher, d, [])).ToList();
    });

    /// <summary>
    /// Streams every article matching the request, in its order, up to <paramref name="cap"/>: the stored
    /// documents are read one at a time while <paramref name="write"/> sends each on, so an export of ten thousand
    /// articles never sits in memory.
    /// </summary>
    /// <returns>How many articles matched in all, and the index version the export was read from.</returns>
    public async Task<ExportSummary> ExportAsync(SearchRequest request, int cap, Func<Article, string, CancellationToken, ValueTask> write, CancellationToken cancellationToken)
    {
        var searcher = index.AcquireSearcher(out var release);
        try
        {
            var parsed = QueryTextParser.Parse(request.Query);
            ScoreDoc[] top;
            FacetingCollector faceting;
            using (var concurrency = SearchConcurrency.Enter())
                (top, faceting) = Run(searcher, Prepare(request, parsed, searcher), request, 0, Math.Max(1, cap), concurrency.Threads);
            var terms = parsed.HighlightTerms.ToList();
            foreach (var scoreDoc in top)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var article = ArticleDocument.ToArticle(searcher.Doc(scoreDoc.Doc));
                await write(article, SnippetBuilder.Snippet(article.Body, terms), cancellationToken);
            }
            var version = searcher.IndexReader is DirectoryReader reader ? reader.Version : 0;
            return new ExportSummary(faceting.TotalHits, Math.Min(cap, faceting.TotalHits), version);
        }
        finally
        {
            release();
        }
    }

    /// <summary>Every article of a page file, in page order.</summary>
    public IReadOnlyList<Article> ArticlesOfPage(string file) => index.Search(searcher =>
    {
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(ArticleFields.File, file)), Occur.MUST },
            { new TermQuery(new Term(ArticleFields.Type, ArticleFields.ArticleType)), Occur.MUST },
        };
        var top = searcher.Search(query, null, 1000, new Sort(new SortField(ArticleFields.Position, SortFieldType.INT64)));
        return top.ScoreDocs.Select(d => ArticleDocument.ToArticle(searcher.Doc(d.Doc))).ToList();
    });

    private static SearchHit ToHit(IndexSearcher searcher, ScoreDoc scoreDoc, IReadOnlyList<string> terms)
    {
        var article = ArticleDocument.ToArticle(searcher.Doc(scoreDoc.Doc));
        return new SearchHit(
            article.Id,
            article.Headline,
            article.Kind,
            article.Date,
            article.County,
            article.Reporters,
            SnippetBuilder.Snippet(article.Body, terms),
            float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score);
    }

    private static SearchResult Empty(string text, int page, int size, string message) => new(text, 0, page, size, [], message);
}
