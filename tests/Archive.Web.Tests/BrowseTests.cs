using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Archive.Web.Tests;

/// <summary>The browse pages on the seed pages: by county, by date, by person, the coverage matrix and the navigation.</summary>
public sealed class BrowseTests : IClassFixture<BrowseTests.SeededSite>
{
    private readonly SeededSite _site;

    public BrowseTests(SeededSite site) => _site = site;

    /// <summary>One site for the whole class: ingesting the seeds once keeps the tests fast.</summary>
    public sealed class SeededSite : IAsyncLifetime
    {
        public TestFolder Folder { get; } = new();
        public ArchiveFactory Factory { get; private set; } = null!;
        public HttpClient Client { get; private set; } = null!;

        /// <summary>A client that shows redirects instead of following them.</summary>
        public HttpClient NoRedirects { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Factory = new ArchiveFactory(Folder);
            Client = Factory.CreateClient();
            NoRedirects = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            await Factory.WaitUntilReadyAsync(Client);
        }

        public async Task DisposeAsync()
        {
            await Factory.DisposeAsync();
            Folder.Dispose();
        }
    }

    private static string Escape(string text) => Uri.EscapeDataString(text);

    private static IEnumerable<string> Hrefs(IDocument page, string selector = "a") =>
        page.QuerySelectorAll(selector).Select(a => a.GetAttribute("href") ?? "");

