using System.Buffers;
using System.Diagnostics;
using Archive.Core.Splitting;

namespace Archive.Core.Analysis;

/// <summary>What loading a <see cref="JiebaSegmenter"/> took.</summary>
/// <param name="LoadTime">Reading jieba's dictionary and HMM and adding the local words.</param>
/// <param name="DictionaryWords">Words of jieba's dictionary (those made of Han characters).</param>
/// <param name="LocalWords">Words of the local lexicon and the gazetteer, at load.</param>
/// <param name="SizeInBytes">Bytes held by the dictionary's and the model's arrays.</param>
public sealed record JiebaLoadStatistics(TimeSpan LoadTime, int DictionaryWords, int LocalWords, long SizeInBytes);

/// <summary>
/// Cuts runs of Han characters into words by jieba's method, written for this project: jieba's prefix dictionary
/// (word frequencies, from Debian's python3-jieba, MIT) gives every word starting at each position (the DAG);
/// dynamic programming from the end picks the route of highest total log-probability; runs of single characters
/// the dictionary does not know go through jieba's HMM (Viterbi over Begin/Middle/End/Single), which finds names
/// and new words. Normal mode: no overlapping sub-words.
/// <para>
/// The region's words (<c>Data/lexicon.txt</c> and the gazetteer's place names) and names learned from bylines
/// (<see cref="AddWords"/>) are added with a frequency high enough that they stay whole: 高唐锦鲤, 东昌府区, 薛良诚.
/// </para>
/// Thread-safe; one instance serves the whole process (<see cref="Shared"/>), since its dictionary takes
/// ~13 MB and tens of milliseconds to load.
/// </summary>
public sealed class JiebaSegmenter : IChineseSegmenter
{
    /// <summary>
    /// How many times likelier than its most probable split an added word is made. jieba's own <c>suggest_freq</c>
    /// makes a user word just likelier than its split; the margin keeps it whole next to characters that form
    /// words with its ends (高唐锦鲤出口, 记者侯健宁报道), while a word no likelier than that does not swallow its
    /// neighbours' characters: 临清市民 stays 临清|市民, 高唐县委 stays 高唐|县委.
    /// </summary>
    public const double StayWholeMargin = 100;

    /// <summary>The least frequency an added word gets (jieba's 高唐 has 9, 锦鲤 3, of 60 M).</summary>
    public const double MinimumAddedFrequency = 10;

    /// <summary>Longest word <see cref="AddWords"/> accepts: names, not sentences from a broken byline.</summary>
    public const int MaxAddedWordLength = 16;

    private const int StackLimit = 256;

    private static readonly Lazy<JiebaSegmenter> SharedInstance = new(Load);

    private readonly JiebaDictionary _dictionary;
    private readonly JiebaHmm _hmm;
    private readonly Lock _gate = new();
    private volatile ExtraWords _extra = ExtraWords.Empty;

    private JiebaSegmenter(JiebaDictionary dictionary, JiebaHmm hmm)
    {
        _dictionary = dictionary;
        _hmm = hmm;
    }

    /// <summary>
    /// The process's segmenter, loaded on first use with the local lexicon and the gazetteer. The analyzers of
    /// <see cref="ArchiveAnalyzers.CreateDefault"/> and of dependency injection use it, and ingestion teaches it the
    /// names of bylines.
    /// </summary>
    public static JiebaSegmenter Shared => SharedInstance.Value;

    /// <summary>How long loading took and what it holds.</summary>
    public JiebaLoadStatistics LoadStatistics { get; private set; } = null!;

    /// <summary>Words added to jieba's dictionary: the local ones and those learned since.</summary>
    public int AddedWordCount => _extra.Count;

    /// <summary>
    /// Loads a new segmenter from the embedded data (jieba's dictionary and HMM, the local lexicon, the gazetteer).
    /// Prefer <see cref="Shared"/>; a fresh one is for measuring the load and for tests that add words.
    /// </summary>
    public static JiebaSegmenter Load()
    {
        var clock = Stopwatch.StartNew();
        var dictionary = JiebaDictionary.LoadEmbedded();
        var hmm = JiebaHmm.LoadEmbedded();
        var segmenter = new JiebaSegmenter(dictionary, hmm);
        segmenter.AddWords(LocalWords());
        clock.Stop();
        segmenter.LoadStatistics = new JiebaLoadStatistics(
            clock.Elapsed, dictionary.WordCount, segmenter.AddedWordCount, dictionary.SizeInBytes + hmm.SizeInBytes);
        return segmenter;
    }

    /// <summary>The region's words: the local lexicon and every name of the gazetteer.</summary>
    private static IEnumerable<string> LocalWords()
    {
        var gazetteer = Gazetteer.Default;
        return Lexicon.Default.Words
            .Append(gazetteer.City.Name)
            // Not the city's other aliases (市委, 全市, 我市): ordinary words jieba knows, which must not outweigh 市委书记.
            .Concat(gazetteer.Counties.SelectMany(c => c.Aliases.Prepend(c.Name).Concat(c.Places)));
    }

