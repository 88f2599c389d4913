using System.Globalization;
using System.Text;
using Archive.Core.Searching;

namespace Archive.Web.Models;

/// <summary>
/// Builds the URLs of a result view with one thing changed (a facet value added or removed, another page, another
/// order), keeping everything else, so that every link on the page is a shareable state.
/// </summary>
public sealed class SearchUrls(SearchRequest request, string path = "/search")
{
    public SearchRequest Request { get; } = request;

    public string Current => Build(Request);

    public string WithPage(int page) => Build(Request with { Page = page });

    public string WithSize(int size) => Build(Request with { Page = 1, Size = size });

    public string WithSort(SearchSort sort) => Build(Request with { Sort = sort, Page = 1 });

    public string WithQuery(string? query) => Build(Request with { Query = query, Page = 1 });

    public string WithRange(DateOnly? from, DateOnly? to) => Build(Request with { From = from, To = to, Years = [], Months = [], Page = 1 });

    /// <summary>The same words with no filters: offered when filters leave nothing.</summary>
    public string WithoutFilters() => Build(new SearchRequest(Request.Query, 1, Request.Size) { Sort = Request.Sort });

    /// <summary>Adds the value when it is not selected, removes it when it is.</summary>
    public string Toggle(string facet, string value) => Build(facet switch
    {
        FacetNames.County => Request with { Counties = Flip(Request.Counties, value), Page = 1 },
        FacetNames.Reporter => Request with { Reporters = Flip(Request.Reporters, value), Page = 1 },
        FacetNames.Correspondent => Request with { Correspondents = Flip(Request.Correspondents, value), Page = 1 },
        FacetNames.Kind => Request with { Kinds = Flip(Request.Kinds, value), Page = 1 },
        FacetNames.Year => ToggleYear(value),
        FacetNames.Month => Request with { Months = Flip(Request.Months, MonthKey(value)), Page = 1 },
        _ => Request,
    });

    /// <summary>The export of this view in a format (<c>csv</c>, <c>json</c>, <c>ris</c>).</summary>
    public string Export(string format, bool fullText = false) =>
        Build(Request with { Page = 1 }, "/export", extra: $"format={format}" + (fullText ? "&fulltext=true" : ""), includePaging: false);

    /// <summary>The query string of a request (no leading <c>?</c>), for links to other views with the same state.</summary>
    /// <param name="asciiOnly">Percent-encode everything (for HTTP headers and files read by other programs);
    /// otherwise Chinese stays readable, as in the page's links.</param>
    public static string QueryString(SearchRequest request, bool includePaging = true, bool asciiOnly = false)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add($"{name}={(asciiOnly ? Uri.EscapeDataString(value) : Escape(value))}");
        }
        Add("q", request.Query);
        foreach (var v in request.Counties) Add("county", v);
        foreach (var v in request.Reporters) Add("reporter", v);
        foreach (var v in request.Correspondents) Add("correspondent", v);
        foreach (var v in request.Kinds) Add("kind", v);
        foreach (var v in request.Years) Add("year", v.ToString(CultureInfo.InvariantCulture));
        foreach (var v in request.Months) Add("month", $"{v / 100}-{v % 100:00}");
        Add("from", request.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", request.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (request.Sort != SearchSort.Relevance) Add("sort", request.Sort.ToString().ToLowerInvariant());
        if (includePaging && request.Page > 1) Add("page", request.Page.ToString(CultureInfo.InvariantCulture));
        if (includePaging && request.Size != SearchRequest.DefaultSize) Add("size", request.Size.ToString(CultureInfo.InvariantCulture));
        return string.Join("&", parts);
    }

    /// <summary>
    /// Escapes a query-string value as an IRI: ASCII that means something in a URL (and spaces, controls) is
    /// percent-encoded, Chinese is left as it is. Browsers and HttpClient encode it when they follow the link, and a
    /// result page's ~200 facet links stay a third of the size (one character is 3 bytes instead of 9).
    /// </summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value > 0x7F && !Rune.IsControl(rune) && !Rune.IsWhiteSpace(rune))
                escaped.Append(rune.ToString());
            else
                escaped.Append(Uri.EscapeDataString(rune.ToString()));
        }
        return escaped.ToString();
    }

    private string Build(SearchRequest request, string? targetPath = null, string? extra = null, bool includePaging = true)
    {
        var query = new StringBuilder(QueryString(request, includePaging));
        if (extra is not null) query.Append(query.Length > 0 ? "&" : "").Append(extra);
        return query.Length == 0 ? targetPath ?? path : $"{targetPath ?? path}?{query}";
    }

    // Choosing another year clears the months, which belong to a year.
    private SearchRequest ToggleYear(string value)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return Request;
        var years = Flip(Request.Years, year);
        return Request with { Years = years, Months = Request.Months.Where(m => years.Contains(m / 100)).ToList(), Page = 1 };
    }

    private static int MonthKey(string value) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m.Year * 100 + m.Month : 0;

    private static List<T> Flip<T>(IReadOnlyList<T> values, T value) =>
        values.Contains(value) ? values.Where(v => !EqualityComparer<T>.Default.Equals(v, value)).ToList() : [.. values, value];
}
