using Archive.Core.Analysis;

namespace Archive.Core.Tests.Analysis;

/// <summary>The word tokenizer and analyzer over the jieba segmenter: terms AND offsets, as Lucene's own analysis tests check.</summary>
public sealed class WordTokenizerTests
{
    private static readonly ArchiveAnalyzers Analyzers = ArchiveAnalyzers.CreateDefault();

    private static WordTokenizer Tokenizer(string text) => new(new StringReader(text), JiebaSegmenter.Shared);

    [Fact]
    public void TokenizerCutsHanRunsIntoWordsWithOffsets()
    {
        TokenStreamAssert.Contents(Tokenizer("高唐锦鲤首批出口启动仪式上"),
            ["高唐锦鲤", "首批", "出口", "启动", "仪式", "上"],
            [0, 4, 6, 8, 10, 12],
            [4, 6, 8, 10, 12, 13],
            [1, 1, 1, 1, 1, 1],
            finalOffset: 13);
    }

    [Fact]
    public void TokenizerSkipsPunctuationAndSpacesWithoutLeavingPositionGaps()
    {
        TokenStreamAssert.Contents(Tokenizer("记者 侯健宁，通讯员：薛良诚。"),
            ["记者", "侯健宁", "通讯员", "薛良诚"],
            [0, 3, 7, 11],
            [2, 6, 10, 14],
            [1, 1, 1, 1],
            finalOffset: 15);
    }

    [Fact]
    public void TokenizerKeepsLatinAndDigitRunsApartFromHan()
    {
        // Mixed text: a number, a Latin run and Han words alternate; a decimal point separates.
        TokenStreamAssert.Contents(Tokenizer("2025年聊城市GDP增长5.6%"),
            ["2025", "年", "聊城市", "GDP", "增长", "5", "6"],
            [0, 4, 5, 8, 11, 13, 15],
            [4, 5, 8, 11, 13, 14, 16],
            finalOffset: 17);
    }

    [Fact]
    public void TokenizerGivesNoTokensForEmptyOrPunctuationOnlyInput()
    {
        TokenStreamAssert.Contents(Tokenizer(""), [], [], [], finalOffset: 0);
        TokenStreamAssert.Contents(Tokenizer("，。！？  "), [], [], [], finalOffset: 6);
    }

    [Fact]
    public void TokenizerCanBeResetAndReusedForAnotherText()
    {
        var tokenizer = Tokenizer("聊城市东昌府区");
        TokenStreamAssert.Contents(tokenizer, ["聊城市", "东昌府区"], [0, 3], [3, 7], finalOffset: 7);

        // Lucene's reuse contract: after End and Dispose a tokenizer takes a new reader and starts over clean.
        tokenizer.SetReader(new StringReader("茌平区"));
        TokenStreamAssert.Contents(tokenizer, ["茌平区"], [0], [3], finalOffset: 3);
    }

    [Fact]
    public void AnalyzerReusesItsTokenStreamAndGivesTheSameTokensTwice()
    {
        const string text = "聊城高唐锦鲤首次出口，“薛良诚”报道";
        var first = TokenStreamAssert.Read(Analyzers.Word.GetTokenStream("body_w", text));
        var second = TokenStreamAssert.Read(Analyzers.Word.GetTokenStream("body_w", text));

        Assert.Equal(["聊城", "高唐锦鲤", "首次", "出口", "薛良诚", "报道"], first.Select(t => t.Term));
        Assert.Equal([(0, 2), (2, 6), (6, 8), (8, 10), (12, 15), (16, 18)], first.Select(t => (t.Start, t.End)));
        Assert.Equal(first, second);
    }

    [Fact]
    public void AnalyzerFoldsFullWidthLatinBetweenHanWords()
    {
        TokenStreamAssert.Contents(Analyzers.Word.GetTokenStream("body_w", "东阿阿胶ＡＰＰ上线"),
            ["东阿阿胶", "app", "上线"],
            [0, 4, 7],
            [4, 7, 9],
            finalOffset: 9);
    }

    [Fact]
    public void AnalyzerHandlesAHugeTextWithoutPunctuation()
    {
        // One Han run of 600,000 characters: the route's working space comes from the pool, not the stack.
        var huge = string.Concat(Enumerable.Repeat("聊城高唐锦鲤出口", 75_000));
        var tokens = ArchiveAnalyzers.Tokens(Analyzers.Word, "body_w", huge);

        Assert.Equal(225_000, tokens.Count);
        Assert.Equal(("出口", huge.Length - 2, huge.Length), (tokens[^1].Term, tokens[^1].Start, tokens[^1].End));
    }
}
