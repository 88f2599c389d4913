using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Archive.Core.Searching;

/// <summary>
/// Sorts by issue date from the per-segment date arrays of <see cref="SegmentFacetData"/> instead of Lucene's
/// DocValues comparator, which reads the packed values through the index file for every candidate (browsing all
/// articles newest first compares every one of them).
/// </summary>
internal sealed class DateComparerSource : FieldComparerSource
{
    public static readonly DateComparerSource Instance = new();

    public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) => new DateComparer(numHits);

    private sealed class DateComparer(int numHits) : FieldComparer<J2N.Numerics.Int32>
    {
        private readonly int[] _slots = new int[numHits];
        private int[] _dates = [];
        private int _bottom;
        private int _top;

        public override int Compare(int slot1, int slot2) => _slots[slot1].CompareTo(_slots[slot2]);

        public override void SetBottom(int slot) => _bottom = _slots[slot];

        public override void SetTopValue(J2N.Numerics.Int32 value) => _top = value.ToInt32();

        public override int CompareBottom(int doc) => _bottom.CompareTo(_dates[doc]);

        public override int CompareTop(int doc) => _top.CompareTo(_dates[doc]);

        public override void Copy(int slot, int doc) => _slots[slot] = _dates[doc];

        public override FieldComparer SetNextReader(AtomicReaderContext context)
        {
            _dates = SegmentFacetData.For(context.AtomicReader).Dates;
            return this;
        }

        public override J2N.Numerics.Int32 this[int slot] => J2N.Numerics.Int32.GetInstance(_slots[slot]);
    }
}
