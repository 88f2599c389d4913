using Lucene.Net.Index;

namespace Archive.Core.Indexing;

/// <summary>
/// Whether an index's bigram view leaves a position between runs of characters (<see cref="Analysis.RunGapFilter"/>),
/// as its commits record. Phrases may then skip every other pair (<see cref="Searching.QueryBuilder"/>); in an index
/// begun before, they must not (中国@0 人民@2 would match 中国，人民 there), and they stay exact but slower until the
/// index is rebuilt (<c>archive reindex</c>).
/// </summary>
internal static class SeparatedRuns
{
    private const string CommitKey = "archive.bigram-runs";
    private const string Separated = "separated";

    /// <summary>
    /// Marks an index that holds no document yet: everything written to it from now on separates runs. An index that
    /// holds documents keeps the mark it has, or its lack: one unmarked document is enough to make skipping unsafe.
    /// </summary>
    public static void MarkIfEmpty(IndexWriter writer)
    {
        var data = writer.CommitData;
        if (IsMarked(data) || writer.NumDocs > 0) return;
        writer.SetCommitData(new Dictionary<string, string>(data) { [CommitKey] = Separated });
    }

    /// <summary>True when the reader's index was marked (by its last commit, or by its writer for a near-real-time reader).</summary>
    public static bool Of(IndexReader reader) => reader is DirectoryReader directory && IsMarked(directory.IndexCommit.UserData);

    private static bool IsMarked(IDictionary<string, string>? data) =>
        data is not null && data.TryGetValue(CommitKey, out var value) && value == Separated;
}
