using System.Diagnostics;
using System.Text;
using Archive.Core.Pages;
using Archive.Core.Splitting;
using Archive.Core.Tests.Splitting;

// Not Archive.Core.Tests.Pages: that namespace would hide Archive.Core.Pages from tests that write Pages.PageKey.
namespace Archive.Core.Tests.PageFiles;

/// <summary>
/// Bad input at the door: every file is either decoded to the text it holds or rejected with a reason, whatever the
/// encoding, line ends or size; and what is decoded splits as the UTF-8 original does.
/// </summary>
public sealed class PageDecoderTests
{
    private const string Page = "本报讯（记者 朱海波）7月1日，市委统战部召开上半年重点工作调度会。\n\n我市统一战线服务强市建设\n";

    static PageDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void EmptyFileIsRejectedAsEmpty()
    {
        var decoded = PageDecoder.Decode([]);
        Assert.False(decoded.IsValid);
        Assert.Contains("empty", decoded.Error);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\r\n\r\n\t\n")]
    [InlineData("\u3000\u3000\n \u00A0")]
    public void WhitespaceOnlyFileIsRejectedAsWhitespace(string text)
    {
        var decoded = PageDecoder.Decode(Encoding.UTF8.GetBytes(text));
        Assert.False(decoded.IsValid);
        Assert.Contains("whitespace", decoded.Error);
    }

    [Fact]
    public void ByteOrderMarkAloneIsRejectedAsWhitespace()
    {
        var decoded = PageDecoder.Decode([0xEF, 0xBB, 0xBF]);
        Assert.False(decoded.IsValid);
        Assert.Contains("whitespace", decoded.Error);
    }

    [Fact]
    public void BinaryFileWithNulBytesIsRejectedAsBinary()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
        var decoded = PageDecoder.Decode(png);
        Assert.False(decoded.IsValid);
        Assert.Contains("binary", decoded.Error);
    }

    [Fact]
    public void TextWithAStrayNulByteIsKeptWithoutIt()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("本报讯 高唐锦鲤出口中东。\n第二段。").ToList();
        bytes.Insert(10, 0);
        var decoded = PageDecoder.Decode(bytes.ToArray());
        Assert.True(decoded.IsValid, decoded.Error);
        Assert.Equal("本报讯 高唐锦鲤出口中东。\n第二段。", decoded.Text);
    }

    [Fact]
    public void BinaryFileWithoutNulBytesIsRejectedAsNotText()
    {
        var random = new Random(7);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++) if (bytes[i] == 0) bytes[i] = 1;

        var decoded = PageDecoder.Decode(bytes);

        Assert.False(decoded.IsValid);
        Assert.Contains("does not look like text", decoded.Error);
    }

    [Fact]
    public void PlainUtf8IsDecodedAsUtf8()
    {
        var decoded = PageDecoder.Decode(Encoding.UTF8.GetBytes(Page));
        Assert.Equal(Page, decoded.Text);
        Assert.Equal("utf-8", decoded.EncodingName);
    }

    [Fact]
    public void Utf8ByteOrderMarkIsDropped()
    {
        var decoded = PageDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Page)]);
        Assert.Equal(Page, decoded.Text);
        Assert.Equal("utf-8-bom", decoded.EncodingName);
    }

    [Fact]
    public void Utf16LittleEndianWithByteOrderMarkIsDecoded()
    {
        var decoded = PageDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Page)]);
        Assert.Equal(Page, decoded.Text);
        Assert.Equal("utf-16le", decoded.EncodingName);
    }

    [Fact]
    public void Utf16BigEndianWithByteOrderMarkIsDecoded()
    {
        var decoded = PageDecoder.Decode([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Page)]);
        Assert.Equal(Page, decoded.Text);
        Assert.Equal("utf-16be", decoded.EncodingName);
    }

    [Theory]
    [InlineData("GBK")]
    [InlineData("GB18030")]
    [InlineData("GB2312")]
    public void ChineseLegacyEncodingsAreDecodedAsGb18030(string encoding)
    {
        var decoded = PageDecoder.Decode(Encoding.GetEncoding(encoding).GetBytes(Page));
        Assert.Equal(Page, decoded.Text);
        Assert.Equal("gb18030", decoded.EncodingName);
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void SeedPageSavedAsGb18030SplitsExactlyAsTheUtf8Original(string name)
    {
        // GB18030, not GBK: GBK has no ▶, which page 004 prints.
        var original = SeedPages.Load(name);
        var decoded = PageDecoder.Decode(Encoding.GetEncoding("GB18030").GetBytes(original.Text));

        Assert.True(decoded.IsValid, decoded.Error);
        Assert.Equal("gb18030", decoded.EncodingName);
        var splitter = new PageSplitter();
        Assert.Equal(Json(splitter.Split(original)), Json(splitter.Split(original with { Text = decoded.Text! })));
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void SeedPageWithCrlfLineEndsSplitsExactlyAsWithLf(string name)
    {
        var original = SeedPages.Load(name);
        var crlf = original.Text.Replace("\r\n", "\n").Replace("\n", "\r\n");
        var decoded = PageDecoder.Decode(Encoding.UTF8.GetBytes(crlf));

        Assert.True(decoded.IsValid, decoded.Error);
        var splitter = new PageSplitter();
        Assert.Equal(Json(splitter.Split(original)), Json(splitter.Split(original with { Text = decoded.Text! })));
    }

    [Fact]
    public void Utf8CutInsideItsLastCharacterStaysUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes(Page.TrimEnd() + "会");
        var cut = bytes[..^1]; // 会 is three bytes; two are left

        var decoded = PageDecoder.Decode(cut);

        Assert.True(decoded.IsValid, decoded.Error);
        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.StartsWith(Page.TrimEnd(), decoded.Text);
    }

    [Fact]
    public void Utf8WithOneDamagedByteInTheMiddleStaysUtf8()
    {
        var text = string.Concat(Enumerable.Repeat(Page, 20));
        var bytes = Encoding.UTF8.GetBytes(text);
        bytes[bytes.Length / 2] = 0xFF;

        var decoded = PageDecoder.Decode(bytes);

        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Contains("市委统战部召开上半年重点工作调度会", decoded.Text);
    }

    [Fact]
    public void TwentyMegabyteSingleLineIsDecodedAndSplitInLinearTime()
    {
        var line = new StringBuilder(20_000_100);
        while (line.Length < 20_000_000) line.Append("本报讯 聊城市持续推进高质量发展，全市经济运行稳中有进，");
        var bytes = Encoding.UTF8.GetBytes(line.ToString());

        var watch = Stopwatch.StartNew();
        var decoded = PageDecoder.Decode(bytes);
        Assert.True(decoded.IsValid, decoded.Error);
        var articles = new PageSplitter().Split(new PageText("huge.txt", decoded.Text!, null));
        watch.Stop();

        Assert.NotEmpty(articles);
        // A guard against super-linear steps, not a speed target: a 10 s bound failed (10.09 s) while two test runs
        // shared the two cores.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    public static TheoryData<string> SeedNames() => SeedPages.Names();

    private static string Json(IReadOnlyList<Archive.Core.Articles.Article> articles) =>
        System.Text.Json.JsonSerializer.Serialize(articles, Archive.Core.Articles.ArticleJson.Options);
}
