using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Archive.Core.Searching;

/// <summary>
/// Adds a refinement query's scores (<see cref="QueryBuilder.Refinement"/>: the word views and the exact phrase) to
/// the best hits of the matching query and puts those hits back in order; the rest keep the order they came in.
/// Search engines call this rescoring.
/// </summary>
/// <remarks>
/// <para>
/// The refinement is evaluated at the window's articles only. Lucene's own scorers cannot do that for a phrase: asked
/// to advance to an article, a phrase scorer goes on to the next article holding the phrase, which for a rare phrase
/// of common words is a walk through most of the index (measured: 20 ms of a 50 ms search). Here each term's postings
/// skip to the article, and only there are the positions compared. The score of each phrase or word comes from the
/// searcher's <see cref="Similarity"/> with the statistics Lucene's weights use, so a refined hit scores what the
/// one query of both views would give it (a test holds the two equal).
/// </para>
/// <para>
/// The window is fixed, not the page asked for, so every page of one search comes from the same ranking: page 2
/// continues page 1 whatever its size. An article outside the window whose refinement would have lifted it into
/// the window stays below it; that takes an article whose bigram score is below 200 others' and whose word score
/// is far above theirs, where a word match is a bigram match too.
/// </para>
/// </remarks>
internal static class TopHitsRefiner
{
    /// <summary>
    /// How many of the best hits are refined: ten pages of 20. Collecting and refining 500 cost a common word's
    /// search at a million articles 1.5 ms more than 200, and readers seldom page past the tenth page.
    /// </summary>
    public const int Window = 200;

    /// <summary>How many hits the matching query must collect so that hits <c>[start, start + count)</c> can be refined.</summary>
    public static int HitsToCollect(int start, int count, int window = Window) => Math.Max(start + count, window);

    /// <summary>
    /// The hits with the refinement's score added to each of the first <paramref name="window"/>, those re-sorted by
    /// score, then newer first, then index order (as <see cref="ArticleSearcher"/>'s relevance order).
    /// </summary>
    /// <param name="hits">Hits in relevance order, from a sort whose second field is the date key.</param>
    /// <param name="refinement">Term and exact phrase queries, alone or in boolean queries of SHOULD clauses.</param>
    /// <param name="threads">Segments are refined on up to this many threads (each hit is in one segment).</param>
    public static ScoreDoc[] Refine(IndexSearcher searcher, ScoreDoc[] hits, Query refinement, int window = Window, int threads = 1)
    {
        var refined = Math.Min(window, hits.Length);
        if (refined == 0) return hits;

        var phrases = new List<WeightedPhrase>();
        Flatten(searcher, refinement, ancestorsBoost: 1f, phrases);
        var inDocOrder = hits.Take(refined).OrderBy(hit => hit.Doc).ToArray();
        var leaves = searcher.IndexReader.Leaves;
        var segments = new List<(AtomicReaderContext Leaf, int First, int Count)>();
        var next = 0;
        while (next < inDocOrder.Length)
        {
            var leaf = leaves[ReaderUtil.SubIndex(inDocOrder[next].Doc, leaves)];
            var end = leaf.DocBase + leaf.AtomicReader.MaxDoc;
            var first = next;
            while (next < inDocOrder.Length && inDocOrder[next].Doc < end) next++;
            segments.Add((leaf, first, next - first));
        }
        void RefineSegment(int i)
        {
            var (leaf, first, count) = segments[i];
            foreach (var phrase in phrases)
                phrase.AddScores(leaf, inDocOrder.AsSpan(first, count));
        }
        if (threads > 1 && segments.Count > 1)
            Parallel.For(0, segments.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, RefineSegment);
        else
            for (var i = 0; i < segments.Count; i++) RefineSegment(i);

        var top = hits.Take(refined).ToArray();
        Array.Sort(top, ByScoreThenNewer);
        return [.. top, .. hits.Skip(refined)];
    }

