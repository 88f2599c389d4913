using Archive.Core.Searching;

namespace Archive.Web.Models;

/// <summary>The JSON of <c>GET /api/search</c>.</summary>
public sealed record ApiSearchResponse(string Query, int Total, int Page, int Size, string? Message, IReadOnlyList<ApiSearchHit> Hits)
{
    public static ApiSearchResponse From(SearchResult result, Func<string, string> articleUrl) => new(
        result.Query,
        result.Total,
        result.Page,
        result.Size,
        result.Message,
        result.Hits.Select(hit => new ApiSearchHit(
            hit.Id, hit.Headline, hit.Kind.ToString().ToLowerInvariant(), hit.Date, hit.County, hit.Reporters, hit.SnippetHtml, articleUrl(hit.Id)))
        .ToList());
}

/// <summary>One hit in <see cref="ApiSearchResponse"/>; <c>snippet</c> is HTML with matches in &lt;mark&gt;.</summary>
public sealed record ApiSearchHit(string Id, string Headline, string Kind, DateOnly? Date, string? County, IReadOnlyList<string> Reporters, string Snippet, string Url);
