using System.Text.RegularExpressions;

namespace Archive.BrowserTests;

/// <summary>
/// Every kind of page works under the site's Content-Security-Policy: no inline script or style is blocked (Chromium
/// reports each blocked resource as a <c>securitypolicyviolation</c> event, which is recorded here as an error), and
/// the article page's external script still runs.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture site)
{
    private const string RecordViolations = """
        document.addEventListener('securitypolicyviolation', e =>
            console.error('CSP violation: ' + e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
        """;

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=%E9%94%A6%E9%B2%A4")]
    [InlineData("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/counties")]
    [InlineData("/counties/%E9%AB%98%E5%94%90%E5%8E%BF")]
    [InlineData("/dates")]
    [InlineData("/dates/2025-09-02")]
    [InlineData("/people/%E5%AD%99%E4%BA%9A%E9%A3%9E")]
    [InlineData("/coverage")]
    [InlineData("/no-such-page")]
    public async Task PagesLoadUnderThePolicyWithoutViolations(string url)
    {
        await using var browser = await site.NewPageAsync();
        await browser.Page.AddInitScriptAsync(RecordViolations);

        var response = await browser.Page.GotoAsync(url);
        await browser.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);

        Assert.Contains("script-src 'self'", response!.Headers["content-security-policy"]);
        // The stylesheet applied: the masthead is not the browser's default transparent box.
        Assert.NotEqual("rgba(0, 0, 0, 0)", await browser.Page.EvalOnSelectorAsync<string>(".masthead", "e => getComputedStyle(e).backgroundColor"));
        // A 404 is logged by Chromium as a failed resource; that is the page's status, not a policy problem.
        browser.Errors.RemoveAll(e => e.Contains("404", StringComparison.Ordinal) && url == "/no-such-page");
        browser.AssertNoErrors();
    }

    [Fact]
    public async Task TheArticlePagesExternalScriptRunsUnderThePolicy()
    {
        await using var browser = await site.NewPageAsync();
        await browser.Page.AddInitScriptAsync(RecordViolations);
        await browser.Page.GotoAsync("/search?q=" + Uri.EscapeDataString("锦鲤"));
        await browser.Page.Locator(".hit-title a").First.ClickAsync();
        await browser.Page.WaitForURLAsync(new Regex("/articles/"));
        await browser.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);

        // article.js wires the copy buttons; a blocked script would leave them inert and log a violation.
        Assert.True(await browser.Page.Locator("script[src^='/js/article.js']").CountAsync() == 1);
        browser.AssertNoErrors();
    }

    [Fact]
    public async Task AnInlineScriptThatGetsIntoAPageIsBlockedAndReported()
    {
        // What an XSS that slipped past the encoding would do: the policy must stop it, and this check must see that.
        await using var browser = await site.NewPageAsync();
        await browser.Page.AddInitScriptAsync(RecordViolations);
        await browser.Page.GotoAsync("/");

        await browser.Page.EvaluateAsync("""
            () => { const s = document.createElement('script'); s.textContent = 'window.pwned = true'; document.body.appendChild(s); }
            """);
        await browser.Page.WaitForTimeoutAsync(200);

        Assert.False(await browser.Page.EvaluateAsync<bool>("() => window.pwned === true"));
        Assert.Contains(browser.Errors, e => e.Contains("CSP violation: script-src", StringComparison.Ordinal));
    }
}
