using Archive.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Archive.Core.Searching;

/// <summary>
/// Runs one search over the index's segments in parallel slices, each with its own top-hits and facet collectors,
/// then merges them: the matches of a common word at a million articles take tens of milliseconds to score and
/// count on one core, and the machine has more than one. Lucene's own parallel <see cref="IndexSearcher"/> only
/// merges top hits, not our facet counts, so the slicing is done here the way it does it (one
/// <see cref="Weight"/> shared by every slice, segments scored whole). A searched text's disjunction is scored by
/// <see cref="DisjunctionSum"/> and relevance-ordered hits kept by <see cref="RelevanceCollector"/>: both give
/// Lucene's hits and scores for less work per match.
/// </summary>
internal static class SliceSearch
{
    // Below this many documents a second thread costs more than it saves.
    private const int DefaultMinDocsToSlice = 100_000;

    // Estimated matches in a segment (Lucene's cost: the postings' lengths) up to which it is scored in doc order.
    private const int DefaultInOrderUpToCost = 20_000;

    /// <summary>The hits <c>[start, start + count)</c> in <paramref name="sort"/> order, and the facet counts of all matches.</summary>
    /// <param name="threads">At most this many slices (<see cref="SearchConcurrency"/> says how many a search may use).</param>
    /// <param name="minDocsToSlice">Smaller indexes are searched in one pass on the calling thread.</param>
    /// <param name="inOrderUpToCost">Segments where the query expects at most this many matches are scored in doc order.</param>
    public static (TopDocs Hits, FacetingCollector Facets) Search(
        IndexSearcher searcher, Query query, Sort sort, SearchRequest request, int start, int count,
        int threads, int minDocsToSlice = DefaultMinDocsToSlice, int inOrderUpToCost = DefaultInOrderUpToCost)
    {
        var rewritten = searcher.Rewrite(query);
        // A searched text is a disjunction (headline, body, names), scored side by side in doc order.
        var disjunction = DisjunctionSum.For(searcher, rewritten);
        var weight = disjunction is null ? searcher.CreateNormalizedWeight(rewritten) : null;
        var slices = Slices(searcher.IndexReader.Leaves, threads, minDocsToSlice);
        return Search(weight, disjunction, slices, sort, request, start, count, inOrderUpToCost);
    }

    private static (TopDocs Hits, FacetingCollector Facets) Search(
        Weight? weight, DisjunctionSum? disjunction, IReadOnlyList<IReadOnlyList<AtomicReaderContext>> slices, Sort sort, SearchRequest request,
        int start, int count, int inOrderUpToCost)
    {
        var relevance = RelevanceCollector.Keeps(sort);
        var wanted = Math.Max(1, start + count);
        var results = new (ICollector Top, FacetingCollector Facets)[slices.Count];

        void Run(int slice)
        {
            ICollector top = relevance
                ? new RelevanceCollector(wanted)
                : TopFieldCollector.Create(sort, wanted, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
            var facets = new FacetingCollector(request, top);
            foreach (var leaf in slices[slice])
            {
                facets.SetNextReader(leaf);
                if (disjunction is not null) ScoreInOrder(disjunction.GetScorer(leaf, leaf.AtomicReader.LiveDocs), facets);
                else ScoreLeaf(weight!, leaf, facets, inOrderUpToCost);
            }
            results[slice] = (top, facets);
        }

        if (slices.Count == 1)
        {
            Run(0);
        }
        else
        {
            // Parallel.For runs slices on the calling thread too, so a busy thread pool slows a search down to one
            // thread's pace instead of leaving it blocked on work queued behind other requests.
            try
            {
                Parallel.For(0, slices.Count, Run);
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
            {
                throw ex.InnerExceptions[0];
            }
        }

        var merged = results[0].Facets;
        for (var i = 1; i < results.Length; i++) merged.Add(results[i].Facets);
        if (relevance)
            return (RelevanceCollector.Merge(results.Select(r => (RelevanceCollector)r.Top).ToList(), merged.TotalHits, start, count), merged);
        var hits = results.Length == 1
            ? ((TopFieldCollector)results[0].Top).GetTopDocs(start, count)
            : TopDocs.Merge(sort, start, count, results.Select(r => ((TopFieldCollector)r.Top).GetTopDocs()).ToArray());
        return (hits, merged);
    }

    // Lucene scores a disjunction out of doc order with BooleanScorer, the fastest way through long postings lists,
    // but each one sets up a table of 2,048 buckets (a quarter of all that a typical search allocated). A search
    // expected to match few documents in this segment is scored in doc order instead, with no table.
    private static void ScoreLeaf(Weight weight, AtomicReaderContext leaf, FacetingCollector facets, int inOrderUpToCost)
    {
        var liveDocs = leaf.AtomicReader.LiveDocs;
        var scorer = weight.GetScorer(leaf, liveDocs);
        if (scorer is null) return;
        if (scorer.GetCost() > inOrderUpToCost)
        {
            weight.GetBulkScorer(leaf, scoreDocsInOrder: false, liveDocs)?.Score(facets);
            return;
        }
        ScoreInOrder(scorer, facets);
    }

    private static void ScoreInOrder(Scorer? scorer, FacetingCollector facets)
    {
        if (scorer is null) return;
        facets.SetScorer(scorer);
        for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
            facets.Collect(doc);
    }

    /// <summary>
    /// Segments in at most <paramref name="threads"/> groups of about equal size: the largest segment first into the
    /// lightest group. A segment is never split (its scorer walks it from the start).
    /// </summary>
    internal static IReadOnlyList<IReadOnlyList<AtomicReaderContext>> Slices(IList<AtomicReaderContext> leaves, int threads, int minDocsToSlice)
    {
        var docs = leaves.Sum(l => (long)l.AtomicReader.MaxDoc);
        var groups = Math.Max(1, Math.Min(threads, leaves.Count));
        if (groups == 1 || docs < minDocsToSlice) return [leaves.ToList()];
        var slices = EqualBins.Fill(leaves, groups, l => l.AtomicReader.MaxDoc);
        return slices.Where(s => s.Count > 0).ToArray();
    }
}
