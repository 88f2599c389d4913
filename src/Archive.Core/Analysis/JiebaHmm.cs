using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Archive.Core.Analysis;

/// <summary>
/// jieba's hidden Markov model for words the dictionary lacks (names, new words): each character is the Begin,
/// Middle or End of a word, or a Single-character word; Viterbi finds the most probable tagging from the start,
/// transition and emission log-probabilities trained by jieba (<c>finalseg/prob_*.py</c>). Immutable, thread-safe.
/// </summary>
internal sealed class JiebaHmm
{
    // States in the order of the data file.
    private const int B = 0, M = 1, E = 2, S = 3;

    /// <summary>jieba's stand-in for log(0): an emission or transition that never occurs.</summary>
    private const double Impossible = -3.14e100;

    private const string ResourceName = "Archive.Core.Data.jieba.hmm.bin.gz";
    private const int FormatVersion = 1;
    private const int StackLimit = 128;

    private readonly double[] _start = new double[4];
    private readonly double[] _transition = new double[16];        // [from * 4 + to]
    // [character * 4 + state]: the four emissions of a character sit in one cache line. Dense (2 MB) so that a
    // lookup is one read; characters never seen emit Impossible, as in jieba.
    private readonly double[] _emission = new double[(char.MaxValue + 1) * 4];

    private JiebaHmm() => Array.Fill(_emission, Impossible);

    /// <summary>Bytes held by the model's arrays.</summary>
    public long SizeInBytes => (_start.Length + _transition.Length + (long)_emission.Length) * sizeof(double);

    /// <summary>Appends the lengths of the words the model sees in <paramref name="text"/> (Han characters).</summary>
    public void Cut(ReadOnlySpan<char> text, List<int> wordLengths)
    {
        var n = text.Length;
        if (n == 0) return;
        double[]? rentedScores = null;
        byte[]? rentedFrom = null;
        var scores = n <= StackLimit ? stackalloc double[StackLimit * 4] : (rentedScores = ArrayPool<double>.Shared.Rent(n * 4));
        var from = n <= StackLimit ? stackalloc byte[StackLimit * 4] : (rentedFrom = ArrayPool<byte>.Shared.Rent(n * 4));
        try
        {
            var last = Viterbi(text, scores, from);
            Emit(last, n, from, wordLengths);
        }
        finally
        {
            if (rentedScores is not null) ArrayPool<double>.Shared.Return(rentedScores);
            if (rentedFrom is not null) ArrayPool<byte>.Shared.Return(rentedFrom);
        }
    }

    // Fills scores[t * 4 + state] with the best log-probability of a tagging of text[..t] ending in state, and
    // from[t * 4 + state] with that tagging's state at t - 1; returns the best final state (E or S: a word must end).
    private int Viterbi(ReadOnlySpan<char> text, Span<double> scores, Span<byte> from)
    {
        var emission = _emission.AsSpan(text[0] * 4, 4);
        for (var state = 0; state < 4; state++) scores[state] = _start[state] + emission[state];

        for (var t = 1; t < text.Length; t++)
        {
            emission = _emission.AsSpan(text[t] * 4, 4);
            var previous = scores.Slice((t - 1) * 4, 4);
            var current = scores.Slice(t * 4, 4);
            var back = from.Slice(t * 4, 4);
            // Only these transitions exist: a word begins after a word ended, and continues until it ends.
            // Ties go to the later state letter (S > M > E > B), as jieba's max over (score, state) pairs does.
            Best(previous, S, E, B, emission[B], current, back);
            Best(previous, M, B, M, emission[M], current, back);
            Best(previous, S, E, S, emission[S], current, back);
            Best(previous, M, B, E, emission[E], current, back);
        }

        var end = scores.Slice((text.Length - 1) * 4, 4);
        return end[S] >= end[E] ? S : E;
    }

    // `first` is the later letter of the pair, so it wins a tie.
    private void Best(ReadOnlySpan<double> previous, int first, int second, int state, double emission, Span<double> current, Span<byte> back)
    {
        var a = previous[first] + _transition[first * 4 + state] + emission;
        var b = previous[second] + _transition[second * 4 + state] + emission;
        if (a >= b)
        {
            current[state] = a;
            back[state] = (byte)first;
        }
        else
        {
            current[state] = b;
            back[state] = (byte)second;
        }
    }

    // Follows the back pointers from the end, then turns the tags into word lengths.
    private static void Emit(int last, int n, Span<byte> from, List<int> wordLengths)
    {
        Span<byte> tags = n <= StackLimit ? stackalloc byte[StackLimit] : new byte[n];
        var state = last;
        for (var t = n - 1; t >= 0; t--)
        {
            tags[t] = (byte)state;
            state = from[t * 4 + state];
        }

        var wordStart = 0;
        for (var t = 0; t < n; t++)
        {
            switch (tags[t])
            {
                case E:
                    wordLengths.Add(t + 1 - wordStart);
                    wordStart = t + 1;
                    break;
                case S:
                    // A well-formed tagging has nothing pending here; a broken one (only reachable through
                    // impossible scores) keeps its pending characters as one word rather than losing them.
                    if (t > wordStart) wordLengths.Add(t - wordStart);
                    wordLengths.Add(1);
                    wordStart = t + 1;
                    break;
            }
        }
        if (wordStart < n) wordLengths.Add(n - wordStart);
    }

    /// <summary>Reads the model embedded in Archive.Core.</summary>
    public static JiebaHmm LoadEmbedded()
    {
        using var stream = typeof(JiebaHmm).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded data file {ResourceName} is missing from Archive.Core; run tools/update-dictionary.sh.");
        return Load(stream);
    }

    /// <summary>Reads the format written by <c>tools/JiebaConverter</c> (see its BinaryFormats.cs).</summary>
    public static JiebaHmm Load(Stream compressed)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("The HMM file is little-endian.");
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16));
        if (reader.ReadUInt32() != 0x4D48424A /* "JBHM" */ || reader.ReadInt32() != FormatVersion)
            throw new InvalidDataException("The jieba HMM file has an unknown format; run tools/update-dictionary.sh.");

        var model = new JiebaHmm();
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(model._start.AsSpan()));
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(model._transition.AsSpan()));
        for (var state = 0; state < 4; state++)
        {
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var c = reader.ReadUInt16();
                model._emission[c * 4 + state] = reader.ReadDouble();
            }
        }
        return model;
    }
}
