using Archive.Core.Indexing;

namespace Archive.Core.Searching;

/// <summary>The facets of a result list, by name, as in the API (<c>county</c>, <c>reporter</c> ...).</summary>
public static class FacetNames
{
    public const string County = "county";
    public const string Reporter = "reporter";
    public const string Correspondent = "correspondent";
    public const string Kind = "kind";
    public const string Year = "year";
    public const string Month = "month";

    /// <summary>The facets whose values are indexed keywords with SortedSet DocValues, and their fields.</summary>
    internal static readonly (string Name, string Field)[] Keyword =
    [
        (County, ArticleFields.County),
        (Reporter, ArticleFields.Reporter),
        (Correspondent, ArticleFields.Correspondent),
        (Kind, ArticleFields.Kind),
    ];

    public static readonly string[] All = [County, Reporter, Correspondent, Kind, Year, Month];
}

/// <summary>One value of a facet and how many matching articles have it.</summary>
/// <param name="Selected">True when the request filters on this value.</param>
public sealed record FacetValue(string Value, int Count, bool Selected);

/// <summary>Hits in one period of the histogram: a year (<c>2024</c>) or a month (<c>2024-02</c>).</summary>
/// <param name="From">First day of the period.</param>
/// <param name="To">Last day of the period.</param>
public sealed record HistogramBucket(string Label, DateOnly From, DateOnly To, int Count);
