using Archive.Core.Searching;

namespace Archive.Web.Models;

/// <summary>The search page: the result and what is needed to draw the pager.</summary>
public sealed record SearchPageModel(SearchResult Result)
{
    public bool IsBrowsing => string.IsNullOrWhiteSpace(Result.Query);

    /// <summary>The page numbers to offer around the current one.</summary>
    public IEnumerable<int> PageWindow()
    {
        var first = Math.Max(1, Result.Page - 4);
        var last = Math.Min(Result.PageCount, first + 8);
        return Enumerable.Range(first, Math.Max(0, last - first + 1));
    }
}
