using Archive.Core.Indexing;
using Lucene.Net.Store;

namespace Archive.Core.Tests.Indexing;

public sealed class IndexDirectoryTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "archive-directory-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void ReadsGiveBackWhatWasWrittenAcrossBufferBoundariesAndInClones()
    {
        // Three and a half buffers of a pattern no two nearby positions share.
        var length = IndexDirectory.ReadBufferBytes * 7 / 2;
        using var directory = IndexDirectory.Open(_path);
        using (var output = directory.CreateOutput("f", IOContext.DEFAULT))
            for (var i = 0; i < length; i++) output.WriteByte(ByteAt(i));

        using var input = directory.OpenInput("f", IOContext.READ_ONCE);
        Assert.Equal(length, input.Length);
        var random = new Random(7);
        var chunk = new byte[IndexDirectory.ReadBufferBytes + 3];
        for (var round = 0; round < 200; round++)
        {
            // Seeks back and forth, reads that straddle a refill, and a clone reading elsewhere at the same time.
            var at = random.Next(length - chunk.Length);
            var clone = (IndexInput)input.Clone();
            input.Seek(at);
            clone.Seek(length - 1 - at);
            input.ReadBytes(chunk, 0, chunk.Length);
            Assert.Equal(ByteAt(length - 1 - at), clone.ReadByte());
            for (var i = 0; i < chunk.Length; i++) Assert.Equal(ByteAt(at + i), chunk[i]);
        }
    }

    [Fact]
    public void EveryInputAndItsClonesReadWholeBuffers()
    {
        using var directory = IndexDirectory.Open(_path);
        using (var output = directory.CreateOutput("f", IOContext.DEFAULT)) output.WriteInt32(1);

        using var input = directory.OpenInput("f", IOContext.DEFAULT);
        var buffered = Assert.IsAssignableFrom<BufferedIndexInput>(input);
        Assert.Equal(IndexDirectory.ReadBufferBytes, buffered.BufferSize);
        Assert.Equal(IndexDirectory.ReadBufferBytes, ((BufferedIndexInput)buffered.Clone()).BufferSize);
    }

    private static byte ByteAt(int position) => (byte)(position * 31 + position / 251);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_path)) System.IO.Directory.Delete(_path, recursive: true);
    }
}
