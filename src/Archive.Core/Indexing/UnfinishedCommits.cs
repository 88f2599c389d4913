using Lucene.Net.Index;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Archive.Core.Indexing;

/// <summary>
/// Commit files (<c>segments_N</c>) that cannot be read: what a process killed while it wrote a commit leaves behind.
/// </summary>
/// <remarks>
/// Lucene writes a commit's <c>segments_N</c> after the segments it names, and deletes the commit before only once it
/// is whole, so a file cut short is a commit that never happened. Lucene falls back from it to the commit before; but
/// where it was the index's first commit there is none, and the writer failed with "read past EOF" at every start until
/// someone deleted the file by hand (the crash-safety test's kills found it). Nothing is lost with it: the page states
/// are committed with the articles, so the next pass reads those pages again.
/// </remarks>
internal static class UnfinishedCommits
{
    /// <summary>
    /// Deletes the commit files newer than the newest one that reads whole (all of them when none does), and the
    /// generation hint that may name them. Returns the files deleted. Call only where no other writer runs.
    /// </summary>
    public static IReadOnlyList<string> Remove(LuceneDirectory directory)
    {
        var newestFirst = directory.ListAll()
            .Where(file => file.StartsWith(IndexFileNames.SEGMENTS + "_", StringComparison.Ordinal))
            .OrderByDescending(SegmentInfos.GenerationFromSegmentsFileName);
        List<string> removed = [];
        foreach (var file in newestFirst)
        {
            if (ReadsWhole(directory, file)) break;
            directory.DeleteFile(file);
            removed.Add(file);
        }
        if (removed.Count > 0 && directory.ListAll().Contains(IndexFileNames.SEGMENTS_GEN))
            directory.DeleteFile(IndexFileNames.SEGMENTS_GEN);
        return removed;
    }

    private static bool ReadsWhole(LuceneDirectory directory, string file)
    {
        try
        {
            new SegmentInfos().Read(directory, file);
            return true;
        }
        // A file cut short ends early or fails its checksum. Anything else (a format too new or too old, a disk that
        // cannot be read) is not an unfinished commit, and the file stays for the error to be seen.
        catch (Exception ex) when (ex is EndOfStreamException
            || (ex is CorruptIndexException and not IndexFormatTooOldException and not IndexFormatTooNewException))
        {
            return false;
        }
    }
}
