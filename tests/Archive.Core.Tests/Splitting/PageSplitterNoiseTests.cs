using Archive.Core.Articles;
using Archive.Core.Pages;
using Archive.Core.Splitting;

namespace Archive.Core.Tests.Splitting;

/// <summary>Each noise form of the extracted pages, on a small hand-written page.</summary>
public sealed class PageSplitterNoiseTests
{
    private readonly PageSplitter _splitter = new();

    private IReadOnlyList<Article> Split(string text, DateOnly? date = null) => _splitter.Split(new PageText("page.txt", text, date));

    [Fact]
    public void SplitterPutsHeadlineFoundAfterBodyOnItsArticle()
    {
        const string page = """
             本报讯（记者 张三） 3月1日，全市春季
            植树活动在东阿县启动，干部群众共植树
            两万余株。

            东阿县春季植树活动启动

            本报讯（记者 李四） 3月2日，冠县举
            行农机推广会，展示新型播种机械十余种，
            吸引农户五百余人参加。

            冠县举行农机推广会
            """;
        var articles = Split(page);
        Assert.Equal(2, articles.Count);
        Assert.Equal("东阿县春季植树活动启动", articles[0].Headline);
        Assert.Equal(["张三"], articles[0].Reporters);
        Assert.Equal("冠县举行农机推广会", articles[1].Headline);
        Assert.Equal(["李四"], articles[1].Reporters);
        Assert.Equal("冠县", articles[1].County);
    }

    [Fact]
    public void SplitterPutsHeadlineFoundBeforeBylineOnTheArticleBelowIt()
    {
        const string page = """
            阳谷县开展夏季安全生产大检查

            □ 记者 张三 报道

            本报阳谷讯 近日，阳谷县组织开展夏季安全生产大检查，排查隐患一百余处。

            冠县新建十座文化广场

            □ 记者 李四 报道

            本报冠县讯 今年以来，冠县新建文化广场十座，丰富了群众文化生活。
            """;
        var articles = Split(page);
        Assert.Equal(2, articles.Count);
        Assert.Equal("阳谷县开展夏季安全生产大检查", articles[0].Headline);
        Assert.Equal("阳谷县", articles[0].County);
        Assert.Equal("本报阳谷讯", articles[0].Dateline);
        Assert.Equal("冠县新建十座文化广场", articles[1].Headline);
        Assert.Equal(["李四"], articles[1].Reporters);
    }

    [Fact]
    public void KickerAndDashSubheadlineAreSubheadlines()
    {
        const string page = """
            深耕廉洁沃土 构筑清廉矩阵
            ——茌平区构建四位一体廉洁文化阵地体系

            □ 本报记者 王五

            茌平区坚持因地制宜、统筹谋划，推动构建廉洁文化阵地体系，着力延伸传播途径。
            """;
        var article = Assert.Single(Split(page));
        Assert.Equal("深耕廉洁沃土 构筑清廉矩阵", article.Headline);
        Assert.Equal(["茌平区构建四位一体廉洁文化阵地体系"], article.Subheadlines);
        Assert.Equal("茌平区", article.County);
    }

    [Fact]
    public void LongKickerAboveAShortHeadlineBecomesASubheadline()
    {
        const string page = """
            聊城市铸牢中华民族共同体意识，积极创建全国民族团结进步示范市

            多元一体 美美与共

            □ 本报记者 胡磊

            聊城市持续深化民族团结进步创建工作，取得明显成效。
            """;
        var article = Assert.Single(Split(page));
        Assert.Equal("多元一体 美美与共", article.Headline);
        Assert.Equal(["聊城市铸牢中华民族共同体意识，积极创建全国民族团结进步示范市"], article.Subheadlines);
    }

    [Fact]
    public void HardLineBreaksInsideWordsAreJoined()
    {
        const string page = "本报讯（记者 张三） 我市获评首批铸牢中华民族共同体意识示\n范市，为全省三个示范市之一。";
        var article = Assert.Single(Split(page));
        Assert.Contains("意识示范市，为全省", article.Body);
        Assert.DoesNotContain("\n", article.Body);
    }

    [Fact]
    public void ParagraphCutByAColumnBreakIsJoined()
    {
        const string page = """
            □ 记者 张三 报道

            高唐县作为中国锦鲤第一县，近年来依托品牌战略与深厚的产业积淀，锦鲤产业已

            形成年产值10亿元、养殖面积8000余亩的规模优势。
            """;
        var article = Assert.Single(Split(page));
        Assert.Equal("高唐县作为中国锦鲤第一县，近年来依托品牌战略与深厚的产业积淀，锦鲤产业已形成年产值10亿元、养殖面积8000余亩的规模优势。", article.Body);
    }

    [Fact]
    public void SpacedOutCharactersAndDatesAreClosedUp()
    {
        const string page = "本报讯（记者 赵宗锋） 2 月 6\n日上午，全市会议在 高 田 村召开，会 议 要 求 凝 心 聚 力。";
        var article = Assert.Single(Split(page, new DateOnly(2024, 2, 7)));
        Assert.Contains("2月6日上午，全市会议在高田村召开，会议要求凝心聚力。", article.Body);
        Assert.Contains(new DateOnly(2024, 2, 6), article.EventDates);
    }

