using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Archive.Core.Indexing;

namespace Archive.Core.Searching;

/// <summary>
/// One pass over every article matching the query (before facet filters) that
/// <list type="bullet">
/// <item>forwards to <paramref name="inner"/> only the articles that pass every facet filter (the hits);</item>
/// <item>counts, for each facet, the values of the articles that pass every <em>other</em> facet's filter, so that
/// choosing a value leaves the facet's other values visible with their counts (OR within a facet);</item>
/// <item>counts the hits per month, for the histogram.</item>
/// </list>
/// Counting works on DocValues ordinals per segment and resolves them to strings once per segment, so it stays
/// fast at a million articles (Lucene.Net.Facet is not available). An article's ordinals are read from its packed
/// row (<see cref="PackedFacetRows"/>) when they fit in one, from the per-facet arrays otherwise.
/// </summary>
internal sealed class FacetingCollector(SearchRequest request, ICollector inner) : ICollector
{
    private readonly KeywordFacet[] _keywords = FacetNames.Keyword
        .Select(k => new KeywordFacet(k.Name, Selection(request, k.Name)))
        .ToArray();
    private readonly HashSet<int> _years = [.. request.Years];
    private readonly HashSet<int> _months = [.. request.Months];
    private readonly PeriodCounter _yearCounter = PeriodCounter.Years();
    private readonly PeriodCounter _monthCounter = PeriodCounter.Months();
    private readonly PeriodCounter _hitMonthCounter = PeriodCounter.Months();
    private int[] _dates = [];
    private short[] _monthSlots = [];
    private PackedFacetRows? _packed;
    private ulong[] _rows = [];
    // The packed rows' counts, this segment: per facet a block of cells, the first of which counts "no value" (a
    // slot holding 0) so that counting a row takes no branch per slot; ordinal o counts in cell o + 1.
    private int[] _cells = [];
    private int[] _facetCellBase = [];
    private int[] _slotCellBase = [];
    private int[]?[] _slotSelected = [];
    private readonly int _unselectedFacets = FacetNames.Keyword
        .Select((k, i) => Selection(request, k.Name).Count == 0 ? 1 << i : 0)
        .Sum();

    // No facet or period filter chosen (most searches): every match is a hit and counts in every facet, so the
    // year and month facets equal the histogram's months and one pass of plain array increments does.
    private readonly bool _unfiltered = FacetNames.Keyword.All(k => Selection(request, k.Name).Count == 0)
        && request.Years.Count == 0 && request.Months.Count == 0;

