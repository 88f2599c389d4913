using System.Runtime.CompilerServices;
using Archive.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Archive.Core.Searching;

/// <summary>
/// The facet values of one index segment held in plain arrays: each keyword facet's ordinals per document and
/// the issue date per document. Reading Lucene.Net's DocValues costs about a microsecond a document (packed
/// ints decoded from the index file); counting facets over every match of a common word at a million
/// articles needs a few nanoseconds. Built once per segment (segments never change; deletions are applied by
/// the scorer) and dropped with it; about 55 bytes an article.
/// </summary>
internal sealed class SegmentFacetData
{
    private static readonly ConditionalWeakTable<object, SegmentFacetData> Cache = new();

    private SegmentFacetData(AtomicReader reader)
    {
        var maxDoc = reader.MaxDoc;
        Dates = new int[maxDoc];
        var dates = reader.GetNumericDocValues(ArticleFields.DateSort);
        if (dates is not null)
            for (var doc = 0; doc < maxDoc; doc++) Dates[doc] = (int)dates.Get(doc);
        Keywords = FacetNames.Keyword.Select(k => FieldOrdinals.Read(reader, k.Field, maxDoc)).ToArray();
        MonthSlots = new short[maxDoc];
        for (var doc = 0; doc < maxDoc; doc++) MonthSlots[doc] = MonthSlot(Dates[doc]);
        Packed = PackedFacetRows.Build(MonthSlots, Keywords);
    }

    /// <summary>The month and keyword values of each document in one row, or null when they do not fit.</summary>
    public PackedFacetRows? Packed { get; }

    /// <summary>
    /// The issue month of each document as a slot of the month counters, (year - 1900) × 12 + month - 1, or -1
    /// when the date is unknown or outside 1900–2100: counting a month is then one array increment.
    /// </summary>
    public short[] MonthSlots { get; }

    private static short MonthSlot(int yyyymmdd)
    {
        var year = yyyymmdd / 10000;
        var month = yyyymmdd / 100 % 100;
        if (year is < PeriodCounter.FirstYear or > PeriodCounter.LastYear || month is < 1 or > 12) return -1;
        return (short)((year - PeriodCounter.FirstYear) * 12 + month - 1);
    }

    /// <summary>The issue date of each document as yyyyMMdd, 0 when unknown.</summary>
    public int[] Dates { get; }

    /// <summary>One entry per keyword facet, in the order of <see cref="FacetNames.Keyword"/>.</summary>
    public FieldOrdinals[] Keywords { get; }

    /// <summary>Whether the data of a segment has been built.</summary>
    public static bool IsBuilt(AtomicReader reader) => Cache.TryGetValue(reader.CoreCacheKey, out _);

    /// <summary>The data of a segment, built on first use. Thread-safe.</summary>
    public static SegmentFacetData For(AtomicReader reader) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new SegmentFacetData(reader));

    /// <summary>A keyword field's values in one segment: document d has ordinals <c>Ords[Starts[d]..Starts[d+1]]</c>.</summary>
    internal sealed class FieldOrdinals
    {
        private readonly Dictionary<string, int> _ordinalOf;

        private FieldOrdinals(int[] starts, int[] ords, string[] values)
        {
            Starts = starts;
            Ords = ords;
            Values = values;
            _ordinalOf = new Dictionary<string, int>(values.Length, StringComparer.Ordinal);
            for (var i = 0; i < values.Length; i++) _ordinalOf[values[i]] = i;
        }

        public int[] Starts { get; }

        public int[] Ords { get; }

        /// <summary>The value of each ordinal.</summary>
        public string[] Values { get; }

        /// <summary>The ordinal of a value in this segment, or -1.</summary>
        public int OrdinalOf(string value) => _ordinalOf.GetValueOrDefault(value, -1);

        public static FieldOrdinals Read(AtomicReader reader, string field, int maxDoc)
        {
            var starts = new int[maxDoc + 1];
            var dv = reader.GetSortedSetDocValues(field);
            if (dv is null) return new FieldOrdinals(starts, [], []);

            var ords = new List<int>(maxDoc);
            for (var doc = 0; doc < maxDoc; doc++)
            {
                starts[doc] = ords.Count;
                dv.SetDocument(doc);
                long ord;
                while ((ord = dv.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ords.Add((int)ord);
            }
            starts[maxDoc] = ords.Count;

            var values = new string[dv.ValueCount];
            var term = new BytesRef();
            for (var ord = 0; ord < values.Length; ord++)
            {
                dv.LookupOrd(ord, term);
                values[ord] = term.Utf8ToString();
            }
            return new FieldOrdinals(starts, [.. ords], values);
        }
    }
}
