using System.Numerics;

namespace Archive.Core.Searching;

/// <summary>
/// Every facet value of a document in one 64-bit row: its month slot and the ordinals of its county, reporters,
/// correspondents and kind. Counting the facets of a search with no filter then reads one row per match instead
/// of two arrays per facet; at a million articles that halves the cost of a search for a common word, which was
/// mostly spent waiting on memory.
/// </summary>
/// <remarks>
/// Each field of a row holds a value plus one, so 0 means "none". A keyword facet gets as many fields (slots) as
/// fit, first one per facet, then more for the facets whose articles most often have several values (two
/// reporters are common). A document whose values do not fit has the top bit set and is counted from the
/// ordinal arrays instead.
/// </remarks>
internal sealed class PackedFacetRows
{
    public const ulong Overflow = 1UL << 63;
    private const int MonthBits = 12;
    private const int DataBits = 63;

    private PackedFacetRows(ulong[] rows, int[] shifts, ulong[] masks, int[] facets)
    {
        Rows = rows;
        Shifts = shifts;
        Masks = masks;
        Facets = facets;
    }

    /// <summary>One row per document.</summary>
    public ulong[] Rows { get; }

    /// <summary>Per slot: where its field starts in the row, its mask (after shifting), and the facet it belongs to.</summary>
    public int[] Shifts { get; }

    public ulong[] Masks { get; }

    public int[] Facets { get; }

    /// <summary>The month slot plus one (0: no month slot) of a row without overflow.</summary>
    public const ulong MonthMask = (1UL << MonthBits) - 1;

    /// <summary>
    /// Packs a segment's values, or returns null when not even one slot per facet fits in a row (a segment with
    /// tens of thousands of distinct values in several facets); counting then reads the ordinal arrays.
    /// </summary>
    public static PackedFacetRows? Build(short[] monthSlots, IReadOnlyList<SegmentFacetData.FieldOrdinals> keywords)
    {
        if (monthSlots.Any(s => s + 1 > (int)MonthMask)) return null;
        var widths = keywords.Select(k => 64 - BitOperations.LeadingZeroCount((ulong)k.Values.Length)).ToArray();
        var slots = PlanSlots(keywords, widths);
        if (slots is null) return null;

        var shifts = new int[slots.Count];
        var masks = new ulong[slots.Count];
        var facets = new int[slots.Count];
        var shift = MonthBits;
        for (var s = 0; s < slots.Count; s++)
        {
            facets[s] = slots[s];
            shifts[s] = shift;
            masks[s] = (1UL << widths[slots[s]]) - 1;
            shift += widths[slots[s]];
        }
        var slotsOf = keywords.Select((_, f) => Enumerable.Range(0, slots.Count).Where(s => facets[s] == f).ToArray()).ToArray();

        var rows = new ulong[monthSlots.Length];
        for (var doc = 0; doc < rows.Length; doc++)
        {
            var row = (ulong)(monthSlots[doc] + 1);
            for (var f = 0; f < keywords.Count && (row & Overflow) == 0; f++)
            {
                var k = keywords[f];
                var from = k.Starts[doc];
                var count = k.Starts[doc + 1] - from;
                if (count > slotsOf[f].Length) { row = Overflow; break; }
                for (var i = 0; i < count; i++)
                    row |= (ulong)(k.Ords[from + i] + 1) << shifts[slotsOf[f][i]];
            }
            rows[doc] = row;
        }
        return new PackedFacetRows(rows, shifts, masks, facets);
    }

    // One slot per facet, then further slots, each to the facet with the most documents that need one more,
    // while they fit in the row's 63 data bits.
    private static List<int>? PlanSlots(IReadOnlyList<SegmentFacetData.FieldOrdinals> keywords, int[] widths)
    {
        var used = MonthBits + widths.Sum();
        if (used > DataBits) return null;
        var slots = Enumerable.Range(0, keywords.Count).ToList();
        var given = Enumerable.Repeat(1, keywords.Count).ToArray();
        // needing[f][n]: documents with more than n values of facet f.
        var needing = keywords.Select(CountsAbove).ToArray();
        while (true)
        {
            var best = -1;
            for (var f = 0; f < keywords.Count; f++)
            {
                if (used + widths[f] > DataBits || given[f] >= needing[f].Length || needing[f][given[f]] == 0) continue;
                if (best < 0 || needing[f][given[f]] > needing[best][given[best]]) best = f;
            }
            if (best < 0) return slots;
            slots.Add(best);
            given[best]++;
            used += widths[best];
        }
    }

    private static int[] CountsAbove(SegmentFacetData.FieldOrdinals k)
    {
        var most = 0;
        var docs = k.Starts.Length - 1;
        for (var doc = 0; doc < docs; doc++) most = Math.Max(most, k.Starts[doc + 1] - k.Starts[doc]);
        var above = new int[most + 1];
        for (var doc = 0; doc < docs; doc++)
        {
            var count = k.Starts[doc + 1] - k.Starts[doc];
            for (var n = 0; n < count; n++) above[n]++;
        }
        return above;
    }
}
