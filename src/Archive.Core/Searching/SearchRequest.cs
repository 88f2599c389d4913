namespace Archive.Core.Searching;

/// <summary>
/// A search as the user asked for it: the query text, the facet filters (several values of one facet are ORed,
/// different facets ANDed), a date range, the order and the page of results wanted.
/// </summary>
/// <param name="Query">The query in the archive's syntax; empty browses every article.</param>
/// <param name="Page">1-based page of results.</param>
/// <param name="Size">Hits per page.</param>
public sealed record SearchRequest(string? Query, int Page = 1, int Size = SearchRequest.DefaultSize)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;
    public const int MaxQueryLength = 1000;

    /// <summary>How deep paging may go (page × size); deeper pages cost memory for no reader's benefit.</summary>
    public const int MaxDepth = 10_000;

    public IReadOnlyList<string> Counties { get; init; } = [];

    public IReadOnlyList<string> Reporters { get; init; } = [];

    public IReadOnlyList<string> Correspondents { get; init; } = [];

    /// <summary>Article kinds by their lower-case names (<c>news</c>, <c>photo</c> ...).</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    public IReadOnlyList<int> Years { get; init; } = [];

    /// <summary>Months as <c>yyyyMM</c> (202402).</summary>
    public IReadOnlyList<int> Months { get; init; } = [];

    /// <summary>First issue date wanted, inclusive.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last issue date wanted, inclusive.</summary>
    public DateOnly? To { get; init; }

    /// <summary>The order; relevance falls back to newest first when the query has no words.</summary>
    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>True when any filter narrows the results.</summary>
    public bool HasFilters =>
        Counties.Count + Reporters.Count + Correspondents.Count + Kinds.Count + Years.Count + Months.Count > 0
        || From is not null || To is not null;
}

/// <summary>The order of results.</summary>
public enum SearchSort
{
    Relevance,
    Newest,
    Oldest,
}
