namespace Archive.Core.Indexing;

/// <summary>
/// What the index knows of one page file: the content hash it was indexed at, and the size and time that let a
/// rescan skip unchanged files without reading them. Stored in the index beside the page's articles and
/// committed with them, so the state can never disagree with the articles.
/// </summary>
/// <param name="IssueDate">The issue date the page was indexed with (from the manifest), so that a manifest change re-ingests it.</param>
public sealed record PageState(string File, string Hash, long Length, DateTime ModifiedUtc, DateOnly? IssueDate, int Articles, DateTimeOffset IngestedAt);
