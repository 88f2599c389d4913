using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Archive.Web.Tests;

/// <summary>The site end to end on the seed pages: start-up ingestion, search, article pages, the API, health.</summary>
public sealed class SiteTests : IClassFixture<SiteTests.SeededSite>
{
    private readonly SeededSite _site;

    public SiteTests(SeededSite site) => _site = site;

    /// <summary>One site for the whole class: ingesting the seeds once keeps the tests fast.</summary>
    public sealed class SeededSite : IAsyncLifetime
    {
        public TestFolder Folder { get; } = new();
        public ArchiveFactory Factory { get; private set; } = null!;
        public HttpClient Client { get; private set; } = null!;
        public JsonElement Health { get; private set; }

        public async Task InitializeAsync()
        {
            Factory = new ArchiveFactory(Folder);
            Client = Factory.CreateClient();
            Health = await Factory.WaitUntilReadyAsync(Client);
        }

        public async Task DisposeAsync()
        {
            await Factory.DisposeAsync();
            Folder.Dispose();
        }
    }

    [Fact]
    public void StartUpIngestsEverySeedPage()
    {
        var index = _site.Health.GetProperty("index");
        Assert.Equal(5, index.GetProperty("pages").GetInt32());
        Assert.True(index.GetProperty("articles").GetInt32() >= 10, $"expected the seeds to split into articles: {index}");
        Assert.Equal(0, _site.Health.GetProperty("ingestion").GetProperty("failures").GetArrayLength());
    }

