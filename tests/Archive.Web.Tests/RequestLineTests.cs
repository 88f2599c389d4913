using System.Net;
using AngleSharp.Html.Parser;

namespace Archive.Web.Tests;

/// <summary>
/// The longest query the site accepts, and queries several times longer, get through Kestrel to the site, which
/// explains the limit, instead of being refused by Kestrel's request-line limit with a bare 414 (the in-memory test
/// server has no such limit, so this runs on a real port).
/// </summary>
public sealed class RequestLineTests(KestrelSite site) : IClassFixture<KestrelSite>
{
    [Theory]
    [InlineData(1000, null)]
    [InlineData(1001, "检索式过长（1001 字），最多 1000 字")]
    // 45 KB of URL: a whole article pasted into the address bar (Kestrel's default limit is 8 KB).
    [InlineData(5000, "检索式过长（5000 字），最多 1000 字")]
    public async Task AQueryOfTheLongestLengthReachesTheSite(int length, string? notice)
    {
        using var client = new HttpClient { BaseAddress = site.Address };
        var query = Uri.EscapeDataString(new string('聊', length));

        using var response = await client.GetAsync($"/search?q={query}&county=%E5%86%A0%E5%8E%BF&sort=newest");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("input[name=q]"));
        if (notice is not null) Assert.Contains(notice, page.QuerySelector(".notice")!.TextContent);
    }
}
