using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Archive.Core.Searching;

/// <summary>
/// A query of SHOULD clauses only (a searched text: its phrase in the headline, in the body, the name fields) scored
/// in doc order by walking the clauses' scorers side by side, each match's score the sum of its clauses' scores.
/// </summary>
/// <remarks>
/// Lucene scores such a query with <c>BooleanScorer</c>, which gathers every clause's matches of a window of 2,048
/// documents in a table of buckets and then hands the table's documents on: at a million articles its buckets were
/// a tenth of a common word's search, for a text whose clauses are one long list (the body) and a short one (the
/// headline). A side-by-side walk costs a comparison of doc IDs per clause and match.
/// The scores are Lucene's: under BM25 a disjunction's score is the sum of its clauses' (no coordination factor, a
/// query norm of 1), added in the clauses' order in double precision, as the bucket table adds them.
/// </remarks>
internal sealed class DisjunctionSum
{
    // More clauses than this (an OR of many words) stay with Lucene's scorer.
    private const int MaxClauses = 8;

    private readonly Weight[] _clauses;

    private DisjunctionSum(Weight[] clauses) => _clauses = clauses;

    /// <summary>The clauses' weights when <paramref name="rewritten"/> is a disjunction this can score exactly, else null.</summary>
    public static DisjunctionSum? For(IndexSearcher searcher, Query rewritten)
    {
        if (searcher.Similarity is not BM25Similarity) return null;
        if (rewritten is not BooleanQuery { MinimumNumberShouldMatch: 0 } disjunction) return null;
        var clauses = disjunction.Clauses;
        if (clauses.Count is < 2 or > MaxClauses || clauses.Any(c => c.Occur != Occur.SHOULD)) return null;
        // Weighed as BooleanWeight weighs its clauses (the same products in the same order, so the same floats): one
        // query norm from all of them, the disjunction's boost passed down as the clauses' top-level boost.
        var weights = clauses.Select(clause => clause.Query.CreateWeight(searcher)).ToArray();
        var sum = weights.Sum(w => w.GetValueForNormalization()) * disjunction.Boost * disjunction.Boost;
        var norm = searcher.Similarity.QueryNorm(sum);
        if (float.IsInfinity(norm) || float.IsNaN(norm)) norm = 1f;
        foreach (var weight in weights) weight.Normalize(norm, disjunction.Boost);
        return new DisjunctionSum(weights);
    }

    /// <summary>The scorer of the segment: null when no clause matches there, a clause's own when only one does.</summary>
    public Scorer? GetScorer(AtomicReaderContext leaf, IBits? liveDocs)
    {
        var scorers = new List<Scorer>(_clauses.Length);
        foreach (var clause in _clauses)
            if (clause.GetScorer(leaf, liveDocs) is { } scorer) scorers.Add(scorer);
        return scorers.Count switch
        {
            0 => null,
            1 => scorers[0],
            _ => new SumScorer([.. scorers]),
        };
    }

    /// <summary>The clauses' scorers walked side by side.</summary>
    private sealed class SumScorer : Scorer
    {
        private readonly Scorer[] _clauses;
        // Where each clause stands: reading a scorer's DocID is a virtual call, made twice per clause and match.
        private readonly int[] _at;
        private int _doc = -1;

        public SumScorer(Scorer[] clauses) : base(null)
        {
            _clauses = clauses;
            _at = new int[clauses.Length];
            Array.Fill(_at, -1);
        }

        public override int DocID => _doc;

        public override int NextDoc()
        {
            var next = NO_MORE_DOCS;
            for (var i = 0; i < _clauses.Length; i++)
            {
                var doc = _at[i];
                if (doc == _doc) _at[i] = doc = _clauses[i].NextDoc();
                if (doc < next) next = doc;
            }
            return _doc = next;
        }

        public override int Advance(int target)
        {
            var next = NO_MORE_DOCS;
            for (var i = 0; i < _clauses.Length; i++)
            {
                var doc = _at[i];
                if (doc < target) _at[i] = doc = _clauses[i].Advance(target);
                if (doc < next) next = doc;
            }
            return _doc = next;
        }

        // Summed in double and rounded once, as Lucene's disjunction scorers do, so scores are equal to the last bit.
        public override float GetScore()
        {
            var score = 0d;
            for (var i = 0; i < _clauses.Length; i++)
                if (_at[i] == _doc) score += _clauses[i].GetScore();
            return (float)score;
        }

        public override int Freq
        {
            get
            {
                var matching = 0;
                foreach (var doc in _at)
                    if (doc == _doc) matching++;
                return matching;
            }
        }

        public override long GetCost() => _clauses.Sum(c => c.GetCost());
    }
}
