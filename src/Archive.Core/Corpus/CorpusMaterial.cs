using Archive.Core.Analysis;
using Archive.Core.Pages;
using Archive.Core.Splitting;

namespace Archive.Core.Corpus;

/// <summary>
/// What synthetic pages are made of: the sentences and headlines of real pages (the seeds), jieba's words with
/// their frequencies (so drawn words follow the Zipf-like distribution of real text), and the city's county-level
/// units with their short names and places (from the gazetteer). Immutable; shared by the threads that write pages.
/// </summary>
public sealed class CorpusMaterial
{
    // Words drawn from the dictionary: two to four characters (one-character words come with the seed sentences),
    // the most frequent ones only, so that rare archaic entries do not dominate the tail.
    private const int VocabularySize = 60_000;

    private readonly long[] _cumulative;

    private CorpusMaterial(IReadOnlyList<string> sentences, IReadOnlyList<string> headlines, IReadOnlyList<(string Word, long Frequency)> words, Gazetteer gazetteer)
    {
        Sentences = sentences;
        Headlines = headlines;
        Words = words.Select(w => w.Word).ToArray();
        _cumulative = new long[words.Count];
        long total = 0;
        for (var i = 0; i < words.Count; i++) _cumulative[i] = total += words[i].Frequency;
        Counties = gazetteer.Counties;
    }

    /// <summary>Sentences of the seeds' article bodies (ending in 。！？), as the splitter normalised them.</summary>
    public IReadOnlyList<string> Sentences { get; }

    /// <summary>Headlines of the seeds' articles.</summary>
    public IReadOnlyList<string> Headlines { get; }

    /// <summary>The vocabulary words, most frequent first.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The county-level units of the city.</summary>
    public IReadOnlyList<CountyEntry> Counties { get; }

    /// <summary>
    /// Material from a folder of real page files (split with <paramref name="splitter"/>), jieba's embedded
    /// dictionary and the embedded gazetteer. The files are read in name order, so the material is the same on
    /// every machine.
    /// </summary>
    public static async Task<CorpusMaterial> FromSeedsAsync(string seedsPath, IPageSplitter splitter, CancellationToken cancellationToken = default)
    {
        var sentences = new List<string>();
        var headlines = new List<string>();
        var files = Directory.EnumerateFiles(seedsPath, "*.txt").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var decoded = PageDecoder.Decode(await File.ReadAllBytesAsync(file, cancellationToken));
            if (!decoded.IsValid) continue;
            foreach (var article in splitter.Split(new PageText(Path.GetFileName(file), decoded.Text!, null)))
            {
                if (article.Headline.Length is >= 4 and <= 30) headlines.Add(article.Headline);
                sentences.AddRange(SentencesOf(article.Body));
            }
        }
        if (sentences.Count == 0 || headlines.Count == 0)
            throw new InvalidOperationException($"No article text in {seedsPath}: the corpus needs the seed pages to recombine.");

        var words = JiebaDictionary.LoadEmbedded().Words()
            .Where(w => w.Word.Length is >= 2 and <= 4 && w.Word.All(CjkText.IsHan))
            .OrderByDescending(w => w.Frequency)
            .ThenBy(w => w.Word, StringComparer.Ordinal)
            .Take(VocabularySize)
            .ToList();
        return new CorpusMaterial(sentences, headlines, words, Gazetteer.Default);
    }

    /// <summary>A word drawn with probability proportional to its frequency.</summary>
    public string DrawWord(ref SplitMix64 random)
    {
        var target = random.NextInt64(_cumulative[^1]);
        var index = Array.BinarySearch(_cumulative, target + 1);
        return Words[index >= 0 ? index : ~index];
    }

    // Sentences without line breaks or bylines: the splitter already joined the page's hard breaks.
    private static IEnumerable<string> SentencesOf(string body)
    {
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] is not ('。' or '！' or '？' or '\n')) continue;
            var sentence = body[start..(i + 1)].Trim();
            start = i + 1;
            if (sentence.Length is >= 8 and <= 150 && sentence[^1] is '。' or '！' or '？' && !sentence.Contains("本报")) yield return sentence;
        }
    }
}
