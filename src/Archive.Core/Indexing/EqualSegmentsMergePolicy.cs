using Lucene.Net.Index;

namespace Archive.Core.Indexing;

/// <summary>
/// Lucene's tiered merging, except that
/// <list type="bullet">
/// <item>a forced merge to <c>n</c> segments makes <c>n</c> segments of about equal size. Tiered merging's own forced
/// merge merges the smallest segments into one, which left a million-article index as one segment of most of its
/// articles: a search scores a segment on one core, so the other cores idled. After a bulk rebuild the index is merged
/// into one segment per core (<see cref="ArchiveIndex.MergeForSearch"/>): every segment costs each search a fixed
/// set-up, and equal ones give each core an equal share;</item>
/// <item>natural merges can be held for the length of a bulk load (<see cref="HoldsMerges"/>), which ends in that
/// forced merge anyway: every merge before it rewrites articles that the forced merge rewrites once more.</item>
/// </list>
/// </summary>
internal sealed class EqualSegmentsMergePolicy : TieredMergePolicy
{
    private volatile bool _holdsMerges;

    /// <summary>While true, flushed segments are left as they are (forced merges still run).</summary>
    public bool HoldsMerges
    {
        get => _holdsMerges;
        set => _holdsMerges = value;
    }

    public override MergeSpecification? FindMerges(MergeTrigger mergeTrigger, SegmentInfos infos) =>
        _holdsMerges ? null : base.FindMerges(mergeTrigger, infos);

    public override MergeSpecification? FindForcedMerges(SegmentInfos infos, int maxSegmentCount, IDictionary<SegmentCommitInfo, bool> segmentsToMerge)
    {
        var writer = m_writer.Get();
        var merging = writer.MergingSegments;
        var eligible = infos.Segments.Where(s => segmentsToMerge.ContainsKey(s) && !merging.Contains(s)).ToList();
        if (eligible.Count <= maxSegmentCount) return null;

        var bins = EqualBins.Fill(eligible, maxSegmentCount, Size);

        var merges = new MergeSpecification();
        foreach (var bin in bins.Where(b => b.Count > 1)) merges.Add(new OneMerge(bin));
        return merges.Merges.Count == 0 ? null : merges;
    }
}
