using Archive.Core.Splitting;

namespace Archive.Core.Tests.Splitting;

public sealed class BylineParserTests
{
    private static readonly BylineParser Parser = BylineParser.Default;

    [Fact]
    public void MarkedStaffBylineGivesReporters()
    {
        var byline = Parser.ParseLine("□ 本报记者 胡磊 薛良诚");
        Assert.NotNull(byline);
        Assert.Equal(["胡磊", "薛良诚"], byline.Reporters);
    }

    [Fact]
    public void CorrespondentLineWithoutMarkerGivesCorrespondents()
    {
        var byline = Parser.ParseLine("本报通讯员 王培源 李政哲");
        Assert.NotNull(byline);
        Assert.Equal(["王培源", "李政哲"], byline.Correspondents);
        Assert.Empty(byline.Reporters);
    }

    [Fact]
    public void ReporterAndCorrespondentsOnOneLineEndingInBaodao()
    {
        var byline = Parser.ParseLine("□ 记者 薛良诚 通讯员 陈清林 杨长武 报道");
        Assert.NotNull(byline);
        Assert.Equal(["薛良诚"], byline.Reporters);
        Assert.Equal(["陈清林", "杨长武"], byline.Correspondents);
    }

    [Fact]
    public void BracketedBylineAfterDatelineIsReadEvenWhenBrokenOverLines()
    {
        var text = new PageSplitter().Split(new("p.txt", "本报讯（记者 朱海波 张颖 通讯\n员 潘玉亮）2月4日，记者从全省民族宗教局长会议获悉，我市获评示范市。", null));
        var article = Assert.Single(text);
        Assert.Equal(["朱海波", "张颖"], article.Reporters);
        Assert.Equal(["潘玉亮"], article.Correspondents);
        Assert.Equal("本报讯", article.Dateline);
    }

    [Fact]
    public void SpacedOutRoleWordsAreRejoined()
    {
        var byline = Parser.ParseLine("■ 本 报 记 者 王培源 李政哲");
        Assert.NotNull(byline);
        Assert.Equal(["王培源", "李政哲"], byline.Reporters);
    }

    [Fact]
    public void SpacedOutNameIsRejoined()
    {
        var byline = Parser.ParseLine("□记者 高 田 通讯员 郑兆雷 报道");
        Assert.NotNull(byline);
        Assert.Equal(["高田"], byline.Reporters);
        Assert.Equal(["郑兆雷"], byline.Correspondents);
    }

    [Fact]
    public void PhotoCreditAtTheEndOfACaptionGivesPhotographers()
    {
        var credit = Parser.ParseTrailingCredit("工作人员在生产线上忙碌，取得了新进展和新成效。 ■ 田柏林");
        Assert.NotNull(credit);
        Assert.Equal(["田柏林"], credit.Value.Credit.Photographers);
        var staff = Parser.ParseTrailingCredit("实现了企业战略性转型升级。 ■ 本报记者 许金松");
        Assert.NotNull(staff);
        Assert.Equal(["许金松"], staff.Value.Credit.Photographers);
    }

    [Fact]
    public void CommentaryBylineWithoutRoleGivesAuthors()
    {
        var byline = Parser.ParseLine("□ 胡磊 薛良诚");
        Assert.NotNull(byline);
        Assert.Equal(["胡磊", "薛良诚"], byline.Authors);
        Assert.Empty(byline.Reporters);
    }

    [Fact]
    public void BracketedReporterWithoutDatelineIsRead()
    {
        var byline = Parser.ParseInline("（记者 赵宏磊）近日，我市召开会议。");
        Assert.NotNull(byline);
        Assert.Equal(["赵宏磊"], byline.Reporters);
    }

    [Fact]
    public void TextAndPhotoCreditsWithSlashesAreRead()
    {
        var byline = Parser.ParseLine("文/记者 苑莘 图/吴建正");
        Assert.NotNull(byline);
        Assert.Equal(["苑莘"], byline.Reporters);
        Assert.Equal(["吴建正"], byline.Photographers);
    }

    [Fact]
    public void PaperNameGluedToRoleAndNameIsSplit()
    {
        var byline = Parser.ParseInline("本报讯(聊城日报全媒体记者于伯平)近日，我市召开会议。");
        Assert.NotNull(byline);
        Assert.Equal(["于伯平"], byline.Reporters);
    }

    [Fact]
    public void DatelineWithPlaceAndDateBeforeBracketedByline()
    {
        const string paragraph = "本报聊城3月6日讯(记者凌文秀 通讯员 杨丽丽)近日，我市召开会议。";
        var byline = Parser.ParseInline(paragraph);
        Assert.NotNull(byline);
        Assert.Equal(["凌文秀"], byline.Reporters);
        Assert.Equal(["杨丽丽"], byline.Correspondents);
        var dateline = DatelineParser.Parse(paragraph);
        Assert.NotNull(dateline);
        Assert.Equal("本报聊城3月6日讯", dateline.Text);
        Assert.Equal("聊城", dateline.Place);
        Assert.Equal((3, 6), (dateline.Month, dateline.Day));
    }

    [Theory]
    [InlineData("记者从2025年全市药品安全宣传周新闻发布会上获悉")]
    [InlineData("胡磊 薛良诚")]
    [InlineData("聊城市质量大会召开")]
    [InlineData("")]
    public void OrdinaryTextIsNotABylineLine(string line) => Assert.Null(Parser.ParseLine(line));

    [Theory]
    [InlineData("本报高唐讯 9月1日下午", "本报高唐讯", "高唐")]
    [InlineData("本报讯 （记者 张洁 姚绪禹）", "本报讯", "")]
    [InlineData("本报莘县讯 烈日炎炎", "本报莘县讯", "莘县")]
    public void DatelinesAreRead(string paragraph, string text, string place)
    {
        var dateline = DatelineParser.Parse(paragraph);
        Assert.NotNull(dateline);
        Assert.Equal(text, dateline.Text);
        Assert.Equal(place, dateline.Place);
    }
}
