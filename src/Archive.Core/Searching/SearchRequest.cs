namespace Archive.Core.Searching;

/// <summary>A search as the user asked for it: the query text and the page of results wanted.</summary>
/// <param name="Query">The query in the archive's syntax; empty browses every article, newest first.</param>
/// <param name="Page">1-based page of results.</param>
/// <param name="Size">Hits per page.</param>
public sealed record SearchRequest(string? Query, int Page = 1, int Size = SearchRequest.DefaultSize)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;
    public const int MaxQueryLength = 1000;

    /// <summary>How deep paging may go (page × size); deeper pages cost memory for no reader's benefit.</summary>
    public const int MaxDepth = 10_000;
}
