using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Archive.Core.Indexing;

/// <summary>
/// How the index's files are read: positional reads (<see cref="NIOFSDirectory"/>) into 16 KB buffers, not
/// Lucene's default memory mapping (<c>FSDirectory.Open</c> picks <see cref="MMapDirectory"/> on 64-bit).
/// </summary>
/// <remarks>
/// Measured on the 1 M-article index (docs/performance.md, round 5):
/// <list type="bullet">
/// <item>A memory-mapped index counts in the process's resident memory: the site's RSS was 2.5–3.0 GB, 2.2–2.7 GB
/// of it the index. Read into buffers, the index stays in the kernel's page cache, and the site's RSS is its own
/// ~0.4 GB.</item>
/// <item>Under a memory limit (a container's, here a 1.5 GB cgroup) the mapped index thrashed: every fault on a
/// mapped page reads ahead around it, so random reads filled the limit with pages nobody asked for, and distinct
/// searches fell to 6–7 a second, with 70–88 time-outs every 20 seconds. Positional reads do not read ahead for
/// random access: 135–138 a second under the same limit once its cache was warm (178–180 without a limit).</item>
/// <item>Speed without a limit is no worse: Lucene.Net reads a mapped file byte by byte through its ByteBuffer
/// classes (12 % of the site's CPU in a profile), a buffered input from an array. The query mix took 34–41 ms at
/// p50 against 42–44 mapped, distinct searches the same within noise; with Lucene's default 1 KB buffer
/// phrases were ~15 % slower, hence 16 KB (one positional read of Lucene.Net's largest chunk).</item>
/// </list>
/// </remarks>
public static class IndexDirectory
{
    /// <summary>The read buffer of every file opened; each clone of an input (a postings or stored-fields reader of one search) allocates its own.</summary>
    public const int ReadBufferBytes = 16 * 1024;

    public static LuceneDirectory Open(string path) => new BufferedReadsDirectory(path);

    private sealed class BufferedReadsDirectory(string path) : NIOFSDirectory(path)
    {
        public override IndexInput OpenInput(string name, IOContext context)
        {
            var input = base.OpenInput(name, context);
            if (input is BufferedIndexInput buffered) buffered.SetBufferSize(ReadBufferBytes);
            return input;
        }
    }
}
