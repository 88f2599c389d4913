using Archive.Core.Splitting;

namespace Archive.Core.Tests.Splitting;

/// <summary>How headline blocks become a main headline and its kickers and sub-headlines (conventions: Gold/README.md).</summary>
public sealed class HeadlineComposerTests
{
    private static HeadlineParts Compose(params HeadlineBlock[] blocks) =>
        HeadlineComposer.Compose(blocks, SplitterLexicon.Default.Continuations);

    private static HeadlineBlock Block(params string[] lines) => new(lines);

    [Fact]
    public void FirstOfTwoSeparateLinesIsTheKicker()
    {
        var parts = Compose(Block("东阿县推动文旅融合"), Block("古城夜游火起来"));
        Assert.Equal("古城夜游火起来", parts.Headline);
        Assert.Equal(["东阿县推动文旅融合"], parts.Subheadlines);
    }

    [Theory]
    [InlineData("农商银行冠县支行", "推出惠农贷款新产品", "农商银行冠县支行推出惠农贷款新产品")]
    [InlineData("国家粮食储备中心（山东）", "年度检查启动", "国家粮食储备中心（山东）年度检查启动")]
    [InlineData("莘县三个村入选", "省级美丽乡村示范村", "莘县三个村入选省级美丽乡村示范村")]
    public void LineThatCannotStandAloneIsJoinedToTheNext(string first, string second, string headline)
    {
        var parts = Compose(Block(first), Block(second));
        Assert.Equal(headline, parts.Headline);
        Assert.Empty(parts.Subheadlines);
    }

    [Fact]
    public void EqualShortHalvesAreACoupletJoinedBySpace()
    {
        var parts = Compose(Block("凝心聚力谋发展"), Block("实干争先开新局"));
        Assert.Equal("凝心聚力谋发展 实干争先开新局", parts.Headline);
        Assert.Empty(parts.Subheadlines);
    }

    [Fact]
    public void HalfPrintedInsideTheBodyCompletesTheMainHeadline()
    {
        var parts = Compose(Block("奋力推进乡村全面振兴，加快建设农业强市"), Block("抢抓春耕"), new HeadlineBlock(["备足农资"], Displaced: true));
        Assert.Equal("抢抓春耕 备足农资", parts.Headline);
        Assert.Equal(["奋力推进乡村全面振兴，加快建设农业强市"], parts.Subheadlines);
    }

    [Fact]
    public void SpacedOutLineJustifiedUnderTheLineAboveIsTheSecondLineOfTheMainHeadline()
    {
        var parts = Compose(Block("全市安全生产会议召开"), Block("坚持人民至上生命至上", "守 牢 安 全 生 产 底 线"));
        Assert.Equal("坚持人民至上生命至上 守牢安全生产底线", parts.Headline);
        Assert.Equal(["全市安全生产会议召开"], parts.Subheadlines);
    }

    [Fact]
    public void DashLineIsASubtitleAfterTheKickers()
    {
        var parts = Compose(Block("春风送岗位"), Block("万人就业服务季启动", "——首场招聘会提供岗位三千个"));
        Assert.Equal("万人就业服务季启动", parts.Headline);
        Assert.Equal(["春风送岗位", "首场招聘会提供岗位三千个"], parts.Subheadlines);
    }

    [Fact]
    public void OverlongLastPartIsAKickerBelowAShortMainHeadline()
    {
        var parts = Compose(Block("多彩非遗进校园"), Block("市文化馆联合十余所中小学开展非遗传承进课堂系列活动，覆盖学生两万余人次"));
        Assert.Equal("多彩非遗进校园", parts.Headline);
        Assert.Single(parts.Subheadlines);
    }
}
