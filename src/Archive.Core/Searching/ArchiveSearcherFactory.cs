using Archive.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Archive.Core.Searching;

/// <summary>
/// Makes the searchers of the index (at start-up and after each commit): builds the facet arrays of every new segment
/// before the searcher is published, so that no user's search pays for them (at a million articles that is most of a
/// second, and it fell on the first search after a start; segments already seen are cached, so a refresh costs only
/// its new segments), and reads once how the index placed its bigrams (<see cref="ArchiveSearcher.SeparatedRuns"/>).
/// </summary>
internal sealed class ArchiveSearcherFactory : SearcherFactory
{
    public static readonly ArchiveSearcherFactory Instance = new();

    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves) SegmentFacetData.For(leaf.AtomicReader);
        return new ArchiveSearcher(reader, SeparatedRuns.Of(reader));
    }
}
