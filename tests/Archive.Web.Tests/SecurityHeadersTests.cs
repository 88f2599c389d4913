using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace Archive.Web.Tests;

/// <summary>Security headers on every kind of response, HSTS over HTTPS, and trace ids that the log also has.</summary>
public sealed class SecurityHeadersTests(HostileSite site) : IClassFixture<HostileSite>
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/search?q=%E9%94%A6%E9%B2%A4", HttpStatusCode.OK)]
    [InlineData("/counties", HttpStatusCode.OK)]
    [InlineData("/api/search?q=%E9%94%A6%E9%B2%A4", HttpStatusCode.OK)]
    [InlineData("/api/articles/none", HttpStatusCode.NotFound)]
    [InlineData("/export?format=csv", HttpStatusCode.OK)]
    [InlineData("/export?format=pdf", HttpStatusCode.BadRequest)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/js/article.js", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/admin/ingestion", HttpStatusCode.Unauthorized)]
    public async Task EveryResponseCarriesTheSecurityHeaders(string url, HttpStatusCode status)
    {
        var response = await site.Client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(Policy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains(Header(response, "Referrer-Policy"), new[] { "strict-origin-when-cross-origin", "no-referrer" });
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
    }

    [Fact]
    public async Task HstsIsSentOverHttpsOutsideDevelopment()
    {
        using var https = site.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://archive.example") });
        var response = await https.GetAsync("/");
        Assert.StartsWith("max-age=", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task NotFoundPageShowsATraceIdThatTheRequestLogLineHas()
    {
        var path = "/no-such-page-" + Guid.NewGuid().ToString("N");
        var page = await site.Client.GetDocumentAsync(path);
        var traceId = page.QuerySelector(".trace code")!.TextContent;

        Assert.Matches("^[0-9a-f]{32}$", traceId);
        var line = await RequestLineAsync(site.Factory, traceId);
        Assert.Equal(traceId, line.TraceId?.ToHexString());
        Assert.Equal("404", line.Properties["StatusCode"].ToString());
        Assert.Contains($"\"{path}\" responded 404", line.RenderMessage());
        Assert.EndsWith($"(trace \"{traceId}\")", line.RenderMessage());
        // One line per request: the error page's re-execution is not logged as a request of its own.
        Assert.Single(site.Factory.Logs.Events, e => e.TraceId?.ToHexString() == traceId && e.Properties.ContainsKey("Elapsed"));
    }

    [Fact]
    public async Task ProblemDetailsCarryTheTraceIdThatTheRequestLogLineHas()
    {
        var response = await site.Client.GetAsync("/api/articles/none-" + Guid.NewGuid().ToString("N"));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var traceId = problem.GetProperty("traceId").GetString()!;

        Assert.Matches("^[0-9a-f]{32}$", traceId);
        var line = await RequestLineAsync(site.Factory, traceId);
        Assert.Equal("404", line.Properties["StatusCode"].ToString());
    }

    [Fact]
    public async Task AnUnhandledErrorShowsNoStackTraceAndATraceIdThatTheErrorLogHas()
    {
        using var folder = new TestFolder(withSeeds: false);
        await using var failing = new ArchiveFactory(folder);
        await using var factory = failing.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FailingEndpoints>()));
        using var client = factory.CreateClient();

        var page = await client.GetAsync("/test/fail");
        var html = await page.Content.ReadAsStringAsync();
        var api = await client.GetAsync("/api/test/fail");
        var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.DoesNotContain(FailingEndpoints.Secret, html);
        Assert.DoesNotContain("   at ", html);
        Assert.Equal(Policy, Header(page, "Content-Security-Policy"));
        var pageTrace = (await Html.ParseAsync(html)).QuerySelector(".trace code")!.TextContent;
        var error = await failing.Logs.WaitForAsync(e => e.TraceId?.ToHexString() == pageTrace && e.Exception is not null, "with the exception");
        Assert.Contains(FailingEndpoints.Secret, error.Exception!.Message);
        Assert.Equal("500", (await RequestLineAsync(failing, pageTrace)).Properties["StatusCode"].ToString());

        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain(FailingEndpoints.Secret, problem.ToString());
        var apiTrace = problem.GetProperty("traceId").GetString()!;
        await failing.Logs.WaitForAsync(e => e.TraceId?.ToHexString() == apiTrace && e.Exception is not null, "with the API's exception");
    }

    [Fact]
    public async Task TheJsonLogCarriesTheTraceIdOfEachRequest()
    {
        var response = await site.Client.GetAsync("/api/articles/none-" + Guid.NewGuid().ToString("N"));
        var traceId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("traceId").GetString()!;
        var line = await RequestLineAsync(site.Factory, traceId);

        // As the file sink writes it (appsettings.json: CompactJsonFormatter).
        using var text = new StringWriter();
        new Serilog.Formatting.Compact.CompactJsonFormatter().Format(line, text);
        var json = JsonDocument.Parse(text.ToString()).RootElement;
        Assert.True(json.TryGetProperty("@tr", out _), text.ToString());
        Assert.Equal(traceId, json.GetProperty("@tr").GetString());
        Assert.True(json.TryGetProperty("Trace", out var property), text.ToString());
        Assert.Equal(traceId, property.GetString());
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage!.RequestUri} has no {name} header");

    private static Task<LogEvent> RequestLineAsync(ArchiveFactory factory, string traceId) =>
        factory.Logs.WaitForAsync(e => e.TraceId?.ToHexString() == traceId && e.Properties.ContainsKey("StatusCode") && e.Properties.ContainsKey("Elapsed"), $"of a request with trace id {traceId}");

    /// <summary>Endpoints that fail, after the site's pipeline, so that its exception handler deals with them.</summary>
    private sealed class FailingEndpoints : IStartupFilter
    {
        public const string Secret = "SECRET-DETAIL-4711";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path.Value!.EndsWith("/test/fail", StringComparison.Ordinal)
                ? throw new InvalidOperationException(Secret)
                : Task.CompletedTask);
        };
    }
}
