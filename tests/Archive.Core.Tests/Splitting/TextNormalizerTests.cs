using Archive.Core.Splitting;

namespace Archive.Core.Tests.Splitting;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("凝 心 聚 力 建 设 质 量 强 市", "凝心聚力建设质量强市")]
    [InlineData("□ 记者 高 田", "□记者高田")]
    [InlineData("本报讯（记者 赵宗锋 焦阳 杨光） 2 月 6", "本报讯（记者赵宗锋焦阳杨光）2月6")]
    [InlineData("本报高唐讯  1 月2 5日，在时风", "本报高唐讯1月25日，在时风")]
    [InlineData("现有 50 个民族，占全市总人口的 1.03%。", "现有50个民族，占全市总人口的1.03%。")]
    [InlineData("育 基 地 ，先 后 入 选 省 、市", "育基地，先后入选省、市")]
    [InlineData("聊城 坚持大抓项目、抓大项目, 加强重点", "聊城坚持大抓项目、抓大项目,加强重点")]
    [InlineData("   依托 App 和微信小程序", "依托 App 和微信小程序")]
    public void NormalizerRemovesLayoutSpacesButKeepsPunctuation(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.NormalizeInline(input));

    [Fact]
    public void NormalizerKeepsSpacesBetweenLatinWords() =>
        Assert.Equal("Lucene Net 检索", TextNormalizer.NormalizeInline("Lucene   Net 检索"));

    [Fact]
    public void NormalizerJoinsHardLineBreaksInsideAParagraph() =>
        Assert.Equal("创建全国民族团结进步示范市，为全省三个示范市之一。",
            TextNormalizer.Normalize("创建全国民族团结进步示\n范市，为全省三个示范市之一。"));

    [Fact]
    public void NormalizerKeepsParagraphBreaksAtBlankLinesAndSentenceEnds()
    {
        var text = "  第一段第一行\n第一段结束。\n第二段\n\n  第三段。";
        Assert.Equal("第一段第一行第一段结束。\n第二段\n第三段。", TextNormalizer.Normalize(text));
    }

    [Fact]
    public void NormalizerJoinsWrappedDatesAndNumbers() =>
        Assert.Equal("2月6日上午，销售收入突破了5亿元。", TextNormalizer.Normalize("2 月 6\n日上午，销售收入突破了 5\n亿元。"));

    [Fact]
    public void JoiningBrokenTextKeepsARepeatedFragmentOnce() =>
        Assert.Equal("《实施方案》，建立", TextNormalizer.JoinBroken("《实施方案》", "案》，建立"));

    [Fact]
    public void NormalizerDropsControlCharactersAndHandlesEmptyInput()
    {
        Assert.Equal("聊城", TextNormalizer.NormalizeInline("聊\u0001城\u0000"));
        Assert.Equal(string.Empty, TextNormalizer.Normalize(null));
        Assert.Equal(string.Empty, TextNormalizer.Normalize(" \n\t\u3000\n"));
    }

    [Fact]
    public void NormalizerHandlesAVeryLongLineQuickly()
    {
        var line = string.Concat(Enumerable.Repeat("聊 城 2 月 6日, text ", 100_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = TextNormalizer.Normalize(line);
        Assert.StartsWith("聊城2月6日, text 聊城2月6日, text", result);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }
}
