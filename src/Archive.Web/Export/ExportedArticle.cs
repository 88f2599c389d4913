using System.Globalization;
using System.Net;
using Archive.Core.Articles;

namespace Archive.Web.Export;

/// <summary>One article as an export writes it: the article, its snippet for the query, and its absolute permalink.</summary>
/// <param name="SnippetHtml">The snippet as the searcher builds it: HTML-encoded, matches in <c>&lt;mark&gt;</c>.</param>
public sealed record ExportedArticle(Article Article, string SnippetHtml, string Permalink)
{
    /// <summary>The snippet as plain text: files are read outside a browser, so no tags and no entities.</summary>
    public string Snippet => WebUtility.HtmlDecode(SnippetHtml.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal));

    /// <summary>The issue date as <c>yyyy-MM-dd</c>, or empty when unknown.</summary>
    public string DateText => Article.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The kind in lower case, as in URLs and the API (<c>news</c>, <c>photo</c> ...).</summary>
    public string KindName => Article.Kind.ToString().ToLowerInvariant();

    /// <summary>Names joined the way Chinese lists them: 张三、李四.</summary>
    public static string JoinNames(IEnumerable<string> names) => string.Join("、", names);
}
