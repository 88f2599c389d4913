namespace Archive.Core.Analysis;

/// <summary>
/// Words of the region the segmenter must keep whole: places, institutions, products, reporters. Read from the
/// embedded <c>Data/lexicon.txt</c> (one word a line; <c>#</c> starts a comment; text after the word is ignored).
/// </summary>
public sealed class Lexicon(IEnumerable<string> words)
{
    /// <summary>The lexicon shipped with the application.</summary>
    public static Lexicon Default { get; } = new(ReadEmbedded("lexicon.txt"));

    /// <summary>The words, as listed.</summary>
    public IReadOnlyList<string> Words { get; } = [.. words.Select(w => w.Trim()).Where(w => w.Length > 0)];

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