    // The leaves of the refinement with the boost each gets from the boolean queries above it (Lucene multiplies
    // them down the tree; BM25 has no coordination factor or query norm, so SHOULD clauses simply add up).
    private static void Flatten(IndexSearcher searcher, Query query, float ancestorsBoost, List<WeightedPhrase> into)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses)
                {
                    if (clause.Occur != Occur.SHOULD) throw new NotSupportedException($"A refinement adds scores; {clause.Occur} clauses are not supported.");
                    Flatten(searcher, clause.Query, ancestorsBoost * boolean.Boost, into);
                }
                break;
            case TermQuery term:
                into.Add(WeightedPhrase.Create(searcher, [term.Term], [0], term.Boost, ancestorsBoost));
                break;
            case PhraseQuery { Slop: 0 } phrase:
                into.Add(WeightedPhrase.Create(searcher, phrase.GetTerms(), phrase.GetPositions(), phrase.Boost, ancestorsBoost));
                break;
            default:
                throw new NotSupportedException($"A refinement holds term and exact phrase queries, not {query.GetType().Name}.");
        }
    }

    private static int ByScoreThenNewer(ScoreDoc a, ScoreDoc b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        if (byScore != 0) return byScore;
        var byDate = DateOf(b).CompareTo(DateOf(a));
        return byDate != 0 ? byDate : a.Doc.CompareTo(b.Doc);
    }

    private static int DateOf(ScoreDoc hit) =>
        hit is FieldDoc { Fields.Length: > 1 } field && field.Fields[1] is J2N.Numerics.Int32 date ? date.ToInt32() : 0;

    /// <summary>One word or exact phrase of one field, weighted as Lucene's TermQuery or PhraseQuery weighs it.</summary>
    /// <remarks>Segments may be refined at once on several threads: what changes per article lives in each call.</remarks>
    private sealed class WeightedPhrase(Term[] terms, TermContext[] contexts, int[] offsets, Similarity similarity, Similarity.SimWeight weight)
    {

        public static WeightedPhrase Create(IndexSearcher searcher, Term[] terms, int[] offsets, float boost, float ancestorsBoost)
        {
            var field = terms[0].Field;
            // Each term looked up once per segment; the state found lets the postings be opened without a second look-up.
            var contexts = terms.Select(term => TermContext.Build(searcher.TopReaderContext, term)).ToArray();
            var statistics = terms.Select((term, i) => searcher.TermStatistics(term, contexts[i])).ToArray();
            var similarity = searcher.Similarity;
            var weight = similarity.ComputeWeight(boost, searcher.CollectionStatistics(field), statistics);
            weight.Normalize(1f, ancestorsBoost);
            return new WeightedPhrase(terms, contexts, offsets, similarity, weight);
        }

        /// <summary>Adds this phrase's score to each hit (in doc order, all of this segment) that holds it.</summary>
        public void AddScores(AtomicReaderContext leaf, Span<ScoreDoc> hits)
        {
            var enums = new DocsEnum[terms.Length];
            var liveDocs = leaf.AtomicReader.LiveDocs;
            for (var i = 0; i < terms.Length; i++)
            {
                var state = contexts[i].Get(leaf.Ord);
                if (state is null) return;
                var termsEnum = leaf.AtomicReader.GetTerms(terms[i].Field)!.GetEnumerator();
                termsEnum.SeekExact(terms[i].Bytes, state);
                // Positions are only read for a phrase; a word's frequency is all its score needs.
                enums[i] = terms.Length == 1
                    ? termsEnum.Docs(liveDocs, null, DocsFlags.FREQS)
                    : termsEnum.DocsAndPositions(liveDocs, null, DocsAndPositionsFlags.NONE)!;
            }
            var scorer = similarity.GetSimScorer(weight, leaf);
            // Positions of each term in the article being looked at (reused from article to article).
            var positions = terms.Length == 1 ? [] : terms.Select(_ => new int[8]).ToArray();
            foreach (var hit in hits)
            {
                var doc = hit.Doc - leaf.DocBase;
                var present = true;
                foreach (var postings in enums)
                {
                    var at = postings.DocID < doc ? postings.Advance(doc) : postings.DocID;
                    if (at != doc) { present = false; break; }
                }
                if (!present) continue;
                var frequency = terms.Length == 1 ? enums[0].Freq : PhraseFrequency(enums, positions);
                if (frequency > 0) hit.Score += scorer.Score(doc, frequency);
            }
        }

        // How many times the terms stand at their offsets from one start position (ExactPhraseScorer's frequency).
        private int PhraseFrequency(DocsEnum[] enums, int[][] positions)
        {
            Span<int> counts = stackalloc int[enums.Length];
            for (var i = 0; i < enums.Length; i++)
            {
                var count = enums[i].Freq;
                if (positions[i].Length < count) positions[i] = new int[Math.Max(count, positions[i].Length * 2)];
                var termPositions = (DocsAndPositionsEnum)enums[i];
                for (var k = 0; k < count; k++) positions[i][k] = termPositions.NextPosition();
                counts[i] = count;
            }
            Span<int> next = stackalloc int[enums.Length];
            var matches = 0;
            for (var k = 0; k < counts[0]; k++)
            {
                var start = positions[0][k] - offsets[0];
                var all = true;
                for (var i = 1; i < enums.Length && all; i++)
                {
                    var wanted = start + offsets[i];
                    while (next[i] < counts[i] && positions[i][next[i]] < wanted) next[i]++;
                    all = next[i] < counts[i] && positions[i][next[i]] == wanted;
                }
                if (all) matches++;
            }
            return matches;
        }
    }
}
