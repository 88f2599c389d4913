using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Archive.BrowserTests;

/// <summary>What a journalist does in the browser: search, narrow, read, follow, come back, export.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchJourneyTests(BrowserFixture site)
{
    [Fact]
    public async Task SearchThenFacetThenArticleThenRelatedThenBack()
    {
        await using var browser = await site.NewPageAsync();
        var page = browser.Page;
        await page.GotoAsync("/");
        await page.FillAsync("#q", "聊城");
        await page.PressAsync("#q", "Enter");
        await page.WaitForURLAsync(new Regex("/search\\?q="));

        await page.Locator("#facet-county ~ ul a.facet-value", new() { HasText = "高唐县" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("county="));
        var counties = await page.Locator(".hit .county").AllTextContentsAsync();
        Assert.NotEmpty(counties);
        Assert.All(counties, c => Assert.Equal("高唐县", c));

        await page.Locator(".hit-title a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/articles/"));
        var headline = await page.Locator("article h1").TextContentAsync();
        var articleUrl = page.Url;

        await page.Locator(".related li a").First.ClickAsync();
        await page.WaitForURLAsync(url => url != articleUrl);
        Assert.NotEqual(headline, await page.Locator("article h1").TextContentAsync());

        await page.GoBackAsync();
        Assert.Equal(articleUrl, page.Url);
        Assert.Equal(headline, await page.Locator("article h1").TextContentAsync());
        browser.AssertNoErrors();
    }

    [Fact]
    public async Task ClickingAHistogramBarNarrowsTheDateRange()
    {
        await using var browser = await site.NewPageAsync();
        var page = browser.Page;
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("聊城"));
        var total = await page.Locator(".results-summary strong").TextContentAsync();

        var bar = page.Locator(".histogram svg a").Filter(new() { Has = page.Locator("rect.bar[height]:not([height='0'])") }).First;
        await bar.ClickAsync();

        await page.WaitForURLAsync(new Regex("from=\\d{4}-\\d\\d-\\d\\d&to="));
        Assert.Contains("日期", await page.Locator(".chips").TextContentAsync());
        Assert.True(int.Parse((await page.Locator(".results-summary strong").TextContentAsync())!) <= int.Parse(total!));
        browser.AssertNoErrors();
    }

    [Fact]
    public async Task ExportDownloadsACsvThatExcelReadsWithEveryHit()
    {
        await using var browser = await site.NewPageAsync();
        var page = browser.Page;
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("聊城"));
        var total = int.Parse((await page.Locator(".results-summary strong").TextContentAsync())!);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".export a", new() { HasText = "CSV（Excel）" }).ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);

        Assert.EndsWith(".csv", download.SuggestedFilename);
        Assert.True(bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]), "Excel needs the UTF-8 BOM to read Chinese");
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("锦鲤", text);
        using var reader = new StringReader(text.TrimStart('\uFEFF'));
        var ids = new HashSet<string>();
        while (reader.ReadLine() is { } line)
        {
            var match = Regex.Match(line, "^\"?(\\d{3}_[0-9a-f]{16}-\\d\\d)\"?,");
            if (match.Success) ids.Add(match.Groups[1].Value);
        }
        Assert.Equal(total, ids.Count);
        browser.AssertNoErrors();
    }

    [Fact]
    public async Task CitationCopyButtonAnswers()
    {
        await using var browser = await site.NewPageAsync();
        await browser.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = browser.Page;
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("锦鲤"));
        await page.Locator(".hit-title a").First.ClickAsync();

        await page.Locator("button.copy[data-copy='citation']").ClickAsync();

        await Assertions.Expect(page.Locator("button.copy[data-copy='citation']")).ToHaveTextAsync("已复制");
        Assert.Contains("[N/OL]", await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        browser.AssertNoErrors();
    }

    [Fact]
    public async Task PhoneWidthShowsResultsWithoutSidewaysScrolling()
    {
        await using var browser = await site.NewPageAsync(width: 390, height: 844);
        var page = browser.Page;
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("锦鲤"));

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"the page is {scrollWidth} px wide on a 390 px phone");
        Assert.True(await page.Locator(".hit").CountAsync() >= 1);

        var shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(shots);
        var file = Path.Combine(shots, "search-phone.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 10_000);
        browser.AssertNoErrors();
    }
}
