using Archive.Core.Articles;

namespace Archive.Core.Searching;

/// <summary>One page of results.</summary>
/// <param name="Message">Why the query could not be run as typed (shown to the user), or null.</param>
public sealed record SearchResult(
    string Query,
    int Total,
    int Page,
    int Size,
    IReadOnlyList<SearchHit> Hits,
    string? Message)
{
    public int PageCount => Total == 0 ? 0 : (Total + Size - 1) / Size;

    /// <summary>Facet counts over all matching articles (not just this page), by facet name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets { get; init; } = new Dictionary<string, IReadOnlyList<FacetValue>>();

    /// <summary>Hits over time: per year, or per month when they span at most two years.</summary>
    public IReadOnlyList<HistogramBucket> Histogram { get; init; } = [];

    /// <summary>The order the hits are in (relevance becomes newest when the query has no words).</summary>
    public SearchSort Sort { get; init; }
}

/// <summary>One article in a result list.</summary>
/// <param name="SnippetHtml">HTML-encoded text around the matches, matches in <c>&lt;mark&gt;</c>.</param>
public sealed record SearchHit(
    string Id,
    string Headline,
    ArticleKind Kind,
    DateOnly? Date,
    string? County,
    IReadOnlyList<string> Reporters,
    string SnippetHtml,
    float Score);

/// <summary>What an export held: all matching articles, those written (the cap may cut), the index version read.</summary>
public sealed record ExportSummary(int Matched, int Written, long IndexVersion)
{
    public bool Truncated => Written < Matched;
}
