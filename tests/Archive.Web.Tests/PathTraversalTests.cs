using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Archive.Web.Tests;

/// <summary>
/// Ids, names, dates and formats from requests never reach the file system: each is looked up in the index, in a fixed
/// list or parsed, so traversal sequences are 404 or 400 and nothing outside wwwroot is served. The requests go over a
/// socket to Kestrel exactly as written, because HttpClient (and the in-memory test server) resolve "../" first.
/// </summary>
public sealed class PathTraversalTests(KestrelSite site) : IClassFixture<KestrelSite>
{
    [Theory]
    [InlineData("/articles/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/articles/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd")]
    [InlineData("/articles/..%5C..%5Cappsettings.json")]
    [InlineData("/articles/....%2F%2F....%2F%2Fetc%2Fpasswd")]
    [InlineData("/articles/%252e%252e%252fetc%252fpasswd")]
    [InlineData("/articles/../../etc/passwd")]
    [InlineData("/articles/%00")]
    [InlineData("/api/articles/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/api/articles/../../../etc/passwd")]
    [InlineData("/dates/../../x")]
    [InlineData("/dates/..%2F..%2Fx")]
    [InlineData("/dates/2025-09-02%2F..%2F..%2Fetc")]
    [InlineData("/people/..%2f")]
    [InlineData("/people/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/counties/..%2F..%2Fappsettings.json")]
    [InlineData("/css/..%2F..%2Fappsettings.json")]
    [InlineData("/css/../../appsettings.json")]
    [InlineData("/css/..%5C..%5Cappsettings.json")]
    [InlineData("/%2e%2e/appsettings.json")]
    [InlineData("/..%2fappsettings.json")]
    [InlineData("/../../../../etc/passwd")]
    [InlineData("/js/..%2f..%2fArchive.Web.dll")]
    [InlineData("/appsettings.json")]
    [InlineData("/Archive.Web.dll")]
    public async Task TraversalInAPathIsNotFound(string target)
    {
        var (status, body) = await SendRawAsync(target);

        Assert.True(status is 400 or 404, $"{target}: {status}");
        AssertNothingLeaked(body, target);
    }

    [Theory]
    [InlineData("/articles/..")]
    [InlineData("/counties/..")]
    [InlineData("/people/../counties/..")]
    public async Task DotSegmentsAreResolvedWithinTheSiteBeforeRouting(string target)
    {
        // Kestrel removes dot segments before routing, and never above the root: these are the home page.
        var (status, body) = await SendRawAsync(target);

        Assert.Equal(200, status);
        Assert.Contains("results-summary", body);
        AssertNothingLeaked(body, target);
    }

    [Theory]
    [InlineData("/export?format=../../x")]
    [InlineData("/export?format=..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/api/export?format=%2Fetc%2Fpasswd")]
    [InlineData("/export?format=csv%00.txt")]
    public async Task AnExportFormatThatIsAPathIsABadRequest(string target)
    {
        var (status, body) = await SendRawAsync(target);

        Assert.Equal(400, status);
        AssertNothingLeaked(body, target);
    }

    [Theory]
    [InlineData("/export?format=csv&county=..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/export?format=json&reporter=..%2F..%2Fappsettings.json&q=..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/search?q=..%2F..%2Fetc%2Fpasswd&county=..%2F..")]
    [InlineData("/api/search?q=..%2F..%2Fetc%2Fpasswd&reporter=..%2F..")]
    public async Task PathsInSearchParametersAreOnlyTextToSearchFor(string target)
    {
        var (status, body) = await SendRawAsync(target);

        Assert.Equal(200, status);
        AssertNothingLeaked(body, target);
    }

    [Fact]
    public async Task ARedirectOfAShortCountyNameStaysOnThisSite()
    {
        // The short-name redirect builds its target from the directory's name, never from the request's path.
        var (status, response) = await SendRawAsync("/counties/%E9%AB%98%E5%94%90?x=//evil.example");

        Assert.Equal(301, status);
        Assert.Contains("\r\nLocation: /counties/%E9%AB%98%E5%94%90%E5%8E%BF?x=//evil.example\r\n", response);
    }

    /// <summary>One HTTP/1.1 request with the target exactly as given; the status and the whole response (headers and body).</summary>
    private async Task<(int Status, string Response)> SendRawAsync(string target)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(site.Address.Host, site.Address.Port);
        await using var stream = tcp.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.Split(' ', 3)[1]);
        return (status, response);
    }

    private static void AssertNothingLeaked(string response, string target)
    {
        foreach (var secret in new[] { "root:x:0:0", "\"Serilog\"", "\"PagesPath\"", "This program cannot be run in DOS mode" })
            Assert.False(response.Contains(secret, StringComparison.Ordinal), $"{target} returned {secret}");
    }
}
