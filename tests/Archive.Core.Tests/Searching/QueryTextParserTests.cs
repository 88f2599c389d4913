using Archive.Core.Searching;

namespace Archive.Core.Tests.Searching;

public sealed class QueryTextParserTests
{
    private static IEnumerable<IEnumerable<string>> Texts(ParsedQuery parsed) =>
        parsed.Required.Select(clause => clause.Select(term => term.Text));

    [Fact]
    public void WordsAreAllRequired()
    {
        var parsed = QueryTextParser.Parse("锦鲤  高唐");
        Assert.Equal([["锦鲤"], ["高唐"]], Texts(parsed));
        Assert.All(parsed.Required, clause => Assert.Equal(QueryField.Any, clause[0].Field));
    }

    [Fact]
    public void QuotedTextIsOnePhraseNormalisedLikeTheIndex()
    {
        var parsed = QueryTextParser.Parse("“民族 团结” 聊城");
        Assert.Equal([["民族团结"], ["聊城"]], Texts(parsed));
    }

    [Fact]
    public void OrJoinsAlternativesIntoOneClause()
    {
        var parsed = QueryTextParser.Parse("锦鲤 OR 阿胶 聊城");
        Assert.Equal([["锦鲤", "阿胶"], ["聊城"]], Texts(parsed));
    }

    [Fact]
    public void MinusAndNotExclude()
    {
        var parsed = QueryTextParser.Parse("聊城 -高唐 NOT 冠县 －莘县");
        Assert.Equal([["聊城"]], Texts(parsed));
        Assert.Equal(["高唐", "冠县", "莘县"], parsed.Excluded.Select(t => t.Text));
    }

    [Theory]
    [InlineData("标题:锦鲤", QueryField.Headline, "锦鲤")]
    [InlineData("headline:锦鲤", QueryField.Headline, "锦鲤")]
    [InlineData("标题：锦鲤", QueryField.Headline, "锦鲤")]
    [InlineData("记者:薛良诚", QueryField.Person, "薛良诚")]
    [InlineData("REPORTER:薛良诚", QueryField.Person, "薛良诚")]
    [InlineData("县:高唐", QueryField.County, "高唐")]
    [InlineData("county:冠县", QueryField.County, "冠县")]
    [InlineData("正文:\"民族 团结\"", QueryField.Body, "民族团结")]
    public void FieldPrefixesInChineseAndEnglishSelectTheField(string query, QueryField field, string text)
    {
        var term = Assert.Single(Assert.Single(QueryTextParser.Parse(query).Required));
        Assert.Equal((field, text), (term.Field, term.Text));
    }

    [Fact]
    public void UnknownPrefixIsPlainText()
    {
        var term = Assert.Single(Assert.Single(QueryTextParser.Parse("a:b").Required));
        Assert.Equal((QueryField.Any, "a:b"), (term.Field, term.Text));
    }

    [Theory]
    [InlineData("日期:2024", 20240101, 20241231)]
    [InlineData("date:2024-02", 20240201, 20240229)]
    [InlineData("日期:2024-02-06", 20240206, 20240206)]
    [InlineData("日期:2024年2月6日", 20240206, 20240206)]
    [InlineData("date:2024/2/6", 20240206, 20240206)]
    [InlineData("日期:2024-01..2024-06", 20240101, 20240630)]
    [InlineData("日期:2023至2024", 20230101, 20241231)]
    [InlineData("date:..2024-06", 0, 20240630)]
    [InlineData("date:2025..", 20250101, 99991231)]
    public void DatesAndRangesBecomeInclusiveDayRanges(string query, int from, int to)
    {
        var term = Assert.Single(Assert.Single(QueryTextParser.Parse(query).Required));
        Assert.Equal((QueryField.Date, from, to), (term.Field, term.FromKey, term.ToKey));
        Assert.True(term.IsFilter);
    }

    [Theory]
    [InlineData("日期:昨天")]
    [InlineData("date:2024-13")]
    [InlineData("date:2024-02-30")]
    [InlineData("date:2025..2024")]
    public void BadDatesAreExplainedAndIgnored(string query)
    {
        var parsed = QueryTextParser.Parse(query);
        Assert.Empty(parsed.Required);
        Assert.Single(parsed.Notes);
    }

    [Fact]
    public void UnbalancedQuoteRunsToTheEndAndIsExplained()
    {
        var parsed = QueryTextParser.Parse("\"高唐锦鲤");
        Assert.Equal([["高唐锦鲤"]], Texts(parsed));
        Assert.Contains(parsed.Notes, n => n.Contains("引号"));
    }

    [Theory]
    [InlineData("\"\"", "空引号，已忽略")]
    [InlineData("\"", "引号未闭合，已按到结尾处理；空引号，已忽略")]
    [InlineData("标题:", "“标题:”后缺少检索词，已忽略")]
    public void EmptyTermsAreExplainedForWhatWasTyped(string query, string notes)
    {
        var parsed = QueryTextParser.Parse(query);
        Assert.True(parsed.IsEmpty);
        Assert.Equal(notes, string.Join("；", parsed.Notes));
    }

    [Theory]
    [InlineData("OR")]
    [InlineData("- + NOT")]
    [InlineData("。。。！")]
    [InlineData("\"\"")]
    [InlineData("标题:")]
    [InlineData("")]
    public void StrayOperatorsAndPunctuationLeaveNothingToSearch(string text)
    {
        Assert.Empty(QueryTextParser.Parse(text).Required);
    }

    [Fact]
    public void FiltersAreNotHighlighted()
    {
        var parsed = QueryTextParser.Parse("锦鲤 县:高唐 日期:2025 记者:孙亚飞");
        Assert.Equal(["锦鲤", "孙亚飞"], parsed.HighlightTerms);
        Assert.True(parsed.HasTextTerms);
        Assert.False(QueryTextParser.Parse("县:高唐").HasTextTerms);
    }

    [Fact]
    public void AThousandCharacterQueryParses()
    {
        var parsed = QueryTextParser.Parse(string.Concat(Enumerable.Repeat("聊城 \"锦鲤 -OR：", 100)));
        Assert.NotNull(parsed);
    }
}