    [Fact]
    public void HeadlinePartPrintedInsideTheBodyJoinsTheHeadline()
    {
        const string page = """
            攻坚三季度

            □ 本报记者 胡磊

            项目建设是高质量发展的硬支撑，全市退出小煤电机组43.5万千瓦，有序推进

            决战下半年

            光伏、风电等项目建设，绿色能源转型步伐不断加快。
            """;
        var article = Assert.Single(Split(page));
        Assert.Equal("攻坚三季度 决战下半年", article.Headline);
        Assert.Equal("项目建设是高质量发展的硬支撑，全市退出小煤电机组43.5万千瓦，有序推进光伏、风电等项目建设，绿色能源转型步伐不断加快。", article.Body);
    }

    [Fact]
    public void RepeatedParagraphsAndFurnitureAreDropped()
    {
        const string page = """
            聊城开发区重点项目开工率100%

            □ 记者 高田 报道

            今年以来，聊城开发区依托重点项目全周期协同管理体系，提供一图一表指引。

            今年以来，聊城开发区依托重点项目全周期协同管理体系，提供一图一表指引。

            扫码查看视频

            该项目今年4月动工，预计明年年初投产达效。
            """;
        var article = Assert.Single(Split(page));
        Assert.Equal("今年以来，聊城开发区依托重点项目全周期协同管理体系，提供一图一表指引。\n该项目今年4月动工，预计明年年初投产达效。", article.Body);
        Assert.DoesNotContain("扫码", article.Body);
        Assert.Equal("聊城经济技术开发区", article.County);
    }

    [Fact]
    public void CommentaryLogoIsDroppedAndMarksTheKind()
    {
        const string page = """
            以作风深化引领高质量发展

            ┌₩ 聊快评

            □ 胡磊 薛良诚

            从上半年各项数据看，聊城延续稳中有进的良好态势，多项主要经济指标增速高于全省平均水平。
            """;
        var article = Assert.Single(Split(page));
        Assert.Equal(ArticleKind.Commentary, article.Kind);
        Assert.Equal(["胡磊", "薛良诚"], article.Authors);
        Assert.DoesNotContain("聊快评", article.Body);
        Assert.Equal("以作风深化引领高质量发展", article.Headline);
    }

    [Fact]
    public void PhotoCaptionWithCreditIsItsOwnPhotoArticle()
    {
        const string page = """
            本报讯（记者 张三） 3月1日，全市植树活动启动，干部群众共植树两万余株。

            全市植树活动启动

            2月4日，在位于高新区的一家企业，工作人员在生产线上忙碌。 ■ 田柏林

            本报讯（记者 李四） 3月2日，全市农机推广会举行，展示新型播种机械十余种。

            全市农机推广会举行
            """;
        var articles = Split(page);
        Assert.Equal(3, articles.Count);
        var photo = articles[1];
        Assert.Equal(ArticleKind.Photo, photo.Kind);
        Assert.Equal(["田柏林"], photo.Photographers);
        Assert.Equal("聊城高新区", photo.County);
        Assert.DoesNotContain("■", photo.Body);
        Assert.Equal("全市植树活动启动", articles[0].Headline);
        Assert.Equal("全市农机推广会举行", articles[2].Headline);
    }

    [Fact]
    public void TeasersForOtherPagesAreSeparateArticles()
    {
        const string page = """
             本报讯（记者 张三） 3月1日，全市生态环境保护工作会议召开，会议总结了
            2023年度全市生态环境保护工作，部署了2024年重点任务，要求各级各部门
            压紧压实责任，确保各项措施落到实处，全力打好蓝天、碧水、净土保卫战。
             有情有趣 有味有料
            ——春节联欢会精彩纷呈
            走，赶集去！
            """;
        var articles = Split(page);
        Assert.Equal(3, articles.Count);
        Assert.Equal(string.Empty, articles[0].Headline);
        Assert.Equal("有情有趣 有味有料", articles[1].Headline);
        Assert.Equal(["春节联欢会精彩纷呈"], articles[1].Subheadlines);
        Assert.Equal(ArticleKind.Teaser, articles[1].Kind);
        Assert.Equal("走，赶集去！", articles[2].Headline);
    }

    [Fact]
    public void CountyComesFromTownsAndStreets()
    {
        const string page = """
            废弃坑塘蝶变乡村游打卡地

            □ 记者 薛良诚 报道

            近日，在侨润街道一片荷花地，众人纷纷驻足赏花拍照，成了周边乡村游打卡地。
            """;
        var article = Assert.Single(Split(page));
        Assert.Equal("阳谷县", article.County);
        Assert.Equal(["阳谷县"], article.Counties);
    }

    [Fact]
    public void IssueDateIsInferredFromTheTextWhenNotGiven()
    {
        const string page = "本报讯（记者 张三） 2025年上半年，全市经济运行稳中有进。8月14日，市委召开会议部署下半年工作。";
        var article = Assert.Single(Split(page));
        Assert.True(article.DateInferred);
        Assert.Equal(new DateOnly(2025, 8, 14), article.Date);

        var known = Assert.Single(Split(page, new DateOnly(2025, 8, 15)));
        Assert.False(known.DateInferred);
        Assert.Equal(new DateOnly(2025, 8, 15), known.Date);
        Assert.Equal([new DateOnly(2025, 8, 14)], known.EventDates);
    }
}
