using Archive.Core.Articles;

namespace Archive.Web.Models;

/// <summary>The article page: the article, its neighbours on the printed page, and the query it was reached from.</summary>
public sealed record ArticlePageModel(Article Article, IReadOnlyList<Article> SamePage, string? Query, IReadOnlyList<string> HighlightTerms);
