using Archive.Core.Articles;
using Archive.Core.Pages;
using Archive.Core.Splitting;

namespace Archive.Core.Tests.Splitting;

/// <summary>
/// Hand-made pages in the styles of other papers of the region (none of them copied from the seeds): bylines in
/// brackets, <c>文/ 图/</c> credits, full-media reporters, dated datelines, ASCII punctuation, headlines first or last.
/// They guard the splitter against rules fitted to the five seed pages.
/// </summary>
public sealed class OtherPapersTests
{
    private static IReadOnlyList<Article> Split(string text) =>
        new PageSplitter().Split(new PageText("other/2025-03-07_page.txt", text, new DateOnly(2025, 3, 7)));

    // Headlines first, ASCII punctuation, a byline in brackets without dateline, 文/ 图/ credits on their own line.
    private const string AsciiHeadlineFirstPage = """
        东阿县阿胶产业园新增三条生产线

        (记者 赵宏磊) 3月5日,记者从东阿县工业和信息化局获悉,位于东阿县经济开发区的阿胶产业园
        新增三条自动化生产线,年产能提高三成。"新线投产后,我们的订单交付周期缩短了一半。"企业负责人说。

        据介绍,今年以来,东阿县围绕阿胶产业链招商引资,新落地项目12个,总投资超过20亿元。

        鱼山镇:春耕备播正当时

        文/记者 苑莘 图/吴建正

        连日来,东阿县鱼山镇的田间地头一派繁忙景象,农户们抢抓农时整地施肥、检修农机,为春耕
        生产做好准备。

        镇农业服务中心组织技术人员深入村庄,为种植户讲解小麦春季管理要点,发放技术资料500余份。
        """;

    [Fact]
    public void AsciiPageWithBracketBylinesSplitsIntoTwoDongeStories()
    {
        var articles = Split(AsciiHeadlineFirstPage);

        Assert.Equal(2, articles.Count);
        var plant = articles[0];
        Assert.Equal("东阿县阿胶产业园新增三条生产线", plant.Headline);
        Assert.Equal(["赵宏磊"], plant.Reporters);
        Assert.Equal("东阿县", plant.County);
        Assert.Contains("3月5日,记者从东阿县工业和信息化局获悉,位于东阿县经济开发区的阿胶产业园新增三条", plant.Body);
        Assert.EndsWith("总投资超过20亿元。", plant.Body);

        var spring = articles[1];
        Assert.Equal("鱼山镇:春耕备播正当时", spring.Headline);
        Assert.Equal(["苑莘"], spring.Reporters);
        Assert.Equal(["吴建正"], spring.Photographers);
        Assert.Equal("东阿县", spring.County);
        Assert.StartsWith("连日来,东阿县鱼山镇的田间地头", spring.Body);
        Assert.Contains("为春耕生产做好准备。", spring.Body);
    }

    // Full-media reporters and dated datelines in brackets, full-width punctuation, kicker + main headline (set apart
    // by a blank line, as extraction prints headline lines of different sizes; consecutive lines are one wrapped line).
    private const string FullMediaPage = """
        古运河畔再现繁华街景

        七级镇打造运河文化街区

        本报讯(聊城日报全媒体记者于伯平)近日，阳谷县七级镇运河古街改造提升工程完工，沿街二十余处
        老店铺恢复旧貌，吸引不少游客前来打卡。
        七级镇党委负责人介绍，街区将引入非遗工坊和特色小吃，让古镇留住乡愁。

        冠县梨园迎来赏花游客

        本报聊城3月6日讯(记者凌文秀 通讯员 杨丽丽) 3月5日，冠县万善乡的万亩梨园进入最佳观赏期，
        前来踏青赏花的游客络绎不绝。
        据了解，今年梨园还推出了农事体验和直播带货等活动。
        """;

    [Fact]
    public void FullMediaBylinesAndDatedDatelinesAreReadFromTheBrackets()
    {
        var articles = Split(FullMediaPage);

        Assert.Equal(2, articles.Count);
        var street = articles[0];
        Assert.Equal("七级镇打造运河文化街区", street.Headline);
        Assert.Equal(["古运河畔再现繁华街景"], street.Subheadlines);
        Assert.Equal(["于伯平"], street.Reporters);
        Assert.Equal("本报讯", street.Dateline);
        Assert.Equal("阳谷县", street.County);
        Assert.EndsWith("让古镇留住乡愁。", street.Body);

        var pears = articles[1];
        Assert.Equal("冠县梨园迎来赏花游客", pears.Headline);
        Assert.Equal(["凌文秀"], pears.Reporters);
        Assert.Equal(["杨丽丽"], pears.Correspondents);
        Assert.Equal("本报聊城3月6日讯", pears.Dateline);
        Assert.Equal("冠县", pears.County);
        Assert.Contains(new DateOnly(2025, 3, 5), pears.EventDates);
        Assert.EndsWith("直播带货等活动。", pears.Body);
    }

