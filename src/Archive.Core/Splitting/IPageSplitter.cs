using Archive.Core.Articles;
using Archive.Core.Pages;

namespace Archive.Core.Splitting;

/// <summary>Turns the text of one printed page into its articles.</summary>
public interface IPageSplitter
{
    /// <summary>
    /// Splits a page. Never throws on any text: a page that cannot be structured still becomes at least one
    /// article, and an empty page becomes none.
    /// </summary>
    IReadOnlyList<Article> Split(PageText page);
}
