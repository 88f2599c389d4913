using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Web.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Archive.Web.Tests;

/// <summary>
/// Rate limits per client and policy (pages, API, exports), with tiny limits: the request over the limit is refused
/// with 429, a Retry-After and a message saying when to come back; the policies count separately.
/// </summary>
public sealed class RateLimitTests
{
    private static Dictionary<string, string?> Limits(int search, int api, int export, bool enabled = true) => new()
    {
        ["Archive:RateLimits:Enabled"] = enabled ? "true" : "false",
        ["Archive:RateLimits:Search:PermitLimit"] = search.ToString(),
        ["Archive:RateLimits:Search:Window"] = "00:10:00",
        ["Archive:RateLimits:Api:PermitLimit"] = api.ToString(),
        ["Archive:RateLimits:Api:Window"] = "00:10:00",
        ["Archive:RateLimits:Export:PermitLimit"] = export.ToString(),
        ["Archive:RateLimits:Export:Window"] = "00:10:00",
    };

    [Fact]
    public async Task PagesOverTheLimitGetAChinesePageWithRetryAfter()
    {
        using var folder = new TestFolder(withSeeds: false);
        await using var factory = new ArchiveFactory(folder, settings: Limits(search: 3, api: 100, export: 100));
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        foreach (var url in new[] { "/", "/search?q=a", "/counties", "/dates" })
            statuses.Add((await client.GetAsync(url)).StatusCode);
        var refused = await client.GetAsync("/coverage");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter.TotalSeconds, 1, 600);
        Assert.Equal("text/html", refused.Content.Headers.ContentType!.MediaType);
        var page = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Equal("请求过于频繁", page.QuerySelector("h1")!.TextContent);
        Assert.Contains($"请 {(int)retryAfter.TotalSeconds} 秒后再试", page.QuerySelector(".error-page")!.TextContent);
        Assert.Contains("每 10 分钟最多 3 次", page.QuerySelector(".error-page")!.TextContent);
        Assert.Matches("^[0-9a-f]{32}$", page.QuerySelector(".trace code")!.TextContent);
        XssTests.AssertInert(page);
    }

    [Fact]
    public async Task TheApiOverItsLimitGetsAProblemWithRetryAfter()
    {
        using var folder = new TestFolder(withSeeds: false);
        await using var factory = new ArchiveFactory(folder, settings: Limits(search: 100, api: 2, export: 100));
        using var client = factory.CreateClient();

        await client.GetAsync("/api/search?q=a");
        await client.GetAsync("/api/articles/x");
        var refused = await client.GetAsync("/api/search?q=b");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("秒后再试", problem.GetProperty("detail").GetString());
        Assert.Equal("api", problem.GetProperty("policy").GetString());
        Assert.Matches("^[0-9a-f]{32}$", problem.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task ExportsHaveTheirOwnStricterLimitAndDoNotUseUpThePages()
    {
        using var folder = new TestFolder(withSeeds: false);
        await using var factory = new ArchiveFactory(folder, settings: Limits(search: 5, api: 5, export: 1));
        using var client = factory.CreateClient();

        var first = await client.GetAsync("/export?format=csv");
        var second = await client.GetAsync("/api/export?format=json");
        var page = await client.GetAsync("/search");
        var api = await client.GetAsync("/api/search");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("export", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("policy").GetString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task HealthAndStaticFilesAreNeverLimited()
    {
        using var folder = new TestFolder(withSeeds: false);
        await using var factory = new ArchiveFactory(folder, settings: Limits(search: 1, api: 1, export: 1));
        using var client = factory.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/site.css")).StatusCode);
        }
    }

    [Fact]
    public async Task LimitsCanBeTurnedOff()
    {
        using var folder = new TestFolder(withSeeds: false);
        await using var factory = new ArchiveFactory(folder, settings: Limits(search: 1, api: 1, export: 1, enabled: false));
        using var client = factory.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/export?format=ris")).StatusCode);
        }
    }

    [Theory]
    [InlineData("Archive:RateLimits:Export:PermitLimit", "0")]
    [InlineData("Archive:RateLimits:Api:PermitLimit", "-5")]
    [InlineData("Archive:RateLimits:Search:Window", "00:00:00")]
    public void AWrongLimitIsRefusedAtStartUpWithTheSettingsName(string setting, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(setting, value)]).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddArchiveRateLimiting().BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RateLimitOptions>>().Value);

        Assert.Contains(error.Failures, failure => failure.Contains(setting));
    }
}
