using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Archive.Core.Searching;

/// <summary>
/// The best hits in relevance order (<see cref="Order"/>: score, then the newer article, then index order), kept in a
/// heap whose worst hit is compared with each match by its score alone unless the two scores are equal.
/// </summary>
/// <remarks>
/// Lucene's <see cref="TopFieldCollector"/> gives the same hits for the same sort, but reaches every match's score
/// and date through three generic comparators and copies them into slots: 7 % of a search's CPU at a million
/// articles, where a common word matches most of them. The hits come out as Lucene's would, as
/// <see cref="FieldDoc"/>s whose fields are the score, the date key and the document.
/// </remarks>
internal sealed class RelevanceCollector : ICollector
{
    /// <summary>The order this collector keeps: relevance, then newer, then index order.</summary>
    public static readonly Sort Order = new(
        SortField.FIELD_SCORE,
        new SortField(Indexing.ArticleFields.DateSort, DateComparerSource.Instance, true),
        SortField.FIELD_DOC);

    // A binary heap with the worst kept hit at index 0, in parallel arrays: a match that does not get in costs its
    // score and one comparison.
    private readonly float[] _scores;
    private readonly int[] _dates;
    private readonly int[] _docs;
    private int _count;
    private Scorer? _scorer;
    private int _docBase;
    private int[] _segmentDates = [];

    public RelevanceCollector(int size)
    {
        size = Math.Max(1, size);
        _scores = new float[size];
        _dates = new int[size];
        _docs = new int[size];
    }

    /// <summary>True when <paramref name="sort"/> is the order this collector keeps.</summary>
    public static bool Keeps(Sort sort) => ReferenceEquals(sort, Order);

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _segmentDates = SegmentFacetData.For(context.AtomicReader).Dates;
    }

    public void Collect(int doc)
    {
        var score = _scorer!.GetScore();
        if (_count < _scores.Length)
        {
            var at = _count++;
            Set(at, score, _segmentDates[doc], _docBase + doc);
            SiftUp(at);
            return;
        }
        if (score < _scores[0]) return;
        // Docs may come out of order (a disjunction's windows), so equal scores and dates are settled by the doc.
        var date = _segmentDates[doc];
        var global = _docBase + doc;
        if (!Ranks(score, date, global, above: 0)) return;
        Set(0, score, date, global);
        SiftDown(0);
    }

    /// <summary>
    /// Hits <c>[start, start + count)</c> of the collectors' hits together in <see cref="Order"/> (the collectors of
    /// parallel slices, which saw different segments), as Lucene's sorted collectors return them.
    /// </summary>
    public static TopDocs Merge(IReadOnlyList<RelevanceCollector> collectors, int totalHits, int start, int count)
    {
        var hits = new List<(float Score, int Date, int Doc)>(collectors.Sum(c => c._count));
        foreach (var collector in collectors)
            for (var i = 0; i < collector._count; i++)
                hits.Add((collector._scores[i], collector._dates[i], collector._docs[i]));
        hits.Sort(static (a, b) => Compare(a.Score, a.Date, a.Doc, b.Score, b.Date, b.Doc));
        var page = hits.Skip(start).Take(count)
            .Select(h => (ScoreDoc)new FieldDoc(h.Doc, h.Score,
                [J2N.Numerics.Single.GetInstance(h.Score), J2N.Numerics.Int32.GetInstance(h.Date), J2N.Numerics.Int32.GetInstance(h.Doc)]))
            .ToArray();
        return new TopDocs(totalHits, page, hits.Count == 0 ? float.NaN : hits[0].Score);
    }

    private void Set(int at, float score, int date, int doc)
    {
        _scores[at] = score;
        _dates[at] = date;
        _docs[at] = doc;
    }

    // Negative when hit a ranks above hit b in Order: the higher score, then the newer date, then the lower doc.
    private static int Compare(float scoreA, int dateA, int docA, float scoreB, int dateB, int docB)
    {
        if (scoreA != scoreB) return scoreA > scoreB ? -1 : 1;
        if (dateA != dateB) return dateA > dateB ? -1 : 1;
        return docA.CompareTo(docB);
    }

    // True when the hit (score, date, doc) ranks above the kept hit at index `above`.
    private bool Ranks(float score, int date, int doc, int above) =>
        Compare(score, date, doc, _scores[above], _dates[above], _docs[above]) < 0;

    private bool Ranks(int kept, int above) => Ranks(_scores[kept], _dates[kept], _docs[kept], above);

    private void SiftUp(int at)
    {
        // The worse of a parent and its child belongs above.
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (!Ranks(parent, above: at)) return;
            Swap(at, parent);
            at = parent;
        }
    }

    private void SiftDown(int at)
    {
        while (true)
        {
            var worst = at;
            var left = 2 * at + 1;
            var right = left + 1;
            if (left < _count && Ranks(worst, above: left)) worst = left;
            if (right < _count && Ranks(worst, above: right)) worst = right;
            if (worst == at) return;
            Swap(at, worst);
            at = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
        (_dates[a], _dates[b]) = (_dates[b], _dates[a]);
        (_docs[a], _docs[b]) = (_docs[b], _docs[a]);
    }
}