    // Headlines after the stories (a front-page layout), with a dash sub-headline, spaced-out characters, a photo
    // caption credited at its end, a repeated paragraph, a stray QR line and a teaser for another page.
    private const string HeadlineLastPage = """
        本报讯（记者 王 强 通讯员 刘晓东） 3 月 6
        日，全市春季植树造林动员会召开。会议要求，各县（市、区）
        要抓住植树黄金期，全年完成造林两万亩。

        会议强调，要把国土绿化与乡村振兴结合起来，确保栽一棵、活一棵。

        会议强调，要把国土绿化与乡村振兴结合起来，确保栽一棵、活一棵。

        全市春季植树造林动员会召开
        ——全年完成造林两万亩

        3月6日，临清市松林镇的志愿者在运河大堤上栽植白蜡树苗。 ■ 本报记者 孙 明

        扫码查看视频

        本报讯（记者 李 华） 3月6日，高唐县尹集镇的设施蔬菜大棚里，
        黄瓜、西红柿陆续上市，每天发往京津地区的蔬菜超过20吨。

        高唐设施蔬菜
        俏销京津
        """;

    [Fact]
    public void HeadlineLastPageGivesEachStoryTheHeadlineBelowIt()
    {
        var articles = Split(HeadlineLastPage);

        Assert.Equal(3, articles.Count);
        var meeting = articles[0];
        Assert.Equal("全市春季植树造林动员会召开", meeting.Headline);
        Assert.Equal(["全年完成造林两万亩"], meeting.Subheadlines);
        Assert.Equal(["王强"], meeting.Reporters);
        Assert.Equal(["刘晓东"], meeting.Correspondents);
        Assert.Equal("聊城市", meeting.County);
        Assert.Contains("3月6日，全市春季植树造林动员会召开。", meeting.Body);
        Assert.Equal(1, Occurrences(meeting.Body, "确保栽一棵、活一棵。"));

        var photo = articles[1];
        Assert.Equal(ArticleKind.Photo, photo.Kind);
        Assert.Equal(["孙明"], photo.Photographers);
        Assert.Empty(photo.Reporters);
        Assert.Equal("临清市", photo.County);

        var vegetables = articles[2];
        Assert.Equal("高唐设施蔬菜俏销京津", vegetables.Headline);
        Assert.Equal(["李华"], vegetables.Reporters);
        Assert.Equal("高唐县", vegetables.County);
        Assert.DoesNotContain("扫码", string.Concat(articles.Select(a => a.Body)));
    }

    // A commentary with a column logo and an author byline, then a news story with a marker byline and 报道.
    private const string CommentaryPage = """
        让“办成一件事”成为常态

        【水城时评】

        □ 张明远

        群众办事少跑腿，是检验作风的一把尺子。各级各部门要把“高效办成一件事”作为改作风的切口，
        真正从群众的角度出发梳理流程。

        唯有久久为功，才能让便利成为常态。

        莘县开通“夜间政务”服务

        □记者 周 平 通讯员 韩雪 报道

        本报莘县讯 近日，莘县政务服务中心开通“夜间政务”窗口，每周一至周五延时服务至晚上八点，
        方便上班族办理业务。
        """;

    [Fact]
    public void CommentaryUnderAColumnLogoIsSignedByItsAuthor()
    {
        var articles = Split(CommentaryPage);

        Assert.Equal(2, articles.Count);
        var commentary = articles[0];
        Assert.Equal("让“办成一件事”成为常态", commentary.Headline);
        Assert.Equal(ArticleKind.Commentary, commentary.Kind);
        Assert.Equal(["张明远"], commentary.Authors);
        Assert.Empty(commentary.Reporters);
        Assert.StartsWith("群众办事少跑腿", commentary.Body);

        var night = articles[1];
        Assert.Equal("莘县开通“夜间政务”服务", night.Headline);
        Assert.Equal(["周平"], night.Reporters);
        Assert.Equal(["韩雪"], night.Correspondents);
        Assert.Equal("莘县", night.County);
        Assert.Equal("本报莘县讯", night.Dateline);
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
