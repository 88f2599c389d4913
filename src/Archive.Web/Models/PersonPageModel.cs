using Archive.Core.Indexing;
using Archive.Core.Searching;

namespace Archive.Web.Models;

/// <summary>
/// A person's page: how many articles carry the name in any byline role, the roles, the counties covered and the
/// newest articles. <paramref name="Result"/> is the search <c>记者:"name"</c> (every role), newest first.
/// </summary>
public sealed record PersonPageModel(string Name, SearchResult Result, SearchUrls Urls, IReadOnlyDictionary<string, int> Roles)
{
    /// <summary>Names are single tokens of a byline; anything longer or with quotes cannot be one and is not searched.</summary>
    public const int MaxNameLength = 20;

    /// <summary>The search for every article crediting the name, in any role.</summary>
    public static SearchRequest RequestFor(string name, int size = 20) =>
        new($"记者:\"{name}\"", 1, size) { Sort = SearchSort.Newest };

    /// <summary>True when the text could be a byline name (the query syntax would misread quotes, colons or spaces).</summary>
    public static bool IsPlausibleName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= MaxNameLength
        && !name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '“' or '”' or '「' or '」' or '＂' or ':' or '：');

    /// <summary>The link of a person's page.</summary>
    public static string Url(string name) => "/people/" + Uri.EscapeDataString(name);

    public string AllArticlesUrl => Urls.WithPage(1);

    /// <summary>The roles seen, most frequent first, in Chinese.</summary>
    public IEnumerable<(string Label, int Count)> RoleLabels() =>
        Roles.OrderByDescending(r => r.Value).Select(r => (Labels.Role(r.Key), r.Value));

    /// <summary>
    /// The counties covered, each linking to the person's articles there: by the reporter facet when every
    /// credit is as reporter (the usual case), otherwise by the name query, which counts every role like the numbers shown.
    /// </summary>
    public IEnumerable<(string County, int Count, string Url)> Counties()
    {
        var onlyReporter = Roles.Count == 1 && Roles.ContainsKey(ArticleFields.Reporter);
        foreach (var value in Result.Facets.GetValueOrDefault(FacetNames.County) ?? [])
        {
            var url = onlyReporter
                ? $"/search?county={Uri.EscapeDataString(value.Value)}&reporter={Uri.EscapeDataString(Name)}"
                : Urls.Toggle(FacetNames.County, value.Value);
            yield return (value.Value, value.Count, url);
        }
    }
}
