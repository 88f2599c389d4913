using Archive.Core.Analysis;

namespace Archive.Core.Tests.Analysis;

/// <summary>
/// <see cref="RunGapFilter"/> in the bigram analyzer: two runs of characters that punctuation or a space separates
/// are a position apart, in both modes; nothing else moves.
/// </summary>
public sealed class RunGapFilterTests
{
    private const string Single = "<SINGLE>", Double = "<DOUBLE>";

    [Fact]
    public void IndexModeLeavesAPositionBetweenRuns()
    {
        AssertTokens(new BigramAnalyzer(outputUnigrams: true), "中国，人民",
            ("中", 0, 1, 1, 1, Single), ("中国", 0, 2, 0, 2, Double),
            ("国", 1, 2, 1, 1, Single),
            ("人", 3, 4, 2, 1, Single), ("人民", 3, 5, 0, 2, Double),
            ("民", 4, 5, 1, 1, Single),
            ("(end)", 5, 5, 0, 1, "word"));
    }

    [Fact]
    public void QueryModeLeavesTheSamePositionBetweenRunsAndLoneCharacters()
    {
        AssertTokens(new BigramAnalyzer(outputUnigrams: false), "锦鲤首次 鲤，城",
            ("锦鲤", 0, 2, 1, 1, Double), ("鲤首", 1, 3, 1, 1, Double), ("首次", 2, 4, 1, 1, Double),
            ("鲤", 5, 6, 2, 1, Single),
            ("城", 7, 8, 2, 1, Single),
            ("(end)", 8, 8, 0, 1, "word"));
    }

    [Fact]
    public void RunsNextToOtherTokensAreNotMoved()
    {
        // The letters and digits hold positions of their own between the runs.
        AssertTokens(new BigramAnalyzer(outputUnigrams: true), "村通5G网",
            ("村", 0, 1, 1, 1, Single), ("村通", 0, 2, 0, 2, Double),
            ("通", 1, 2, 1, 1, Single),
            ("5g", 2, 4, 1, 1, "<ALPHANUM>"),
            ("网", 4, 5, 1, 1, Single),
            ("(end)", 5, 5, 0, 1, "word"));
    }

    [Fact]
    public void TheGapIsNotCarriedIntoTheNextText()
    {
        var analyzer = new BigramAnalyzer(outputUnigrams: true);
        TokenTrace.Read(analyzer.GetTokenStream("body_b", "中国，"));

        // The reused stream starts afresh: the first run of the next text is no new run after the last one.
        AssertTokens(analyzer, "人民",
            ("人", 0, 1, 1, 1, Single), ("人民", 0, 2, 0, 2, Double),
            ("民", 1, 2, 1, 1, Single),
            ("(end)", 2, 2, 0, 1, "word"));
    }

    private static void AssertTokens(BigramAnalyzer analyzer, string text, params (string Term, int Start, int End, int Increment, int Length, string Type)[] expected) =>
        Assert.Equal(expected.Select(t => new TokenTrace(t.Term, t.Start, t.End, t.Increment, t.Length, t.Type)), TokenTrace.Read(analyzer.GetTokenStream("body_b", text)));
}
