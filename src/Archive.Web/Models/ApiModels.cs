using Archive.Core.Searching;

namespace Archive.Web.Models;

/// <summary>The JSON of <c>GET /api/search</c>.</summary>
/// <param name="Messages">Parameters that were ignored and how the query was read.</param>
/// <param name="Facets">Counts over all matching articles: <c>{ county: [{ value, count, selected }], reporter: [...], ... }</c>.</param>
/// <param name="Histogram">Hits per year, or per month when they span at most two years.</param>
public sealed record ApiSearchResponse(
    string Query,
    int Total,
    int Page,
    int Size,
    string Sort,
    IReadOnlyList<string> Messages,
    IReadOnlyList<ApiSearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    IReadOnlyList<HistogramBucket> Histogram)
{
    public static ApiSearchResponse From(SearchResult result, IEnumerable<string> messages, Func<string, string> articleUrl) => new(
        result.Query,
        result.Total,
        result.Page,
        result.Size,
        result.Sort.ToString().ToLowerInvariant(),
        messages.ToList(),
        result.Hits.Select(hit => new ApiSearchHit(
            hit.Id, hit.Headline, hit.Kind.ToString().ToLowerInvariant(), hit.Date, hit.County, hit.Reporters, hit.SnippetHtml, articleUrl(hit.Id)))
        .ToList(),
        result.Facets,
        result.Histogram);
}

/// <summary>One hit in <see cref="ApiSearchResponse"/>; <c>snippet</c> is HTML with matches in &lt;mark&gt;.</summary>
public sealed record ApiSearchHit(string Id, string Headline, string Kind, DateOnly? Date, string? County, IReadOnlyList<string> Reporters, string Snippet, string Url);
