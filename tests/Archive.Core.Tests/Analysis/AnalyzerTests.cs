using Archive.Core.Analysis;

namespace Archive.Core.Tests.Analysis;

/// <summary>Terms AND offsets, in the style of Lucene's own analysis tests.</summary>
public sealed class AnalyzerTests
{
    private static readonly ArchiveAnalyzers Analyzers = ArchiveAnalyzers.CreateDefault();

    [Fact]
    public void WordAnalyzerKeepsLocalNamesWholeWithExactOffsets()
    {
        var tokens = ArchiveAnalyzers.Tokens(Analyzers.Word, "body_w", "高唐锦鲤出口");

        // jieba's dictionary knows 出口 (export), so it is now one word.
        Assert.Equal(["高唐锦鲤", "出口"], tokens.Select(t => t.Term));
        Assert.Equal([(0, 4), (4, 6)], tokens.Select(t => (t.Start, t.End)));
    }

    [Fact]
    public void WordAnalyzerFoldsFullWidthAndLowerCasesLatinAndDigits()
    {
        var tokens = ArchiveAnalyzers.Tokens(Analyzers.Word, "body_w", "ＡＢＣ１２３与App");

        Assert.Equal(["abc123", "与", "app"], tokens.Select(t => t.Term));
        Assert.Equal([(0, 6), (6, 7), (7, 10)], tokens.Select(t => (t.Start, t.End)));
    }

    [Fact]
    public void WordAnalyzerSkipsPunctuationAndKeepsOffsetsAfterIt()
    {
        var tokens = ArchiveAnalyzers.Tokens(Analyzers.Word, "body_w", "“薛良诚”，2025年");

        Assert.Equal(["薛良诚", "2025", "年"], tokens.Select(t => t.Term));
        Assert.Equal([(1, 4), (6, 10), (10, 11)], tokens.Select(t => (t.Start, t.End)));
    }

    [Fact]
    public void BigramIndexAnalyzerEmitsEveryCharacterAndEveryPair()
    {
        var tokens = ArchiveAnalyzers.Tokens(Analyzers.BigramIndex, "body_b", "聊城市");

        Assert.Equal(["聊", "聊城", "城", "城市", "市"], tokens.Select(t => t.Term));
        Assert.Equal([(0, 1), (0, 2), (1, 2), (1, 3), (2, 3)], tokens.Select(t => (t.Start, t.End)));
    }

    [Fact]
    public void BigramQueryAnalyzerEmitsConsecutivePairsForPhrases()
    {
        var tokens = ArchiveAnalyzers.Tokens(Analyzers.BigramQuery, "body_b", "锦鲤首次");

        Assert.Equal(["锦鲤", "鲤首", "首次"], tokens.Select(t => t.Term));
        Assert.All(tokens, t => Assert.Equal(1, t.PositionIncrement));
    }

    [Fact]
    public void BigramQueryAnalyzerKeepsASingleCharacter()
    {
        var tokens = ArchiveAnalyzers.Tokens(Analyzers.BigramQuery, "body_b", "鲤");

        Assert.Equal(["鲤"], tokens.Select(t => t.Term));
    }

    [Fact]
    public void AnalyzersHandleEmptyAndHugeInput()
    {
        Assert.Empty(ArchiveAnalyzers.Tokens(Analyzers.Word, "body_w", ""));
        var huge = string.Concat(Enumerable.Repeat("聊城高唐锦鲤。", 20_000)); // 聊城 | 高唐锦鲤, 20,000 times
        Assert.Equal(40_000, ArchiveAnalyzers.Tokens(Analyzers.Word, "body_w", huge).Count);
    }
}
