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

    [Fact]
    public async Task StylesheetIsServedByTheAppItself()
    {
        var page = await _site.Client.GetStringAsync("/");
        Assert.DoesNotContain("https://", page);
        var css = await _site.Client.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }
}