    /// <summary>Articles passing every filter.</summary>
    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushCells();
        var data = SegmentFacetData.For(context.AtomicReader);
        for (var i = 0; i < _keywords.Length; i++) _keywords[i].NextSegment(data.Keywords[i]);
        _dates = data.Dates;
        _monthSlots = data.MonthSlots;
        _packed = data.Packed;
        _rows = _packed?.Rows ?? [];
        if (_packed is null)
        {
            _cells = [];
            _slotCellBase = [];
            _slotSelected = [];
        }
        else
        {
            _facetCellBase = new int[_keywords.Length];
            var cells = 0;
            for (var f = 0; f < _keywords.Length; f++)
            {
                _facetCellBase[f] = cells;
                cells += _keywords[f].SegmentCounts.Length + 1;
            }
            _cells = new int[cells];
            _slotCellBase = _packed.Facets.Select(f => _facetCellBase[f]).ToArray();
            _slotSelected = _packed.Facets.Select(f => _keywords[f].Selected.Count == 0 ? null : _keywords[f].SelectedOrds).ToArray();
        }
        inner.SetNextReader(context);
    }

    // Moves this segment's packed-row counts to the facets' counts per ordinal.
    private void FlushCells()
    {
        if (_cells.Length == 0) return;
        for (var f = 0; f < _keywords.Length; f++)
        {
            var counts = _keywords[f].SegmentCounts;
            var from = _facetCellBase[f] + 1;
            for (var ord = 0; ord < counts.Length; ord++) counts[ord] += _cells[from + ord];
        }
        _cells = [];
    }

    public void Collect(int doc)
    {
        var packed = _packed is not null && (_rows[doc] & PackedFacetRows.Overflow) == 0;
        if (_unfiltered)
        {
            int slot;
            if (packed)
            {
                var row = _rows[doc];
                CountRow(row, onlyFacet: -1);
                slot = (int)(row & PackedFacetRows.MonthMask) - 1;
            }
            else
            {
                foreach (var facet in _keywords) facet.Count(doc);
                slot = _monthSlots[doc];
            }
            if (slot >= 0) _hitMonthCounter.AddSlot(slot);
            else if (_dates[doc] > 0) _hitMonthCounter.Add(_dates[doc] / 100);
            TotalHits++;
            inner.Collect(doc);
            return;
        }

        // Which facets' filters this article passes; the date facets come from the yyyyMMdd key.
        var (failed, failedFacet) = packed ? FailedFacetsOfRow(_rows[doc]) : FailedFacets(doc);
        var key = _dates[doc];
        var year = key / 10000;
        var month = key / 100;
        var passesYear = _years.Count == 0 || _years.Contains(year);
        var passesMonth = _months.Count == 0 || _months.Contains(month);
        if (!passesYear) { failed++; failedFacet = _keywords.Length; }
        if (!passesMonth) { failed++; failedFacet = _keywords.Length + 1; }
        if (failed > 1) return;

        // A facet counts the article when every other facet's filter lets it through.
        if (packed)
        {
            if (failed == 0) CountRow(_rows[doc], onlyFacet: -1);
            else if (failedFacet < _keywords.Length) CountRow(_rows[doc], onlyFacet: failedFacet);
        }
        else
        {
            for (var i = 0; i < _keywords.Length; i++)
                if (failed == 0 || failedFacet == i) _keywords[i].CountLoaded();
        }
        if (key > 0)
        {
            if (failed == 0 || failedFacet == _keywords.Length) _yearCounter.Add(year);
            if (failed == 0 || failedFacet == _keywords.Length + 1) _monthCounter.Add(month);
        }
        if (failed > 0) return;

        TotalHits++;
        if (key > 0) _hitMonthCounter.Add(month);
        inner.Collect(doc);
    }

    // How many keyword facets' filters the article fails, and the last of them, from the ordinal arrays (which
    // also loads its values for CountLoaded).
    private (int Failed, int FailedFacet) FailedFacets(int doc)
    {
        var failed = 0;
        var failedFacet = -1;
        for (var i = 0; i < _keywords.Length; i++)
        {
            if (!_keywords[i].Load(doc)) { failed++; failedFacet = i; }
        }
        return (failed, failedFacet);
    }

    // The same from the packed row: a facet passes when it has no filter or one of its slots holds a chosen value.
    private (int Failed, int FailedFacet) FailedFacetsOfRow(ulong row)
    {
        var packed = _packed!;
        var passed = _unselectedFacets;
        for (var s = 0; s < _slotSelected.Length; s++)
        {
            if (_slotSelected[s] is not { } selected) continue;
            var value = (int)((row >> packed.Shifts[s]) & packed.Masks[s]);
            if (value != 0 && Array.IndexOf(selected, value - 1) >= 0) passed |= 1 << packed.Facets[s];
        }
        var failedMask = ~passed & ((1 << _keywords.Length) - 1);
        return failedMask == 0 ? (0, -1) : (BitOperations.PopCount((uint)failedMask), 31 - BitOperations.LeadingZeroCount((uint)failedMask));
    }

    // The keyword values of the document from its packed row (0: none in that slot), of every facet or only one.
    private void CountRow(ulong row, int onlyFacet)
    {
        var packed = _packed!;
        var shifts = packed.Shifts;
        var masks = packed.Masks;
        var bases = _slotCellBase;
        var cells = _cells;
        if (onlyFacet < 0)
        {
            for (var s = 0; s < bases.Length; s++)
                cells[bases[s] + (int)((row >> shifts[s]) & masks[s])]++;
            return;
        }
        for (var s = 0; s < bases.Length; s++)
        {
            if (packed.Facets[s] == onlyFacet) cells[bases[s] + (int)((row >> shifts[s]) & masks[s])]++;
        }
    }

    /// <summary>Adds the counts of a collector that ran over other segments of the same index (a parallel slice).</summary>
    public void Add(FacetingCollector other)
    {
        FlushCells();
        other.FlushCells();
        for (var i = 0; i < _keywords.Length; i++) _keywords[i].Add(other._keywords[i]);
        _yearCounter.Add(other._yearCounter);
        _monthCounter.Add(other._monthCounter);
        _hitMonthCounter.Add(other._hitMonthCounter);
        TotalHits += other.TotalHits;
    }

    /// <summary>The counted facets, most frequent values first (selected values always included).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets(int maxValues)
    {
        FlushCells();
        var yearCounts = _unfiltered ? _hitMonthCounter.YearTotals() : _yearCounter.ToDictionary();
        var monthCounts = _unfiltered ? _hitMonthCounter.ToDictionary() : _monthCounter.ToDictionary();
        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>();
        foreach (var facet in _keywords)
        {
            facet.EndSegment();
            facets[facet.Name] = Top(facet.Counts.Select(c => (c.Key, c.Value)), facet.Selected, maxValues);
        }
        facets[FacetNames.Year] = yearCounts
            .OrderByDescending(c => c.Key)
            .Select(c => new FacetValue(c.Key.ToString(), c.Value, _years.Contains(c.Key)))
            .ToList();
        // Months are offered within the chosen years (or all, when the results span one year).
        var years = _years.Count > 0 ? _years : yearCounts.Keys.ToHashSet();
        facets[FacetNames.Month] = years.Count == 1
            ? monthCounts.Where(c => years.Contains(c.Key / 100))
                .OrderBy(c => c.Key)
                .Select(c => new FacetValue(MonthLabel(c.Key), c.Value, _months.Contains(c.Key)))
                .ToList()
            : monthCounts.Where(c => _months.Contains(c.Key))
                .Select(c => new FacetValue(MonthLabel(c.Key), c.Value, true))
                .ToList();
        return facets;
    }

    /// <summary>Hits per year, or per month when they span at most two years; empty periods included.</summary>
    public IReadOnlyList<HistogramBucket> Histogram()
    {
        var hitMonths = _hitMonthCounter.ToDictionary();
        if (hitMonths.Count == 0) return [];
        var first = hitMonths.Keys.Min();
        var last = hitMonths.Keys.Max();
        var buckets = new List<HistogramBucket>();
        if (last / 100 - first / 100 <= 1)
        {
            for (var m = new DateOnly(first / 100, first % 100, 1); m <= new DateOnly(last / 100, last % 100, 1); m = m.AddMonths(1))
            {
                var key = m.Year * 100 + m.Month;
                buckets.Add(new HistogramBucket(MonthLabel(key), m, m.AddMonths(1).AddDays(-1), hitMonths.GetValueOrDefault(key)));
            }
            return buckets;
        }
        var hitYears = _hitMonthCounter.YearTotals();
        for (var y = first / 100; y <= last / 100; y++)
            buckets.Add(new HistogramBucket(y.ToString(), new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), hitYears.GetValueOrDefault(y)));
        return buckets;
    }

    private static string MonthLabel(int yyyymm) => $"{yyyymm / 100}-{yyyymm % 100:00}";


    private static IReadOnlyList<FacetValue> Top(IEnumerable<(string Value, int Count)> counts, IReadOnlySet<string> selected, int max)
    {
        var ordered = counts.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).ToList();
        var top = ordered.Take(max).ToList();
        // A selected value stays visible (and removable) even when it is not among the most frequent.
        top.AddRange(ordered.Skip(max).Where(c => selected.Contains(c.Value)));
        foreach (var value in selected.Where(v => ordered.All(c => c.Value != v))) top.Add((value, 0));
        return top.Select(c => new FacetValue(c.Value, c.Count, selected.Contains(c.Value))).ToList();
    }

    private static IReadOnlySet<string> Selection(SearchRequest request, string facet) => facet switch
    {
        FacetNames.County => request.Counties.ToHashSet(StringComparer.Ordinal),
        FacetNames.Reporter => request.Reporters.ToHashSet(StringComparer.Ordinal),
        FacetNames.Correspondent => request.Correspondents.ToHashSet(StringComparer.Ordinal),
        FacetNames.Kind => request.Kinds.ToHashSet(StringComparer.Ordinal),
        _ => new HashSet<string>(),
    };

    /// <summary>A keyword facet: per segment, the selected values' ordinals and a count per ordinal.</summary>
    private sealed class KeywordFacet(string name, IReadOnlySet<string> selected)
    {
        private SegmentFacetData.FieldOrdinals? _segment;
        private int[] _selectedOrds = [];
        private int[] _segmentCounts = [];
        private int _from;
        private int _to;

        public string Name { get; } = name;

        public IReadOnlySet<string> Selected { get; } = selected;

        public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

        /// <summary>This segment's count per ordinal.</summary>
        public int[] SegmentCounts => _segmentCounts;

        /// <summary>This segment's ordinals of the selected values (those it has).</summary>
        public int[] SelectedOrds => _selectedOrds;

        public void NextSegment(SegmentFacetData.FieldOrdinals segment)
        {
            EndSegment();
            _segment = segment;
            _segmentCounts = new int[segment.Values.Length];
            _selectedOrds = Selected.Select(segment.OrdinalOf).Where(o => o >= 0).ToArray();
        }

        /// <summary>Finds the document's values; true when it passes this facet's filter.</summary>
        public bool Load(int doc)
        {
            var segment = _segment!;
            _from = segment.Starts[doc];
            _to = segment.Starts[doc + 1];
            if (Selected.Count == 0) return true;
            for (var i = _from; i < _to; i++)
                if (Array.IndexOf(_selectedOrds, segment.Ords[i]) >= 0) return true;
            return false;
        }

        /// <summary>Counts the document's values (no filter to check).</summary>
        public void Count(int doc)
        {
            var segment = _segment!;
            var ords = segment.Ords;
            var counts = _segmentCounts;
            for (int i = segment.Starts[doc], to = segment.Starts[doc + 1]; i < to; i++) counts[ords[i]]++;
        }

        public void CountLoaded()
        {
            var ords = _segment!.Ords;
            for (var i = _from; i < _to; i++) _segmentCounts[ords[i]]++;
        }

        public void Add(KeywordFacet other)
        {
            other.EndSegment();
            EndSegment();
            foreach (var (value, count) in other.Counts) Counts[value] = Counts.GetValueOrDefault(value) + count;
        }

        // Ordinals are per segment: turn this segment's counts into values before moving on.
        public void EndSegment()
        {
            if (_segment is null) return;
            for (var ord = 0; ord < _segmentCounts.Length; ord++)
            {
                if (_segmentCounts[ord] == 0) continue;
                var value = _segment.Values[ord];
                Counts[value] = Counts.GetValueOrDefault(value) + _segmentCounts[ord];
            }
            _segmentCounts = [];
            _segment = null;
        }
    }
}

