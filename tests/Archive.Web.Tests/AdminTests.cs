using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Web.Security;
using Microsoft.Extensions.Options;

namespace Archive.Web.Tests;

/// <summary>The admin actions: absent without a configured key, refused without the right one, working with it.</summary>
public sealed class AdminTests(HostileSite site) : IClassFixture<HostileSite>
{
    [Fact]
    public async Task AdminActionsDoNotExistWithoutAConfiguredKey()
    {
        using var folder = new TestFolder(withSeeds: false);
        await using var factory = new ArchiveFactory(folder);
        using var client = factory.CreateClient();

        var page = await client.GetAsync("/admin/ingestion?key=" + HostileSite.AdminKey);
        var rescan = await client.SendAsync(WithKey(HttpMethod.Post, "/admin/rescan", HostileSite.AdminKey));
        var reindex = await client.SendAsync(WithKey(HttpMethod.Post, "/admin/reindex", HostileSite.AdminKey));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rescan.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reindex.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/admin/ingestion")]
    [InlineData("POST", "/admin/rescan")]
    [InlineData("POST", "/admin/reindex")]
    [InlineData("GET", "/admin/reindex")]
    public async Task WithoutAKeyTheAdminActionsAreUnauthorized(string method, string url)
    {
        var response = await site.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(AdminOptions.KeyHeader, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("GET", "/admin/ingestion", "wrong")]
    [InlineData("GET", "/admin/ingestion", HostileSite.AdminKey + "0")]
    [InlineData("GET", "/admin/ingestion", "0123456789abcdef0123456789abcdeF")]
    [InlineData("POST", "/admin/rescan", "0123456789abcdef")]
    [InlineData("POST", "/admin/reindex", "0123456789abcdef")]
    public async Task AWrongKeyIsForbidden(string method, string url, string key)
    {
        var response = await site.Client.SendAsync(WithKey(new HttpMethod(method), url, key));
        var byQuery = await site.Client.GetAsync("/admin/ingestion?key=" + Uri.EscapeDataString(key));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byQuery.StatusCode);
        Assert.DoesNotContain("导入状态", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheIngestionPageShowsPhaseLastPassFailuresAndIndexWithTheKey()
    {
        var health = await site.Client.GetFromJsonAsync<JsonElement>("/health");

        var response = await site.Client.SendAsync(WithKey(HttpMethod.Get, "/admin/ingestion", HostileSite.AdminKey));
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("Watching", page.QuerySelector("[data-phase]")!.GetAttribute("data-phase"));
        Assert.Contains($"{health.GetProperty("index").GetProperty("articles").GetInt32()} 篇", page.QuerySelector(".index-stats")!.TextContent);
        Assert.NotNull(page.QuerySelector(".admin-pass"));
        Assert.Contains("没有", page.QuerySelector(".none")!.TextContent);
        XssTests.AssertInert(page);
    }

    [Fact]
    public async Task TheKeyMayComeInTheQueryForTheReadOnlyPageButNotForTheRescan()
    {
        var page = await site.Client.GetAsync("/admin/ingestion?key=" + HostileSite.AdminKey);
        var rescan = await site.Client.PostAsync("/admin/rescan?key=" + HostileSite.AdminKey, null);
        var reindex = await site.Client.PostAsync("/admin/reindex?key=" + HostileSite.AdminKey, null);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, rescan.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reindex.StatusCode);
    }

    [Fact]
    public async Task ARescanRequestRunsAFullPassAtOnce()
    {
        // The fixture rescans hourly, so a new pass within seconds is the request's doing.
        var before = await LastPassAsync();

        var response = await site.Client.SendAsync(WithKey(HttpMethod.Post, "/admin/rescan", HostileSite.AdminKey));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requested").GetBoolean());
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await LastPassAsync() == before)
        {
            Assert.True(DateTime.UtcNow < deadline, "no pass followed the rescan request");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task ARescanOnASiteThatDoesNotIngestIsAConflict()
    {
        using var folder = new TestFolder(withSeeds: false);
        await using var factory = new ArchiveFactory(folder, ingestion: false, settings: new Dictionary<string, string?> { ["Archive:Admin:Key"] = HostileSite.AdminKey });
        using var client = factory.CreateClient();
        // The read-only site's refresh service marks ingestion as done elsewhere as it starts.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await (await client.GetAsync("/health")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ingestion").GetProperty("phase").GetString() != "Disabled")
        {
            Assert.True(DateTime.UtcNow < deadline, "the read-only site did not start");
            await Task.Delay(50);
        }

        var response = await client.SendAsync(WithKey(HttpMethod.Post, "/admin/rescan", HostileSite.AdminKey));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public void AShortKeyStopsStartUpWithTheSettingsName()
    {
        var validator = new AdminOptionsValidator();

        var result = validator.Validate(null, new AdminOptions { Key = "secret" });

        Assert.True(result.Failed);
        Assert.Contains("Archive:Admin:Key", result.FailureMessage);
        Assert.True(validator.Validate(null, new AdminOptions { Key = "" }).Succeeded);
        Assert.True(validator.Validate(null, new AdminOptions { Key = HostileSite.AdminKey }).Succeeded);
    }

    [Fact]
    public void KeysAreComparedWholeAndExactly()
    {
        Assert.True(AdminKeyAttribute.Matches(HostileSite.AdminKey, HostileSite.AdminKey));
        Assert.False(AdminKeyAttribute.Matches(HostileSite.AdminKey[..^1], HostileSite.AdminKey));
        Assert.False(AdminKeyAttribute.Matches(HostileSite.AdminKey + " ", HostileSite.AdminKey));
        Assert.False(AdminKeyAttribute.Matches("", HostileSite.AdminKey));
    }

    private async Task<string> LastPassAsync()
    {
        var health = await site.Client.GetFromJsonAsync<JsonElement>("/health");
        return health.GetProperty("ingestion").GetProperty("lastPass").GetProperty("finishedAt").GetString()!;
    }

    private static HttpRequestMessage WithKey(HttpMethod method, string url, string key)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add(AdminOptions.KeyHeader, key);
        return request;
    }
}
