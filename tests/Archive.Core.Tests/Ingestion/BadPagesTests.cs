using System.Diagnostics;
using System.Text;
using Archive.Core.Ingestion;
using Archive.Core.Searching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Archive.Core.Tests.Ingestion;

/// <summary>
/// A corpus of bad page files, each in a folder beside a good page, through the real ingestor and index: every bad
/// file is either ingested correctly or reported (in <see cref="IngestionStatus.Failures"/> and in a log line, with file
/// and reason), the pass never throws, and the good page is always indexed.
/// </summary>
public sealed class BadPagesTests
{
    private const string GoodWord = "鸵鸟节";

    /// <summary>A bad page and what must become of it: ingested (the word is then searchable) or failed (the reason says why).</summary>
    public sealed record BadPage(string Name, Func<byte[]> Bytes, string? Word, string? Reason)
    {
        public override string ToString() => Name;
    }

    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    private static byte[] Text(string text) => Utf8.GetBytes(text);

    private static string Page(string word) => IngestionHarness.Page(word);

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + replacement + text[(at + old.Length)..];
    }

    public static TheoryData<BadPage> Corpus()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var random = new Random(7);
        return new TheoryData<BadPage>
        {
            new("empty", () => [], null, "empty"),
            new("whitespace only", () => Text(" \t\r\n\u3000\n  \n"), null, "whitespace"),
            new("binary with NUL bytes", () => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52], null, "binary"),
            new("mostly control characters", () => Text(string.Concat(Enumerable.Range(0, 400).Select(i => (char)(1 + i % 8))) + "孔雀"), null, "does not look like text"),
            new("random bytes", () => { var b = new byte[4096]; random.NextBytes(b); b[100] = 0; return b; }, null, "binary"),
            // Random bytes after a BOM decode as UTF-16 without a single error, into unassigned and private-use code points.
            new("UTF-16 LE BOM, then random bytes", () => { var b = new byte[4096]; random.NextBytes(b); b[0] = 0xFF; b[1] = 0xFE; return b; }, null, "does not look like text"),
            new("UTF-16 BE BOM, then random bytes", () => { var b = new byte[4096]; random.NextBytes(b); b[0] = 0xFE; b[1] = 0xFF; return b; }, null, "does not look like text"),
            new("UTF-8 BOM, then random bytes", () => { var b = new byte[4096]; random.NextBytes(b); b[0] = 0xEF; b[1] = 0xBB; b[2] = 0xBF; return b; }, null, "does not look like text"),
            new("truncated UTF-8", () => { var b = Text(Page("孔雀节") + "截断"); return b[..^1]; }, "孔雀节", null),
            new("GB18030", () => Encoding.GetEncoding("GB18030").GetBytes(Page("荷花节")), "荷花节", null),
            new("GBK with a cut last character", () => Encoding.GetEncoding("GB18030").GetBytes(Page("桂花节") + "截")[..^1], "桂花节", null),
            new("UTF-8 with BOM", () => [.. Encoding.UTF8.GetPreamble(), .. Text(Page("梨花节"))], "梨花节", null),
            new("UTF-16 LE with BOM", () => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Page("菊花节"))], "菊花节", null),
            new("UTF-16 BE with BOM", () => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Page("桃花节"))], "桃花节", null),
            new("CRLF line ends", () => Text(Page("樱花节").ReplaceLineEndings("\r\n")), "樱花节", null),
            new("old Mac CR line ends", () => Text(Page("杏花节").ReplaceLineEndings("\r")), "杏花节", null),
            new("control characters in the text", () => Text(Page("牡丹节").Replace("，", "，\u0001\u0007").Replace("。", "。\u001b\u0008")), "牡丹节", null),
            // A stray NUL (a damaged extraction) is dropped; a file full of them is binary (the cases above).
            new("a stray NUL in a text page", () => Text(ReplaceFirst(Page("水仙节"), "。", "。\u0000")), "水仙节", null),
            new("HTML and script markup", () => Text("<html><body><h1>冠县举办葡萄节</h1>\n\n<p>本报讯（记者 测试员）近日，<script>alert('x')</script>葡萄节活动在冠县举行。</p></body></html>"), "葡萄节", null),
            new("100k tiny paragraphs", () => Text(string.Concat(Enumerable.Range(0, 100_000).Select(i => i == 50_000 ? "西瓜节开幕。\n\n" : "好。\n\n"))), "西瓜节", null),
            new("one line, no breaks, 1 MB", () => Text(string.Concat(Enumerable.Repeat("聊城市持续推进高质量发展，", 30_000)) + "稻香节开幕。"), "稻香节", null),
            new("lone surrogates and noncharacters", () => Text(Page("柿子节") + "\uFFFE\uFFFF\U0010FFFF") , "柿子节", null),
            new("zero-width and bidi characters", () => Text(Page("\u200B石榴\u200D节\u202E")), "石榴", null),
        };
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task ABadPageIsIngestedOrReportedAndTheGoodPageBesideItIsIndexed(BadPage bad)
    {
        var logs = new LogCapture();
        using var harness = new IngestionHarness(configure: services => services.AddSingleton<ILoggerProvider>(logs));
        harness.Write("a-good.txt", Page(GoodWord));
        var path = Path.Combine(harness.Pages, "bad.txt");
        await File.WriteAllBytesAsync(path, bad.Bytes());
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));

        var pass = await harness.Ingestor.IngestFolderAsync();

        var searcher = harness.Services.GetRequiredService<ArticleSearcher>();
        Assert.Equal(1, searcher.Search(new SearchRequest(GoodWord)).Total);
        if (bad.Reason is not null)
        {
            var failure = Assert.Single(harness.Status.Failures);
            Assert.Equal("bad.txt", failure.File);
            Assert.Contains(bad.Reason, failure.Reason);
            Assert.Equal((2, 1, 1), (pass.Pages, pass.Ingested, pass.Errors));
            Assert.Contains(logs.Lines, line => line.Contains("bad.txt") && line.Contains(bad.Reason));
        }
        else
        {
            Assert.Empty(harness.Status.Failures);
            Assert.Equal((2, 2, 0), (pass.Pages, pass.Ingested, pass.Errors));
            Assert.True(searcher.Search(new SearchRequest(bad.Word)).Total >= 1, $"{bad.Name}: {bad.Word} is not searchable");
            Assert.All(searcher.ArticlesOfPage("bad.txt"), a => Assert.DoesNotContain('\r', a.Body));
        }
    }

    [Fact]
    public async Task MarkupInAPageIsKeptAsTextNotStripped()
    {
        using var harness = new IngestionHarness();
        harness.Write("markup.txt", "冠县举办葡萄节\n\n本报讯（记者 测试员）近日，<script>alert('x')</script>葡萄节活动在冠县举行。\n");

        await harness.Ingestor.IngestFolderAsync();

        var article = Assert.Single(harness.Services.GetRequiredService<ArticleSearcher>().ArticlesOfPage("markup.txt"));
        Assert.Contains("<script>alert('x')</script>", article.Body);
    }

    [Fact]
    public async Task AFileDeletedBetweenListingAndReadingIsSkippedAndTheOthersIndexed()
    {
        // The stability wait falls between the folder listing and the read: the file goes in that gap.
        using var harness = new IngestionHarness(stableDelay: TimeSpan.FromMilliseconds(800));
        harness.Write("a-good.txt", Page(GoodWord));
        var doomed = harness.Write("doomed.txt", Page("孔雀节"), DateTime.UtcNow);
        harness.Write("z-good.txt", Page("荷花节"));

        var pass = harness.Ingestor.IngestFolderAsync();
        await Task.Delay(200);
        File.Delete(doomed);
        var summary = await pass;
        var next = await harness.Ingestor.IngestFolderAsync();

        var searcher = harness.Services.GetRequiredService<ArticleSearcher>();
        Assert.Equal((3, 2, 1), (summary.Pages, summary.Ingested, summary.Waiting));
        Assert.Equal((2, 0), (next.Pages, next.Errors));
        Assert.Empty(harness.Status.Failures);
        Assert.Equal(1, searcher.Search(new SearchRequest(GoodWord)).Total);
        Assert.Equal(1, searcher.Search(new SearchRequest("荷花节")).Total);
        Assert.Equal(0, searcher.Search(new SearchRequest("孔雀节")).Total);
    }

    [Fact]
    public async Task AFileHeldOpenByAnotherProgramIsReadAndItsDeletionLaterRemovesThePage()
    {
        // On Linux a file can be unlinked while a reader has it open (the ingestor opens with FileShare.Delete); the
        // open reader sees the whole content, and the next pass removes the page whose file is gone.
        using var harness = new IngestionHarness();
        harness.Write("a-good.txt", Page(GoodWord));
        var path = harness.Write("held.txt", Page("孔雀节"));
        await using (var holder = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            var first = await harness.Ingestor.IngestFolderAsync();
            File.Delete(path);
            Assert.Equal(2, first.Ingested);
        }

        var second = await harness.Ingestor.IngestFolderAsync();

        Assert.Equal(1, second.Removed);
        Assert.Equal(0, harness.Services.GetRequiredService<ArticleSearcher>().Search(new SearchRequest("孔雀节")).Total);
    }

    [Fact]
    public async Task AFileStillBeingWrittenWaitsWithoutBlockingTheOthersAndIsIngestedWhole()
    {
        using var harness = new IngestionHarness(stableDelay: TimeSpan.FromMilliseconds(300));
        harness.Write("a-good.txt", Page(GoodWord));
        var growing = Path.Combine(harness.Pages, "growing.txt");
        await File.WriteAllTextAsync(growing, Page("孔雀节"));
        harness.Write("z-good.txt", Page("荷花节"));
        var writer = IngestionHarness.KeepAppending(growing);

        var during = await harness.Ingestor.IngestFolderAsync();
        writer.Dispose();
        await File.AppendAllTextAsync(growing, "\n\n高唐县举办蝴蝶节\n\n本报讯（记者 测试员）最后一段写完了。\n");
        File.SetLastWriteTimeUtc(growing, DateTime.UtcNow.AddMinutes(-1));
        var after = await harness.Ingestor.IngestFolderAsync();

        var searcher = harness.Services.GetRequiredService<ArticleSearcher>();
        Assert.Equal((2, 1, 0), (during.Ingested, during.Waiting, during.Errors));
        Assert.Equal((1, 0), (after.Ingested, after.Waiting));
        Assert.Equal(1, searcher.Search(new SearchRequest("蝴蝶节")).Total);
        Assert.Empty(harness.Status.Failures);
    }

    [Fact]
    public async Task AReportedPageIsRetriedOnceItChangesAndItsFailureCleared()
    {
        using var harness = new IngestionHarness();
        var path = harness.Write("later.txt", "");
        var first = await harness.Ingestor.IngestFolderAsync();
        harness.Write("later.txt", Page("孔雀节"), DateTime.UtcNow.AddSeconds(-30));

        var second = await harness.Ingestor.IngestFolderAsync();

        Assert.Equal(1, first.Errors);
        Assert.Equal((1, 0), (second.Ingested, second.Errors));
        Assert.Empty(harness.Status.Failures);
        Assert.True(File.Exists(path));
    }

    /// <summary>Keeps every formatted log message, to check that failures are logged with file and reason.</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose()
        {
        }

        private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
        }
    }
}

