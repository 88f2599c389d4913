using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Archive.Core.Searching;

/// <summary>A searcher over one reader of the index, with what the queries need to know of how it was built.</summary>
/// <param name="separatedRuns">True when runs of characters are a position apart in the bigram view
/// (<see cref="Indexing.SeparatedRuns"/>).</param>
internal sealed class ArchiveSearcher(IndexReader reader, bool separatedRuns) : IndexSearcher(reader)
{
    public bool SeparatedRuns { get; } = separatedRuns;

    /// <summary>True when <paramref name="searcher"/> searches an index whose runs of characters are a position apart.</summary>
    public static bool SeparatesRuns(IndexSearcher searcher) => searcher is ArchiveSearcher { SeparatedRuns: true };
}