    [Fact]
    public async Task HealthReportsAHealthyIndex()
    {
        var response = await _site.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("index").GetProperty("writable").GetBoolean());
    }

    [Fact]
    public async Task SearchingKoiShowsTheGaotangKoiExportArticleFirst()
    {
        var page = await _site.Client.GetDocumentAsync("/search?q=锦鲤");
        var first = page.QuerySelector(".hit .hit-title a");
        Assert.NotNull(first);
        Assert.Contains("锦鲤", first.TextContent);
        Assert.Contains("<mark>锦鲤</mark>", page.QuerySelector(".hit .snippet")!.InnerHtml);
        Assert.Contains("共找到", page.QuerySelector(".results-summary")!.TextContent);
    }

    [Fact]
    public async Task HomePageBrowsesEveryArticleNewestFirst()
    {
        var page = await _site.Client.GetDocumentAsync("/");
        var total = _site.Health.GetProperty("index").GetProperty("articles").GetInt32();
        Assert.Contains($"共 {total} 篇", page.QuerySelector(".results-summary")!.TextContent);
        var dates = page.QuerySelectorAll(".hit time").Select(t => t.GetAttribute("datetime")!).ToList();
        Assert.NotEmpty(dates);
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task ResultsArePagedAndThePagerLinksToTheNextPage()
    {
        var page = await _site.Client.GetDocumentAsync("/search?size=5");
        Assert.Equal(5, page.QuerySelectorAll(".hit").Length);
        var next = page.QuerySelector(".pager a[rel=next]");
        Assert.NotNull(next);
        var second = await _site.Client.GetDocumentAsync(next.GetAttribute("href")!);
        Assert.Equal("2", second.QuerySelector(".pager span[aria-current]")!.TextContent);
        Assert.NotEqual(page.QuerySelector(".hit-title")!.TextContent, second.QuerySelector(".hit-title")!.TextContent);
    }

    [Fact]
    public async Task ArticlePageShowsHeadlineBylineAndParagraphs()
    {
        var api = await _site.Client.GetFromJsonAsync<JsonElement>("/api/search?q=锦鲤");
        var url = api.GetProperty("hits")[0].GetProperty("url").GetString()!;

        var page = await _site.Client.GetDocumentAsync(url + "?q=锦鲤");
        Assert.Contains("锦鲤", page.QuerySelector("article h1")!.TextContent);
        Assert.True(page.QuerySelectorAll(".article-body p").Length >= 1);
        Assert.NotEmpty(page.QuerySelectorAll(".article-body mark"));
        Assert.Contains("聊城报纸档案", page.Title);
    }

    [Fact]
    public async Task ArticlePageLinksItsCountyAndPeopleAndOffersACitationAndRelatedCoverage()
    {
        var api = await _site.Client.GetFromJsonAsync<JsonElement>("/api/search?q=锦鲤");
        var url = api.GetProperty("hits")[0].GetProperty("url").GetString()!;

        var page = await _site.Client.GetDocumentAsync(url);

        Assert.Equal("/counties/" + Uri.EscapeDataString("高唐县"), page.QuerySelector(".article-meta a[href^='/counties/']")!.GetAttribute("href"));
        Assert.Contains(page.QuerySelectorAll(".article-meta .names a"), a => a.TextContent == "孙亚飞" && a.GetAttribute("href") == "/people/" + Uri.EscapeDataString("孙亚飞"));
        var citation = page.QuerySelector("#citation")!.TextContent;
        Assert.StartsWith("孙亚飞", citation);
        Assert.Contains("高唐锦鲤首次“跃”出国门闯中东[N/OL]. 聊城日报, 2025-09-02[", citation);
        Assert.EndsWith(url + ".", citation);
        Assert.EndsWith(url, page.QuerySelector("#permalink")!.GetAttribute("value"));
        Assert.NotEmpty(page.QuerySelectorAll(".related li a"));
        Assert.DoesNotContain(page.QuerySelectorAll(".related li a"), a => a.GetAttribute("href") == url);
        Assert.NotEmpty(page.QuerySelectorAll(".same-page li a"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/article.js']"));
    }

    [Fact]
    public async Task PagesWriteTheirFormsAsTheTemplatesDoAndAVersionedStylesheet()
    {
        var html = await _site.Client.GetStringAsync("/search?q=" + Uri.EscapeDataString("锦鲤"));

        // The form tag helpers are removed (every form is a GET form): the forms are the templates' markup, no token.
        Assert.Contains("<form class=\"search-form\" action=\"/search\" method=\"get\" role=\"search\">", html);
        Assert.Contains("<form class=\"within\" action=\"/search\" method=\"get\">", html);
        Assert.Contains("<form class=\"date-range\" action=\"/search\" method=\"get\">", html);
        Assert.DoesNotContain("__RequestVerificationToken", html);
        // The tag helpers kept still work: "~/" is resolved and the stylesheet carries its version.
        Assert.Matches("<link rel=\"stylesheet\" href=\"/css/site.css\\?v=[\\w-]+\" />", html);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\" />", html);
        Assert.Contains("<head>", html);
        Assert.Contains("<body>", html);
    }

    /// <summary>Why the form tag helpers can be off: they would add an antiforgery token to a POST form only.</summary>
    [Fact]
    public void EveryFormOfTheSiteIsAGetForm()
    {
        var views = Path.Combine(TestFolder.SeedsPath, "..", "src", "Archive.Web", "Views");
        var forms = Directory.EnumerateFiles(views, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), "<form[^>]*>").Select(m => (file, m.Value)))
            .ToList();

        Assert.NotEmpty(forms);
        Assert.All(forms, form => Assert.Contains("method=\"get\"", form.Value));
    }

    [Fact]
    public async Task SearchPageShowsFacetsHistogramAndFiltersThatCanBeRemoved()
    {
        var page = await _site.Client.GetDocumentAsync("/search?q=聊城");
        var county = page.QuerySelectorAll("#facet-county ~ ul a.facet-value").First(a => a.TextContent.Contains("高唐县"));
        Assert.Equal("false", county.GetAttribute("aria-pressed"));

        var filtered = await _site.Client.GetDocumentAsync(county.GetAttribute("href")!);

        Assert.All(filtered.QuerySelectorAll(".hit .county"), c => Assert.Equal("高唐县", c.TextContent));
        var chip = filtered.QuerySelector(".chips a.chip")!;
        Assert.Contains("高唐县", chip.TextContent);
        var cleared = await _site.Client.GetDocumentAsync(chip.GetAttribute("href")!);
        Assert.Equal(page.QuerySelector(".results-summary")!.TextContent, cleared.QuerySelector(".results-summary")!.TextContent);
        Assert.NotNull(page.QuerySelector(".histogram svg a rect.bar"));
    }

    [Fact]
    public async Task ZeroResultsUnderFiltersOfferTheSameWordsWithoutThem()
    {
        var page = await _site.Client.GetDocumentAsync("/search?q=锦鲤&county=莘县");
        Assert.Contains("共找到 0 篇", page.QuerySelector(".results-summary")!.TextContent);
        var link = page.QuerySelector(".empty a")!;
        Assert.Equal("/search?q=锦鲤", link.GetAttribute("href"));
    }

    [Fact]
    public async Task BadParametersAreExplainedNotFailed()
    {
        var page = await _site.Client.GetDocumentAsync("/search?q=锦鲤&from=yesterday&page=-3&sort=best&size=1000&year=abc");
        var notices = string.Join(" ", page.QuerySelectorAll(".notice").Select(n => n.TextContent));
        foreach (var expected in new[] { "from", "page", "排序", "size", "年份" })
            Assert.Contains(expected, notices);
        Assert.NotEmpty(page.QuerySelectorAll(".hit"));
    }

    [Fact]
    public async Task ApiSearchTakesTheSameFiltersAndReturnsFacetsAndHistogram()
    {
        var result = await _site.Client.GetFromJsonAsync<JsonElement>("/api/search?county=高唐县&county=冠县&sort=newest");
        Assert.All(result.GetProperty("hits").EnumerateArray(), h => Assert.Contains(h.GetProperty("county").GetString(), new[] { "高唐县", "冠县" }));
        var counties = result.GetProperty("facets").GetProperty("county").EnumerateArray().ToList();
        Assert.Contains(counties, c => c.GetProperty("value").GetString() == "高唐县" && c.GetProperty("selected").GetBoolean());
        Assert.Contains(counties, c => c.GetProperty("value").GetString() == "聊城市" && !c.GetProperty("selected").GetBoolean());
        Assert.Equal("newest", result.GetProperty("sort").GetString());
        Assert.True(result.GetProperty("histogram").GetArrayLength() >= 1);
    }

    [Fact]
    public async Task ApiSearchReturnsTotalAndHitsWithUrls()
    {
        var result = await _site.Client.GetFromJsonAsync<JsonElement>("/api/search?q=锦鲤&page=1&size=5");
        Assert.True(result.GetProperty("total").GetInt32() >= 1);
        var hit = result.GetProperty("hits")[0];
        foreach (var name in new[] { "id", "headline", "date", "county", "reporters", "snippet", "url" })
            Assert.True(hit.TryGetProperty(name, out _), $"hit lacks {name}: {hit}");
        Assert.StartsWith("/articles/", hit.GetProperty("url").GetString());
    }

    [Fact]
    public async Task ApiReturnsAnArticleById()
    {
        var search = await _site.Client.GetFromJsonAsync<JsonElement>("/api/search?q=锦鲤");
        var id = search.GetProperty("hits")[0].GetProperty("id").GetString()!;
        var article = await _site.Client.GetFromJsonAsync<JsonElement>($"/api/articles/{id}");
        Assert.Equal(id, article.GetProperty("id").GetString());
        Assert.Contains("锦鲤", article.GetProperty("body").GetString());
    }

    [Fact]
    public async Task UnknownArticleIsANotFoundPageAndAProblemInTheApi()
    {
        var page = await _site.Client.GetAsync("/articles/no-such-article");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("找不到", await page.Content.ReadAsStringAsync());

        var api = await _site.Client.GetAsync("/api/articles/no-such-article");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("\"锦鲤")]
    [InlineData("OR")]
    [InlineData("-")]
    [InlineData("！！！。。。")]
    [InlineData("锦鲤 OR")]
    [InlineData("a:b:c (")]
    public async Task AwkwardQueriesGetAnAnswerNotAnError(string query)
    {
        var page = await _site.Client.GetAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var api = await _site.Client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task OverlongQueryIsExplained()
    {
        var page = await _site.Client.GetDocumentAsync("/search?q=" + new string('聊', 1200));
        Assert.Contains("过长", page.QuerySelector(".notice")!.TextContent);
    }

    [Fact]
    public async Task QueryTextIsEncodedInThePage()
    {
        var response = await _site.Client.GetStringAsync("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));
        Assert.DoesNotContain("<script>alert(1)</script>", response);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=聊城")]
    [InlineData("/search?q=聊城&size=100")]
    [InlineData("/counties")]
    [InlineData("/dates")]
    [InlineData("/coverage")]
    [InlineData("/people/薛良诚")]
    public async Task NoPageIsOverAHundredKilobytes(string url)
    {
        var response = await _site.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(bytes < 100 * 1024, $"{url} is {bytes / 1024} KB");
    }

    [Fact]
    public async Task SearchPageExplainsTheQuerySyntax()
    {
        var page = await _site.Client.GetDocumentAsync("/search?q=锦鲤");
        var help = page.QuerySelector("details.syntax-help")!.TextContent;
        foreach (var example in new[] { "OR", "NOT", "标题:", "记者:", "县:", "日期:" })
            Assert.Contains(example, help);
    }

    [Fact]
    public async Task StylesheetIsServedByTheAppItself()
    {
        var page = await _site.Client.GetStringAsync("/");
        Assert.DoesNotContain("https://", page);
        var css = await _site.Client.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }
}
