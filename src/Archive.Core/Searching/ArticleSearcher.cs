using Archive.Core.Articles;
using Archive.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Archive.Core.Searching;

/// <summary>Runs searches and article look-ups against the shared index.</summary>
public sealed class ArticleSearcher(ArchiveIndex index, QueryBuilder queries)
{
    private static readonly Similarity Ranking = new BM25Similarity();

    // Relevance first; equal scores go to the newer article.
    private static readonly Sort ByRelevance = new(SortField.FIELD_SCORE, new SortField(ArticleFields.DateSort, SortFieldType.INT64, true));

    private static readonly Sort ByOldest = new(
        new SortField(ArticleFields.DateSort, SortFieldType.INT64),
        new SortField(ArticleFields.File, SortFieldType.STRING),
        new SortField(ArticleFields.Position, SortFieldType.INT64));

    // Browsing: newest first, then in page order.
    private static readonly Sort ByNewest = new(
        new SortField(ArticleFields.DateSort, SortFieldType.INT64, true),
        new SortField(ArticleFields.File, SortFieldType.STRING),
        new SortField(ArticleFields.Position, SortFieldType.INT64));

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

        var query = queries.Build(parsed);
        if (request.From is not null || request.To is not null)
        {
            var range = NumericRangeQuery.NewInt32Range(ArticleFields.DateSort,
                request.From is { } f ? ArticleDocument.DateKey(f) : 0,
                request.To is { } t ? ArticleDocument.DateKey(t) : int.MaxValue, true, true);
            query.Add(new ConstantScoreQuery(range) { Boost = 0f }, Occur.MUST);
        }
        var order = request.Sort == SearchSort.Relevance && !parsed.HasTextTerms ? SearchSort.Newest : request.Sort;
        var terms = parsed.HighlightTerms.ToList();

        return index.Search(searcher =>
        {
            searcher.Similarity = Ranking;
            var top = TopFieldCollector.Create(SortFor(order), page * size, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
            var faceting = new FacetingCollector(request, top);
            searcher.Search(query, faceting);
            var hits = top.GetTopDocs((page - 1) * size, size).ScoreDocs
                .Select(scoreDoc => ToHit(searcher, scoreDoc, terms))
                .ToList();
            return new SearchResult(text, faceting.TotalHits, page, size, hits, message)
            {
                Facets = faceting.Facets(FacetValuesShown),
                Histogram = faceting.Histogram(),
                Sort = order,
            };
        });
    }

    private static Sort SortFor(SearchSort order) => order switch
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