    [Fact]
    public async Task CountiesPageListsEveryPlaceWithItsCountZerosIncluded()
    {
        var page = await _site.Client.GetDocumentAsync("/counties");
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)page.StatusCode);
        var cards = page.QuerySelectorAll(".county-card")
            .ToDictionary(c => c.QuerySelector(".county-name")!.TextContent, c => int.Parse(c.QuerySelector(".county-count strong")!.TextContent));

        // The gazetteer's eleven county-level units, the city for city-wide stories and 外地.
        Assert.Equal(13, cards.Count);
        Assert.True(cards["高唐县"] >= 1, "the koi story is filed under 高唐县");
        Assert.True(cards["莘县"] >= 1);
        Assert.Contains("聊城市", cards.Keys);
        Assert.Contains("外地", cards.Keys);
        // A place the seeds never report on is listed, marked as uncovered: editors look for exactly these.
        var uncovered = page.QuerySelectorAll(".county-card.uncovered").Select(c => c.QuerySelector(".county-name")!.TextContent).ToList();
        Assert.NotEmpty(uncovered);
        Assert.All(uncovered, name => Assert.Equal(0, cards[name]));
        Assert.Contains($"/counties/{Escape("高唐县")}", Hrefs(page, ".county-name"));
    }

    [Fact]
    public async Task CountyPageShowsTheCountysNewestArticlesWithEveryFacet()
    {
        var page = await _site.Client.GetDocumentAsync($"/counties/{Escape("高唐县")}");
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)page.StatusCode);
        Assert.Equal("高唐县 · 全部报道", page.QuerySelector("h1.page-heading")!.TextContent.Trim());
        var headlines = page.QuerySelectorAll(".hit-title a").Select(a => a.TextContent).ToList();
        Assert.Contains(headlines, h => h.Contains("锦鲤"));
        Assert.All(page.QuerySelectorAll(".hit .county"), county => Assert.Equal("高唐县", county.TextContent));
        var dates = page.QuerySelectorAll(".hit time").Select(t => t.GetAttribute("datetime")!).ToList();
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
        // The county is a selected facet value and the other facets are offered.
        Assert.NotNull(page.QuerySelector(".facet-value.selected"));
        Assert.NotNull(page.QuerySelector("#facet-reporter"));
    }

    [Fact]
    public async Task CountyCountOnTheListEqualsTheCountysPageTotal()
    {
        var list = await _site.Client.GetDocumentAsync("/counties");
        var card = list.QuerySelectorAll(".county-card").Single(c => c.QuerySelector(".county-name")!.TextContent == "临清市");
        var county = await _site.Client.GetDocumentAsync($"/counties/{Escape("临清市")}");
        Assert.Equal(card.QuerySelector(".county-count strong")!.TextContent, county.QuerySelector(".results-summary strong")!.TextContent);
    }

    [Fact]
    public async Task CountyPageKeepsTheOtherParametersOfTheQueryString()
    {
        var page = await _site.Client.GetDocumentAsync($"/counties/{Escape("高唐县")}?q={Escape("锦鲤")}&county={Escape("莘县")}");
        Assert.Contains("锦鲤", page.QuerySelector(".results-summary")!.TextContent);
        Assert.Contains("锦鲤", page.QuerySelector(".hit-title a")!.TextContent);
        // The page's county replaces a county of the query string.
        Assert.All(page.QuerySelectorAll(".hit .county"), county => Assert.Equal("高唐县", county.TextContent));
    }

    [Fact]
    public async Task ShortCountyNameRedirectsToTheFullName()
    {
        var response = await _site.NoRedirects.GetAsync($"/counties/{Escape("高唐")}?sort=oldest");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/counties/{Escape("高唐县")}?sort=oldest", response.Headers.Location!.OriginalString);

        var city = await _site.NoRedirects.GetAsync($"/counties/{Escape("聊城")}");
        Assert.Equal($"/counties/{Escape("聊城市")}", city.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("北京市")]
    [InlineData("全市")]
    public async Task UnknownCountyIsANotFoundPage(string name)
    {
        var page = await _site.Client.GetDocumentAsync($"/counties/{Escape(name)}");
        Assert.Equal(HttpStatusCode.NotFound, (HttpStatusCode)page.StatusCode);
        Assert.Contains(name, page.QuerySelector(".error-page")!.TextContent);
        Assert.Contains("/counties", Hrefs(page, ".error-page a"));
    }

    [Fact]
    public async Task DatesPageShowsTheYearsNewestFirstAndLinksEachIssue()
    {
        var page = await _site.Client.GetDocumentAsync("/dates");
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)page.StatusCode);
        var years = page.QuerySelectorAll(".cal-year").Select(y => y.Id).ToList();
        Assert.Equal(["y2025", "y2024"], years);
        Assert.Equal(12, page.QuerySelectorAll("#y2025 .cal-month").Length);
        var day = page.QuerySelector("#y2025 a[href='/dates/2025-09-02']");
        Assert.NotNull(day);
        Assert.Equal("2", day.TextContent);
        Assert.Contains("篇", day.GetAttribute("title"));
        // Every seed page's date is a linked day.
        Assert.Equal(5, page.QuerySelectorAll(".cal-issue a").Length);
    }

    [Fact]
    public async Task DatesPageCanShowOneYear()
    {
        var page = await _site.Client.GetDocumentAsync("/dates?year=2024");
        Assert.Equal(["y2024"], page.QuerySelectorAll(".cal-year").Select(y => y.Id));
        Assert.Contains("/dates?year=2025", Hrefs(page, ".year-index a"));
    }

    [Fact]
    public async Task DayPageListsItsPagesArticlesInPageOrderWithTheIssuesAround()
    {
        var page = await _site.Client.GetDocumentAsync("/dates/2025-09-02");
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)page.StatusCode);
        Assert.Equal("2025-09-02", page.QuerySelector("h1 time")!.GetAttribute("datetime"));
        var pages = page.QuerySelectorAll(".issue-page");
        Assert.Single(pages);
        var links = pages[0].QuerySelectorAll(".page-articles .headline").ToList();
        Assert.True(links.Count >= 5, $"expected the page's articles, found {links.Count}");
        Assert.Contains(links, a => a.TextContent.Contains("锦鲤"));
        var ids = links.Select(a => a.GetAttribute("href")!).ToList();
        Assert.All(ids, id => Assert.StartsWith("/articles/000_d24397091c98040d-", id));
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal("/dates/2025-08-15", page.QuerySelector(".issue-nav a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector(".issue-nav a[rel=next]"));
    }

    [Theory]
    [InlineData("2025-09-03")]
    [InlineData("2025-13-45")]
    [InlineData("yesterday")]
    [InlineData("2025-9-2")]
    public async Task DayWithoutAnIssueOrAMalformedDateIsANotFoundNotice(string day)
    {
        var page = await _site.Client.GetDocumentAsync($"/dates/{Escape(day)}");
        Assert.Equal(HttpStatusCode.NotFound, (HttpStatusCode)page.StatusCode);
        Assert.Contains(day == "2025-09-03" ? "没有 2025年9月3日" : day, page.QuerySelector(".error-page")!.TextContent);
        Assert.Contains("/dates", Hrefs(page, ".error-page a"));
    }

    [Fact]
    public async Task DayWithoutAnIssueLinksTheNearestIssues()
    {
        var page = await _site.Client.GetDocumentAsync("/dates/2025-09-01");
        var links = Hrefs(page, ".error-page a").ToList();
        Assert.Contains("/dates/2025-08-15", links);
        Assert.Contains("/dates/2025-09-02", links);
    }

    [Fact]
    public async Task PersonPageShowsCountRolesCountiesAndAChartOverTime()
    {
        var name = "薛良诚";
        var api = await _site.Client.GetFromJsonAsync<JsonElement>($"/api/search?q={Escape($"记者:{name}")}");
        var total = api.GetProperty("total").GetInt32();
        Assert.True(total > 1);

        var page = await _site.Client.GetDocumentAsync($"/people/{Escape(name)}");
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)page.StatusCode);
        Assert.Equal(name, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(total.ToString(), page.QuerySelector(".person-facts strong")!.TextContent);
        Assert.Contains("记者", page.QuerySelector(".person-facts .role")!.TextContent);

        var counties = page.QuerySelectorAll(".county-counts a").ToList();
        Assert.Contains(counties, a => a.TextContent.Contains("临清市"));
        Assert.Equal(total, counties.Sum(a => int.Parse(a.QuerySelector(".count")!.TextContent)));
        Assert.All(counties, a =>
        {
            var href = Uri.UnescapeDataString(a.GetAttribute("href")!);
            Assert.StartsWith("/search?", href);
            Assert.Contains("county=", href);
            Assert.Contains(name, href);
        });

        Assert.NotEmpty(page.QuerySelectorAll(".histogram svg rect.bar"));
        Assert.NotEmpty(page.QuerySelectorAll(".person-articles .hit"));
    }

    [Fact]
    public async Task CountyLinksOfAReporterUseTheReporterFacet()
    {
        // 孙亚飞 is only ever credited as a reporter.
        var page = await _site.Client.GetDocumentAsync($"/people/{Escape("孙亚飞")}");
        var href = page.QuerySelector(".county-counts a")!.GetAttribute("href")!;
        Assert.Matches("^/search\\?county=[^&]+&reporter=", href);
        Assert.EndsWith($"reporter={Escape("孙亚飞")}", href);
    }

    [Fact]
    public async Task BylinesOfSearchResultsLinkToThePersonPages()
    {
        var page = await _site.Client.GetDocumentAsync($"/search?q={Escape("锦鲤")}");
        var byline = page.QuerySelector(".hit .byline a");
        Assert.NotNull(byline);
        Assert.Equal($"/people/{Escape(byline.TextContent)}", byline.GetAttribute("href"));
        var person = await _site.Client.GetAsync(byline.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, person.StatusCode);
    }

    [Theory]
    [InlineData("无名氏")]
    [InlineData("记者:孙亚飞")]
    [InlineData("\"孙亚飞\" 高田")]
    public async Task UnknownPersonIsANotFoundPage(string name)
    {
        var page = await _site.Client.GetDocumentAsync($"/people/{Escape(name)}");
        Assert.Equal(HttpStatusCode.NotFound, (HttpStatusCode)page.StatusCode);
        Assert.Contains(name, page.QuerySelector(".error-page")!.TextContent);
    }

    [Fact]
    public async Task MarkupInAPersonNameComesOutEncoded()
    {
        var response = await _site.Client.GetAsync("/people/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)", html);
    }

    [Fact]
    public async Task CoverageMatrixLinksEachCountyMonthToItsArticles()
    {
        var page = await _site.Client.GetDocumentAsync("/coverage");
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)page.StatusCode);
        var cell = page.QuerySelector($"td a[href='/search?county={Escape("高唐县")}&month=2025-09']");
        Assert.NotNull(cell);
        Assert.True(int.Parse(cell.TextContent) >= 1);
        Assert.Matches("^heat-[1-5]$", cell.ParentElement!.ClassName);

        // Rows are the places of /counties in the same order; columns the 24 months up to the newest.
        var rows = page.QuerySelectorAll(".coverage-grid tbody tr:not(.cov-unassigned) th").Select(th => th.TextContent.Trim()).ToList();
        var list = await _site.Client.GetDocumentAsync("/counties");
        Assert.Equal(list.QuerySelectorAll(".county-name").Select(a => a.TextContent), rows);
        var months = page.QuerySelectorAll(".coverage-grid thead th a").Select(a => a.GetAttribute("title")).ToList();
        Assert.Equal(24, months.Count);
        Assert.Equal("2025年9月", months[^1]);

        // Months without articles are marked, not left blank.
        Assert.NotEmpty(page.QuerySelectorAll(".coverage-grid td.heat-0"));
        Assert.NotNull(page.QuerySelector(".coverage-grid th.cov-total"));
    }

    [Fact]
    public async Task CoverageRangeCanBeChosenAndBadValuesAreExplained()
    {
        var year = await _site.Client.GetDocumentAsync("/coverage?from=2024-01&to=2024-12");
        Assert.Equal(12, year.QuerySelectorAll(".coverage-grid thead th a").Length);
        var total = year.QuerySelector(".coverage-grid tfoot .cov-total")!.TextContent;
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)year.StatusCode);
        Assert.True(int.Parse(total) > 0);

        var bad = await _site.Client.GetDocumentAsync("/coverage?from=2024-99&to=soon");
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)bad.StatusCode);
        Assert.Equal(2, bad.QuerySelectorAll(".notice").Length);

        var wide = await _site.Client.GetDocumentAsync("/coverage?from=1990-01&to=2025-12");
        Assert.Single(wide.QuerySelectorAll(".notice"));
        Assert.Equal(48, wide.QuerySelectorAll(".coverage-grid thead th a").Length);
    }

    [Fact]
    public async Task HeaderNavigationLinksTheBrowsePagesAndMarksTheCurrentOne()
    {
        var page = await _site.Client.GetDocumentAsync("/dates");
        var nav = page.QuerySelectorAll(".site-nav a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("检索", "/search"), ("按区县", "/counties"), ("按日期", "/dates"), ("覆盖", "/coverage")], nav);
        Assert.Equal("按日期", page.QuerySelector(".site-nav a[aria-current=page]")!.TextContent);
    }

    [Theory]
    [InlineData("/counties")]
    [InlineData("/counties/%E8%81%8A%E5%9F%8E%E5%B8%82")]
    [InlineData("/dates")]
    [InlineData("/dates/2024-01-29")]
    [InlineData("/people/%E8%96%9B%E8%89%AF%E8%AF%9A")]
    [InlineData("/coverage")]
    [InlineData("/coverage?from=2022-01&to=2025-12")]
    public async Task BrowsePagesAreSmallAndHaveNoInlineScriptOrStyle(string url)
    {
        var response = await _site.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Length < 100_000, $"{url} is {html.Length} characters of HTML");
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html);
    }
}
