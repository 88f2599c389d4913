using System.IO.Compression;

namespace JiebaConverter;

/// <summary>
/// The files Archive.Core's JiebaDictionary and JiebaHmm read (little-endian, gzip-compressed). Keep in step with
/// them: a change of layout changes the version number.
/// </summary>
internal static class BinaryFormats
{
    public const string DictionaryFile = "dict.bin.gz";
    public const string HmmFile = "hmm.bin.gz";

    /// <summary>
    /// "JBDA", int version (1), long total frequency, int word count, int alphabet size K, K × ushort characters,
    /// int slot count S, S × int base, S × int check (-1 free, 0 the root's children), S × int frequency.
    /// </summary>
    public static void WriteDictionary(string path, long totalFrequency, int words, DoubleArray trie)
    {
        using var writer = OpenWriter(path);
        writer.Write("JBDA"u8);
        writer.Write(1);
        writer.Write(totalFrequency);
        writer.Write(words);
        writer.Write(trie.Alphabet.Length);
        foreach (var c in trie.Alphabet) writer.Write((ushort)c);
        writer.Write(trie.Base.Length);
        foreach (var value in trie.Base) writer.Write(value);
        foreach (var value in trie.Check) writer.Write(value);
        foreach (var value in trie.Frequency) writer.Write(value);
    }

    /// <summary>
    /// "JBHM", int version (1), 4 × double start log-probabilities (B, M, E, S), 16 × double transitions (from × to),
    /// then per state: int count, count × (ushort character, double log-probability).
    /// </summary>
    public static void WriteHmm(string path, HmmModelText model)
    {
        using var writer = OpenWriter(path);
        writer.Write("JBHM"u8);
        writer.Write(1);
        foreach (var value in model.Start) writer.Write(value);
        for (var from = 0; from < 4; from++)
            for (var to = 0; to < 4; to++)
                writer.Write(model.Transition[from, to]);
        foreach (var emission in model.Emissions)
        {
            writer.Write(emission.Count);
            foreach (var (c, value) in emission.OrderBy(p => p.Key))
            {
                writer.Write((ushort)c);
                writer.Write(value);
            }
        }
    }

    private static BinaryWriter OpenWriter(string path)
    {
        // Fixed gzip output for the same input, so regenerating unchanged data leaves git with nothing to commit.
        var file = File.Create(path);
        var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        return new BinaryWriter(gzip);
    }
}
