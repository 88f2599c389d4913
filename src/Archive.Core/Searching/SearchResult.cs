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
