namespace Archive.Core.Analysis;

/// <summary>
/// Words added to jieba's dictionary at run time (the local lexicon, the gazetteer, names from bylines), each
/// with its log-probability. Immutable: adding words makes a new instance (copy-on-write), so segmenting threads
/// read one consistent snapshot without locks while ingestion teaches new names.
/// </summary>
internal sealed class ExtraWords
{
    /// <summary>No extra words.</summary>
    public static readonly ExtraWords Empty = new(new Dictionary<char, Entry[]>(), new ulong[(char.MaxValue + 1) / 64]);

    private readonly Dictionary<char, Entry[]> _byFirstChar;   // never written after construction: safe to share
    private readonly ulong[] _firstChars;                        // bit per character that starts a word: most positions skip the lookup

    private ExtraWords(Dictionary<char, Entry[]> byFirstChar, ulong[] firstChars)
    {
        _byFirstChar = byFirstChar;
        _firstChars = firstChars;
        Count = byFirstChar.Values.Sum(e => e.Length);
    }

    /// <summary>A word and its log-probability.</summary>
    public readonly record struct Entry(string Word, double LogProbability);

    public int Count { get; }

    /// <summary>The words starting with <paramref name="c"/>, or none.</summary>
    public ReadOnlySpan<Entry> StartingWith(char c) =>
        (_firstChars[c >> 6] & (1UL << (c & 63))) == 0 ? default : _byFirstChar[c];

    /// <summary>The log-probability of <paramref name="word"/>, or 0 when it is not an extra word.</summary>
    public double LogProbabilityOf(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return 0;
        foreach (var entry in StartingWith(word[0]))
            if (word.SequenceEqual(entry.Word)) return entry.LogProbability;
        return 0;
    }

    /// <summary>
    /// These words plus <paramref name="word"/> at <paramref name="logProbability"/> (or at its current one if higher),
    /// or this same instance when nothing changes.
    /// </summary>
    public ExtraWords With(string word, double logProbability)
    {
        var current = LogProbabilityOf(word);
        if (current != 0 && current >= logProbability) return this;
        var copy = new Dictionary<char, Entry[]>(_byFirstChar);
        var entries = copy.GetValueOrDefault(word[0], []);
        copy[word[0]] = current == 0
            ? [.. entries, new Entry(word, logProbability)]
            : [.. entries.Select(e => e.Word == word ? new Entry(word, logProbability) : e)];
        var firstChars = (ulong[])_firstChars.Clone();
        firstChars[word[0] >> 6] |= 1UL << (word[0] & 63);
        return new ExtraWords(copy, firstChars);
    }
}
