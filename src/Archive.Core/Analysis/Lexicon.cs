using System.Collections.Frozen;

namespace Archive.Core.Analysis;

/// <summary>
/// Words the segmenter must keep whole: the region's places, institutions and products, and names learned from
/// bylines. Read from the embedded <c>Data/lexicon.txt</c> (one word a line, <c>#</c> starts a comment).
/// </summary>
public sealed class Lexicon
{
    private readonly FrozenSet<string> _words;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Lexicon(IEnumerable<string> words)
    {
        _words = words.Select(w => w.Trim()).Where(w => w.Length > 1).ToFrozenSet(StringComparer.Ordinal);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        MaxWordLength = _words.Count == 0 ? 1 : _words.Max(w => w.Length);
    }

    /// <summary>The lexicon shipped with the application.</summary>
    public static Lexicon Default { get; } = new(ReadEmbedded("lexicon.txt"));

    public int Count => _words.Count;

    public int MaxWordLength { get; }

    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);

    internal static IEnumerable<string> ReadEmbedded(string name)
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream($"Archive.Core.Data.{name}")
            ?? throw new InvalidOperationException($"The embedded data file {name} is missing from Archive.Core.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var text = line.Split('#', 2)[0].Trim();
            if (text.Length > 0) words.Add(text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0]);
        }
        return words;
    }
}
