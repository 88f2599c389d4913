using Archive.Core.Searching;

namespace Archive.Core.Tests.Searching;

public sealed class SnippetBuilderTests
{
    [Fact]
    public void MatchesAreMarkedAndTextIsEncoded()
    {
        var html = SnippetBuilder.Highlight("<b>高唐锦鲤</b>出口", ["锦鲤"]);
        Assert.Equal("&lt;b&gt;高唐<mark>锦鲤</mark>&lt;/b&gt;出口", html);
    }

    [Fact]
    public void MatchingIgnoresWidthAndCase()
    {
        var html = SnippetBuilder.Highlight("ＡＰＰ上线", ["app"]);
        Assert.Equal("<mark>ＡＰＰ</mark>上线", html);
    }

    [Theory]
    [InlineData("聊城ＣＢＤ建成", "cbd", "聊城<mark>ＣＢＤ</mark>建成")]
    [InlineData("ÉCOLE与Москва", "école", "<mark>ÉCOLE</mark>与Москва")]
    [InlineData("ÉCOLE与Москва", "москва", "ÉCOLE与<mark>Москва</mark>")]
    [InlineData("한국어와 日本語のカナ", "のカナ", "한국어와 日本語<mark>のカナ</mark>")]
    public void MatchingIgnoresCaseInEveryScript(string text, string term, string expected) =>
        Assert.Equal(expected, SnippetBuilder.Highlight(text, [term]));

    [Fact]
    public void LatinWordsAreMarkedWholeNotInsideLongerWords()
    {
        Assert.Equal("<mark>App</mark>与application，200MW≠<mark>200</mark>", SnippetBuilder.Highlight("App与application，200MW≠200", ["app", "200"]));
    }

    [Fact]
    public void SnippetIsTheWindowWithTheMatches()
    {
        var text = new string('甲', 300) + "。高唐锦鲤出口中东。" + new string('乙', 300);
        var snippet = SnippetBuilder.Snippet(text, ["锦鲤"], length: 40);
        Assert.Contains("<mark>锦鲤</mark>", snippet);
        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
    }

    [Fact]
    public void SnippetWithoutMatchesIsTheStart()
    {
        Assert.Equal("短文", SnippetBuilder.Snippet("短文", ["无"]));
    }
}
