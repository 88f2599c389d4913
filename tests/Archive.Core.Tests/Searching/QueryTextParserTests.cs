using Archive.Core.Searching;

namespace Archive.Core.Tests.Searching;

public sealed class QueryTextParserTests
{
    [Fact]
    public void WordsAreAllRequired()
    {
        var parsed = QueryTextParser.Parse("锦鲤  高唐");
        Assert.Equal([["锦鲤"], ["高唐"]], parsed.Required);
    }

    [Fact]
    public void QuotedTextIsOnePhraseEvenWithSpaces()
    {
        var parsed = QueryTextParser.Parse("\"民族 团结\" 聊城");
        Assert.Equal([["民族 团结"], ["聊城"]], parsed.Required);
    }

    [Fact]
    public void OrJoinsAlternativesIntoOneClause()
    {
        var parsed = QueryTextParser.Parse("锦鲤 OR 阿胶 聊城");
        Assert.Equal([["锦鲤", "阿胶"], ["聊城"]], parsed.Required);
    }

    [Fact]
    public void MinusAndNotExclude()
    {
        var parsed = QueryTextParser.Parse("聊城 -高唐 NOT 冠县");
        Assert.Equal([["聊城"]], parsed.Required);
        Assert.Equal(["高唐", "冠县"], parsed.Excluded);
    }

    [Fact]
    public void UnbalancedQuoteRunsToTheEndAndIsExplained()
    {
        var parsed = QueryTextParser.Parse("\"高唐锦鲤");
        Assert.Equal([["高唐锦鲤"]], parsed.Required);
        Assert.Contains(parsed.Notes, n => n.Contains("引号"));
    }

    [Theory]
    [InlineData("OR")]
    [InlineData("- + NOT")]
    [InlineData("。。。！")]
    [InlineData("")]
    public void StrayOperatorsAndPunctuationLeaveNothingToSearch(string text)
    {
        Assert.True(QueryTextParser.Parse(text).Required.Count == 0);
    }
}
