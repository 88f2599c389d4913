using AngleSharp;
using AngleSharp.Dom;

namespace Archive.Web.Tests;

/// <summary>Reads HTML responses with AngleSharp.</summary>
public static class Html
{
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(request => request.Content(html).Status(response.StatusCode).Address("http://localhost" + url));
        return document;
    }

    public static Task<IDocument> ParseAsync(string html) =>
        BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));
}