/// <summary>
/// Counts per year (yyyy) or month (yyyyMM) in a flat array over 1900–2100, a dictionary beyond; a dictionary
/// update per matching article would be most of the cost of counting a large result.
/// </summary>
internal sealed class PeriodCounter
{
    public const int FirstYear = 1900;
    public const int LastYear = 2100;
    private readonly bool _months;
    private readonly int[] _counts;
    private readonly Dictionary<int, int> _outside = [];

    private PeriodCounter(bool months)
    {
        _months = months;
        _counts = new int[(LastYear - FirstYear + 1) * (months ? 12 : 1)];
    }

    public static PeriodCounter Years() => new(months: false);

    public static PeriodCounter Months() => new(months: true);

    public void Add(int key)
    {
        var slot = Slot(key);
        if (slot >= 0) _counts[slot]++;
        else _outside[key] = _outside.GetValueOrDefault(key) + 1;
    }

    /// <summary>Counts a month by its slot, (year - 1900) × 12 + month - 1 (see <see cref="SegmentFacetData.MonthSlots"/>).</summary>
    public void AddSlot(int slot) => _counts[slot]++;

    /// <summary>A month counter's totals per year.</summary>
    public Dictionary<int, int> YearTotals()
    {
        var years = new Dictionary<int, int>();
        foreach (var (month, count) in ToDictionary()) years[month / 100] = years.GetValueOrDefault(month / 100) + count;
        return years;
    }

    public void Add(PeriodCounter other)
    {
        for (var slot = 0; slot < _counts.Length; slot++) _counts[slot] += other._counts[slot];
        foreach (var (key, count) in other._outside) _outside[key] = _outside.GetValueOrDefault(key) + count;
    }

    public Dictionary<int, int> ToDictionary()
    {
        var counts = new Dictionary<int, int>(_outside);
        for (var slot = 0; slot < _counts.Length; slot++)
        {
            if (_counts[slot] == 0) continue;
            var key = _months ? (FirstYear + slot / 12) * 100 + slot % 12 + 1 : FirstYear + slot;
            counts[key] = _counts[slot];
        }
        return counts;
    }

    private int Slot(int key)
    {
        var year = _months ? key / 100 : key;
        if (year is < FirstYear or > LastYear) return -1;
        if (!_months) return year - FirstYear;
        var month = key % 100;
        return month is >= 1 and <= 12 ? (year - FirstYear) * 12 + month - 1 : -1;
    }
}
