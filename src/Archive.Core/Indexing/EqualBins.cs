namespace Archive.Core.Indexing;

/// <summary>Shares items out into bins of about equal total size: the largest item first, into the lightest bin.</summary>
internal static class EqualBins
{
    /// <summary><paramref name="count"/> bins (some may stay empty when there are fewer items).</summary>
    public static List<T>[] Fill<T>(IEnumerable<T> items, int count, Func<T, long> sizeOf)
    {
        var bins = Enumerable.Range(0, count).Select(_ => new List<T>()).ToArray();
        var sizes = new long[count];
        foreach (var (item, size) in items.Select(i => (i, sizeOf(i))).OrderByDescending(x => x.Item2))
        {
            var lightest = Array.IndexOf(sizes, sizes.Min());
            bins[lightest].Add(item);
            sizes[lightest] += size;
        }
        return bins;
    }
}
