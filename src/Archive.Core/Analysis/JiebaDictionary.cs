using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Archive.Core.Analysis;

/// <summary>
/// jieba's prefix dictionary: every word of its <c>dict.txt</c> made of Han characters, with its log-probability
/// <c>log(frequency / total)</c>, as a double-array trie built at conversion time (<c>tools/update-dictionary.sh</c>).
/// Walking one character is two array reads, which is what makes the DAG of a sentence cheap to build.
/// Immutable after loading, so any number of threads may read it.
/// </summary>
internal sealed class JiebaDictionary
{
    /// <summary>The trie's root; walk from here.</summary>
    public const int Root = 0;

    private const string ResourceName = "Archive.Core.Data.jieba.dict.bin.gz";
    private const int FormatVersion = 1;

    private readonly ushort[] _codes;           // character → its code in the trie (0: in no word)
    private readonly int[] _base;
    private readonly int[] _check;               // parent slot of each slot, -1 when free
    private readonly double[] _logProbability;   // per slot: log-probability of the word ending there, 0 if none

    private JiebaDictionary(long totalFrequency, int words, ushort[] codes, int[] @base, int[] check, double[] logProbability)
    {
        TotalFrequency = totalFrequency;
        LogTotal = Math.Log(totalFrequency);
        WordCount = words;
        _codes = codes;
        _base = @base;
        _check = check;
        _logProbability = logProbability;
    }

    /// <summary>Sum of the frequencies of every line of jieba's <c>dict.txt</c>.</summary>
    public long TotalFrequency { get; }

    /// <summary><c>log(TotalFrequency)</c>; a word of frequency f has log-probability <c>log(f) - LogTotal</c>.</summary>
    public double LogTotal { get; }

    public int WordCount { get; }

    /// <summary>Bytes held by the arrays (what the dictionary costs on the heap).</summary>
    public long SizeInBytes =>
        (long)_codes.Length * sizeof(ushort) + ((long)_base.Length + _check.Length) * sizeof(int) + (long)_logProbability.Length * sizeof(double);

    /// <summary>The slot reached from <paramref name="slot"/> by <paramref name="c"/>, or -1 when no word continues so.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Child(int slot, char c)
    {
        int code = _codes[c];
        if (code == 0) return -1;
        var next = _base[slot] + code;
        return (uint)next < (uint)_check.Length && _check[next] == slot ? next : -1;
    }

    /// <summary>The log-probability of the word that ends at <paramref name="slot"/>, or 0 when the prefix is no word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double LogProbabilityAt(int slot) => _logProbability[slot];

    /// <summary>The log-probability of <paramref name="word"/>, or 0 when it is not in the dictionary.</summary>
    public double LogProbabilityOf(ReadOnlySpan<char> word)
    {
        var slot = Root;
        foreach (var c in word)
        {
            slot = Child(slot, c);
            if (slot < 0) return 0;
        }
        return word.IsEmpty ? 0 : _logProbability[slot];
    }

    /// <summary>
    /// Every word of the dictionary with its frequency in jieba's <c>dict.txt</c>, in the trie's slot order (the same
    /// order for the same dictionary file). Each word is rebuilt by walking from its slot up to the root: a slot's
    /// parent is its <c>check</c> and the character is the code that led there. Used by the synthetic corpus, which
    /// draws words by frequency.
    /// </summary>
    public IEnumerable<(string Word, long Frequency)> Words()
    {
        var byCode = new char[_codes.Max() + 1];
        for (var c = 0; c < _codes.Length; c++)
            if (_codes[c] != 0) byCode[_codes[c]] = (char)c;
        var buffer = new char[64];
        for (var slot = 1; slot < _check.Length; slot++)
        {
            if (_check[slot] < 0 || _logProbability[slot] == 0) continue;
            var length = 0;
            for (var current = slot; current != Root && length < buffer.Length; current = _check[current])
                buffer[length++] = byCode[current - _base[_check[current]]];
            Array.Reverse(buffer, 0, length);
            yield return (new string(buffer, 0, length), (long)Math.Round(Math.Exp(_logProbability[slot] + LogTotal)));
        }
    }

    /// <summary>Reads the dictionary embedded in Archive.Core.</summary>
    public static JiebaDictionary LoadEmbedded()
    {
        using var stream = typeof(JiebaDictionary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded data file {ResourceName} is missing from Archive.Core; run tools/update-dictionary.sh.");
        return Load(stream);
    }

    /// <summary>Reads the format written by <c>tools/JiebaConverter</c> (see its BinaryFormats.cs).</summary>
    public static JiebaDictionary Load(Stream compressed)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("The dictionary file is little-endian.");
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16));
        if (reader.ReadUInt32() != 0x4144424A /* "JBDA" */ || reader.ReadInt32() != FormatVersion)
            throw new InvalidDataException("The jieba dictionary file has an unknown format; run tools/update-dictionary.sh.");

        var total = reader.ReadInt64();
        var words = reader.ReadInt32();
        var alphabet = new char[reader.ReadInt32()];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(alphabet.AsSpan()));
        var codes = new ushort[char.MaxValue + 1];
        for (var i = 0; i < alphabet.Length; i++) codes[alphabet[i]] = (ushort)(i + 1);

        var slots = reader.ReadInt32();
        var @base = new int[slots];
        var check = new int[slots];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(@base.AsSpan()));
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(check.AsSpan()));

        // Frequencies become log-probabilities once here, not on every lookup. The frequencies array is only
        // needed for this, so it is reused for nothing else and left to the collector.
        var frequency = new int[slots];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(frequency.AsSpan()));
        var logTotal = Math.Log(total);
        var logProbability = new double[slots];
        for (var i = 0; i < slots; i++)
            if (frequency[i] > 0) logProbability[i] = Math.Log(frequency[i]) - logTotal;

        return new JiebaDictionary(total, words, codes, @base, check, logProbability);
    }
}
