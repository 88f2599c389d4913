using Archive.Core.Articles;
using Archive.Core.Splitting;

namespace Archive.Core.Tests.Splitting;

/// <summary>What the seed pages must split into: facts read from the pages by hand.</summary>
public sealed class SeedPageTests
{
    private static readonly IReadOnlyList<Article> Page000 = new PageSplitter().Split(SeedPages.Load("000_"));
    private static readonly IReadOnlyList<Article> Page001 = new PageSplitter().Split(SeedPages.Load("001_"));

    [Fact]
    public void KoiStoryIsItsOwnArticleInGaotang()
    {
        var koi = Assert.Single(Page000, a => a.Headline == "高唐锦鲤首次“跃”出国门闯中东");
        Assert.Equal("高唐县", koi.County);
        Assert.Equal("本报高唐讯", koi.Dateline);
        Assert.Equal(["孙亚飞"], koi.Reporters);
        Assert.Equal(["李云铮", "白鹤"], koi.Correspondents);
        Assert.StartsWith("本报高唐讯", koi.Body);
        Assert.EndsWith("让高唐锦鲤游向更广阔的世界市场。", koi.Body);
        Assert.DoesNotContain("临清", koi.Body);
        Assert.Contains(new DateOnly(2025, 9, 1), koi.EventDates);
    }

    [Fact]
    public void XueLiangchengIsCreditedOnExactlyHisArticles()
    {
        var his = Page000.Where(a => a.Reporters.Contains("薛良诚")).Select(a => a.Headline).ToList();
        Assert.Equal(
            ["多元一体 美美与共", "守牢质量安全底线", "废弃坑塘蝶变 乡村游打卡地", "精准“滴灌”"],
            his);
        var pond = Assert.Single(Page000, a => a.Headline.StartsWith("废弃坑塘", StringComparison.Ordinal));
        Assert.Equal(["陈清林", "杨长武"], pond.Correspondents);
        Assert.Equal("阳谷县", pond.County);
        Assert.Contains("侨润街道", pond.Body);
        Assert.All(Page000.Where(a => !his.Contains(a.Headline)), a => Assert.DoesNotContain("薛良诚", a.Correspondents.Concat(a.Authors)));
    }

    [Fact]
    public void Page000SplitsIntoItsNineStoriesWithDuplicatesDropped()
    {
        Assert.Equal(9, Page000.Count);
        var zone = Assert.Single(Page000, a => a.Headline == "聊城开发区省市重点项目开工率100%");
        Assert.Equal("聊城经济技术开发区", zone.County);
        Assert.Equal(1, CountOf(zone.Body, "今年以来，聊城开发区依托重点项目全周期协同管理体系"));
        var town = Assert.Single(Page000, a => a.Headline == "鲁西小镇破译民企“出海”密码");
        Assert.Equal("聊城旅游度假区", town.County);
    }

    [Fact]
    public void Page001HeadlinesPrintedAfterTheirStoriesGoToThoseStories()
    {
        var first = Page001[0];
        Assert.Equal("聊城获评首批山东省铸牢中华民族共同体意识示范市", first.Headline);
        Assert.Equal(["朱海波", "张颖"], first.Reporters);
        Assert.Equal(["潘玉亮"], first.Correspondents);
        var quality = Assert.Single(Page001, a => a.Subheadlines.Contains("聊城市质量大会召开"));
        Assert.Equal("把质量第一理念贯穿各领域全过程 凝心聚力建设质量强市", quality.Headline);
        Assert.Equal(["李政哲", "焦阳", "杨光"], quality.Reporters);
        Assert.StartsWith("本报讯", quality.Body);
        var photo = Assert.Single(Page001, a => a.Kind == ArticleKind.Photo);
        Assert.Equal(["田柏林"], photo.Photographers);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