    /// <summary>
    /// Adds words (names learned from bylines, new places) with a frequency <see cref="StayWholeMargin"/> times that
    /// of their most probable split, so that from now on they come out as one token. Words that are not 2 to <see cref="MaxAddedWordLength"/> Han characters are ignored.
    /// Safe to call while other threads segment: they see the words from their next run of text.
    /// Articles indexed before a word was learned keep the tokens they had; reindex them to change that.
    /// </summary>
    public void AddWords(IEnumerable<string> words)
    {
        // Shorter words first, so that a longer name is weighed against the added words it contains
        // (高唐锦鲤 against 高唐|锦鲤 once 高唐 is known).
        var accepted = words
            .Select(w => w.Trim())
            .Where(w => w.Length is >= 2 and <= MaxAddedWordLength && w.All(CjkText.IsHan))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(w => w.Length)
            .ToList();
        if (accepted.Count == 0) return;
        lock (_gate)
        {
            // Writers queue on the lock; readers never wait: they keep the snapshot they started with.
            var extra = _extra;
            foreach (var word in accepted)
                extra = extra.With(word, StayWholeLogProbability(word, extra));
            _extra = extra;
        }
    }

    // Log-probability that makes the word more probable than its best split, by StayWholeMargin, and never below
    // MinimumAddedFrequency nor its frequency in jieba's dictionary.
    private double StayWholeLogProbability(string word, ExtraWords extra)
    {
        var n = word.Length;
        Span<int> wordEnd = stackalloc int[MaxAddedWordLength];
        Span<double> score = stackalloc double[MaxAddedWordLength + 1];
        JiebaRoute.Compute(_dictionary, extra, word, wordEnd[..n], score[..(n + 1)]);

        // score[j] is the best route through word[j..], which cannot be the whole word: try every first piece.
        var bestSplit = double.NegativeInfinity;
        for (var j = 1; j < n; j++)
        {
            var first = Math.Max(_dictionary.LogProbabilityOf(word.AsSpan(0, j)), ExtraLogProbability(extra, word.AsSpan(0, j)));
            if (first == 0) first = j == 1 ? -_dictionary.LogTotal : double.NegativeInfinity; // an unknown character counts once
            bestSplit = Math.Max(bestSplit, first + score[j]);
        }

        var known = _dictionary.LogProbabilityOf(word);
        var floor = Math.Log(MinimumAddedFrequency) - _dictionary.LogTotal;
        return Math.Max(Math.Max(bestSplit + Math.Log(StayWholeMargin), floor), known == 0 ? double.NegativeInfinity : known);
    }

    private static double ExtraLogProbability(ExtraWords extra, ReadOnlySpan<char> word) =>
        extra.LogProbabilityOf(word) is var p && p != 0 ? p : double.NegativeInfinity;

    /// <inheritdoc />
    public void Segment(ReadOnlySpan<char> run, List<int> wordLengths)
    {
        var n = run.Length;
        if (n <= 1)
        {
            if (n == 1) wordLengths.Add(1);
            return;
        }

        var extra = _extra;
        int[]? rentedEnds = null;
        double[]? rentedScores = null;
        var wordEnd = n <= StackLimit ? stackalloc int[StackLimit] : (rentedEnds = ArrayPool<int>.Shared.Rent(n));
        var score = n < StackLimit ? stackalloc double[StackLimit] : (rentedScores = ArrayPool<double>.Shared.Rent(n + 1));
        try
        {
            JiebaRoute.Compute(_dictionary, extra, run, wordEnd, score);
            EmitRoute(run, wordEnd, extra, wordLengths);
        }
        finally
        {
            if (rentedEnds is not null) ArrayPool<int>.Shared.Return(rentedEnds);
            if (rentedScores is not null) ArrayPool<double>.Shared.Return(rentedScores);
        }
    }

    // Words of two or more characters go out as they are; consecutive single characters are gathered, and a run
    // of them that is not itself a word is handed to the HMM, which may join them (a name the dictionary lacks).
    private void EmitRoute(ReadOnlySpan<char> run, ReadOnlySpan<int> wordEnd, ExtraWords extra, List<int> wordLengths)
    {
        var singlesStart = -1;
        var i = 0;
        while (i < run.Length)
        {
            var end = wordEnd[i];
            if (end - i == 1)
            {
                if (singlesStart < 0) singlesStart = i;
            }
            else
            {
                if (singlesStart >= 0) EmitSingles(run[singlesStart..i], extra, wordLengths);
                singlesStart = -1;
                wordLengths.Add(end - i);
            }
            i = end;
        }
        if (singlesStart >= 0) EmitSingles(run[singlesStart..], extra, wordLengths);
    }

    private void EmitSingles(ReadOnlySpan<char> singles, ExtraWords extra, List<int> wordLengths)
    {
        if (singles.Length == 1)
        {
            wordLengths.Add(1);
        }
        else if (_dictionary.LogProbabilityOf(singles) == 0 && extra.LogProbabilityOf(singles) == 0)
        {
            _hmm.Cut(singles, wordLengths);
        }
        else
        {
            // A known word the route chose to split: jieba trusts the route and keeps the characters apart.
            for (var k = 0; k < singles.Length; k++) wordLengths.Add(1);
        }
    }
}
