using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;

namespace Archive.Web.Tests;

/// <summary>
/// Output encoding: markup from queries, filter values, page files (headline, byline, body) and file names reaches the
/// HTML only as text. Each test reads the page as a browser would (AngleSharp) and finds no element or attribute that
/// the probe could have created.
/// </summary>
public sealed class XssTests(HostileSite site) : IClassFixture<HostileSite>
{
    public static TheoryData<string> Probes() => new()
    {
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "javascript:alert(1)",
        "</textarea><script>alert(1)</script>",
    };

    [Theory]
    [MemberData(nameof(Probes))]
    public async Task ProbesInTheQueryComeOutAsText(string probe)
    {
        var url = "/search?q=" + Uri.EscapeDataString(probe);
        var page = await site.Client.GetDocumentAsync(url);

        AssertInert(page);
        Assert.Equal(probe, page.QuerySelector("#q")!.GetAttribute("value"));
    }

    [Theory]
    [MemberData(nameof(Probes))]
    public async Task ProbesInFilterValuesComeOutAsText(string probe)
    {
        var value = Uri.EscapeDataString(probe);
        foreach (var url in new[]
        {
            $"/search?county={value}&reporter={value}&correspondent={value}&kind={value}&year={value}&month={value}&from={value}&sort={value}&page={value}&size={value}",
            $"/counties/{value}",
            $"/people/{value}",
            $"/dates/{value}",
            $"/coverage?from={value}&to={value}",
            $"/articles/{value}",
        })
        {
            var page = await site.Client.GetDocumentAsync(url);
            AssertInert(page, url);
        }
    }

    [Fact]
    public async Task SelectedFilterValuesAreShownAsTextInTheirChips()
    {
        var probe = "<script>alert(1)</script>";
        var page = await site.Client.GetDocumentAsync("/search?reporter=" + Uri.EscapeDataString(probe));
        AssertInert(page);
        Assert.Contains(page.QuerySelectorAll(".chips .chip"), chip => chip.TextContent.Contains(probe));
    }

    [Theory]
    [InlineData("/search?q=%E9%B8%B5%E9%B8%9F%E8%8A%82")]   // 鸵鸟节: the hostile articles as hits, snippets marked
    [InlineData("/search?q=%E5%AD%94%E9%9B%80%E8%8A%82")]   // 孔雀节
    [InlineData("/search?q=%E9%94%A6%E9%B2%A4")]             // 锦鲤: the hostile file name's article among the seeds'
    [InlineData("/search?sort=newest")]
    [InlineData("/counties")]
    [InlineData("/counties/%E5%86%A0%E5%8E%BF")]             // 冠县
    [InlineData("/people/%E7%8E%8B%E5%B0%8F%E4%BA%94")]       // 王小五, whose article's headline carries <svg onload>
    [InlineData("/coverage")]
    [InlineData("/dates")]
    [InlineData("/dates/" + HostileSite.Day)]
    public async Task PagesListingHostileArticlesShowTheirMarkupAsText(string url)
    {
        var page = await site.Client.GetDocumentAsync(url);

        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)page.StatusCode);
        AssertInert(page, url);
    }

    [Fact]
    public async Task DayPageShowsTheHostileHeadlinesAsText()
    {
        var page = await site.Client.GetDocumentAsync("/dates/" + HostileSite.Day);
        var text = page.Body!.TextContent;
        Assert.Contains("\"><svg onload=alert(3)>", text);
        AssertInert(page);
    }

    [Fact]
    public async Task ArticleTextWithScriptIsShownAsTextOnTheArticlePage()
    {
        foreach (var id in await IdsAsync("鸵鸟节 OR 孔雀节 OR 锦鲤"))
        {
            var page = await site.Client.GetDocumentAsync($"/articles/{Uri.EscapeDataString(id)}?q={Uri.EscapeDataString("鸵鸟节 <script>")}");
            Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)page.StatusCode);
            AssertInert(page, id);
        }

        var probe = (await IdsAsync("鸵鸟节")).First();
        var article = await site.Client.GetDocumentAsync($"/articles/{Uri.EscapeDataString(probe)}");
        Assert.Contains("<script>alert('body')</script>", article.QuerySelector(".article-body")!.TextContent);
        Assert.Contains("<script>alert(1)</script>", article.QuerySelector("article")!.TextContent);
        Assert.Contains("<script>x</script>", article.QuerySelector("article")!.TextContent);
    }

    [Fact]
    public async Task AFileNameWithMarkupGivesASafeIdAndIsShownAsText()
    {
        // The splitter derives ids from file names keeping only letters, digits, '_' and '-', so ids are safe in URLs.
        var ids = await IdsAsync("鸵鸟节 OR 孔雀节 OR 锦鲤");
        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9_-]+$", id));
        var hostile = ids.Single(id => id.StartsWith("x_", StringComparison.Ordinal));

        var article = await site.Client.GetDocumentAsync($"/articles/{hostile}");

        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)article.StatusCode);
        AssertInert(article);
        Assert.Contains(HostileSite.HostileFileName, article.Body!.TextContent);
        Assert.Contains("高唐县<i>锦鲤</i>再出口", article.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task TheJsonApiReturnsMarkupRawButAsJsonThatBrowsersWillNotSniff()
    {
        var response = await site.Client.GetAsync("/api/search?q=" + Uri.EscapeDataString("鸵鸟节 <script>alert(1)</script>"));
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        // Snippets are HTML by contract (matches in <mark>): the article's own markup in them must be encoded.
        var snippets = json.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("snippet").GetString()!).ToList();
        Assert.NotEmpty(snippets);
        Assert.All(snippets, s => Assert.DoesNotContain("<script", s, StringComparison.OrdinalIgnoreCase));
        Assert.All(snippets, s => Assert.DoesNotContain("<img", s, StringComparison.OrdinalIgnoreCase));

        var id = json.GetProperty("hits")[0].GetProperty("id").GetString()!;
        var article = await site.Client.GetAsync($"/api/articles/{Uri.EscapeDataString(id)}");
        Assert.Equal("application/json", article.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", article.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("<script>", (await article.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("body").GetString());
    }

    private async Task<List<string>> IdsAsync(string query)
    {
        var json = await site.Client.GetFromJsonAsync<JsonElement>("/api/search?size=100&q=" + Uri.EscapeDataString(query));
        return json.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();
    }

    /// <summary>No element or attribute a probe could have made: only the site's own external scripts, no event handlers, no injected tags.</summary>
    internal static void AssertInert(IDocument page, string? what = null)
    {
        what ??= page.Url;
        Assert.All(page.QuerySelectorAll("script"), script => Assert.StartsWith("/js/", script.GetAttribute("src") ?? "(inline)"));
        foreach (var element in page.All)
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(element.Attributes, a => a.Name is "href" or "src" or "action" or "formaction"
                && a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        }
        Assert.True(page.QuerySelectorAll("img, iframe, object, embed, svg[onload], b, i").Length == 0,
            $"{what}: injected elements {string.Join(", ", page.QuerySelectorAll("img, iframe, object, embed, b, i").Select(e => e.OuterHtml))}");
    }
}
