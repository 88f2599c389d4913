using Archive.Core.Articles;
using Archive.Core.Searching;

namespace Archive.Web.Models;

/// <summary>
/// The article page: the article, its neighbours on the printed page, related coverage, the query it was reached
/// from (its matches are marked), and the permalink and citation to copy.
/// </summary>
public sealed record ArticlePageModel(
    Article Article,
    IReadOnlyList<Article> SamePage,
    IReadOnlyList<SearchHit> Related,
    string? Query,
    IReadOnlyList<string> HighlightTerms,
    string Permalink,
    string Citation);