/// <summary>
/// The 20 MB line through the ingestor. It runs alone (a non-parallel collection) so that its CPU does not slow the
/// timed splitter tests running beside it, nor they it.
/// </summary>
[Collection(LargePages.Name)]
public sealed class LargePageTests
{
    [Fact]
    public async Task ATwentyMegabyteSingleLineIsIngestedInBoundedTime()
    {
        using var harness = new IngestionHarness();
        harness.Write("a-good.txt", IngestionHarness.Page("鸵鸟节"));
        var line = new StringBuilder(7_000_000);
        while (line.Length < 6_700_000)
            line.Append("聊城市持续推进高质量发展，全市经济运行稳中有进，");
        line.Append("稻香节开幕。");
        var path = harness.Write("huge.txt", line.ToString());
        Assert.InRange(new FileInfo(path).Length, 20_000_000, 21_000_000);

        var clock = Stopwatch.StartNew();
        var pass = await harness.Ingestor.IngestFolderAsync();
        clock.Stop();

        Assert.Equal((2, 0), (pass.Ingested, pass.Errors));
        var searcher = harness.Services.GetRequiredService<ArticleSearcher>();
        Assert.Equal(1, searcher.Search(new SearchRequest("鸵鸟节")).Total);
        Assert.True(searcher.Search(new SearchRequest("稻香节")).Total >= 1);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"a 20 MB line took {clock.Elapsed}");
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LargePages
{
    public const string Name = "large pages";
}
