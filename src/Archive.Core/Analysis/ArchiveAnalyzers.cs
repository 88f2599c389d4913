using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Archive.Core.Analysis;

/// <summary>
/// The word view of a text: segmented words, width-folded (全角 → 半角) and lower-cased.
/// Precise, and the basis of ranking.
/// </summary>
public sealed class WordAnalyzer(IChineseSegmenter segmenter) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new WordTokenizer(reader, segmenter);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new CaselessScriptLowerCaseFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}

/// <summary>
/// The bigram view of a text: every pair of adjacent Han characters, and (when indexing) every single character,
/// so that any span of text finds its articles whatever the segmenter made of it.
/// </summary>
/// <param name="outputUnigrams">True at index time; false for queries of two or more characters, whose bigrams
/// then form an exact phrase.</param>
/// <param name="separateRuns">True to leave a position empty between two runs of characters (<see cref="RunGapFilter"/>):
/// indexes are built so; false only to query an index built before they were.</param>
public sealed class BigramAnalyzer(bool outputUnigrams, bool separateRuns = true) : Analyzer
{
    /// <summary>True when runs of characters are a position apart.</summary>
    public bool SeparatesRuns => separateRuns;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        // StandardTokenizer emits each Han character as its own token; the bigram filter pairs them (CJKBigramFilter's
        // output, without its per-run cost).
        var tokenizer = new StandardTokenizer(ArchiveAnalyzers.Version, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new CaselessScriptLowerCaseFilter(stream);
        stream = new HanBigramFilter(stream, outputUnigrams);
        if (separateRuns) stream = new RunGapFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}

/// <summary>The analyzers of the archive, created once per process and shared (they are thread-safe).</summary>
public sealed class ArchiveAnalyzers
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    public ArchiveAnalyzers(IChineseSegmenter segmenter)
    {
        Word = new WordAnalyzer(segmenter);
        BigramIndex = new BigramAnalyzer(outputUnigrams: true);
        BigramQuery = new BigramAnalyzer(outputUnigrams: false);
        BigramQueryContiguous = new BigramAnalyzer(outputUnigrams: false, separateRuns: false);
    }

    /// <summary>Analyzers over the process's shared <see cref="JiebaSegmenter"/> (its dictionary loads once, on first use).</summary>
    public static ArchiveAnalyzers CreateDefault() => new(JiebaSegmenter.Shared);

    public Analyzer Word { get; }

    public Analyzer BigramIndex { get; }

    public Analyzer BigramQuery { get; }

    /// <summary>Queries of an index whose runs of characters are not a position apart (built before they were).</summary>
    public Analyzer BigramQueryContiguous { get; }

    /// <summary>Analyzes <paramref name="text"/> into its terms (used by queries and snippets).</summary>
    public static List<(string Term, int Start, int End, int PositionIncrement)> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<(string, int, int, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var offset = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement));
        stream.End();
        return tokens;
    }
}
