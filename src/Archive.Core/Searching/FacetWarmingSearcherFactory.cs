using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Archive.Core.Searching;

/// <summary>
/// Builds the facet arrays of every new segment before its searcher is published (at start-up and after each
/// commit), so that no user's search pays for them: at a million articles that is most of a second, and it fell on
/// the first search after a start. Segments already seen are cached, so a refresh costs only its new segments.
/// </summary>
internal sealed class FacetWarmingSearcherFactory : SearcherFactory
{
    public static readonly FacetWarmingSearcherFactory Instance = new();

    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves) SegmentFacetData.For(leaf.AtomicReader);
        return base.NewSearcher(reader);
    }
}
