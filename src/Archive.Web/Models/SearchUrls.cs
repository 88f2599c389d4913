using System.Diagnostics;
using System.Globalization;
using System.Text;
using Archive.Core.Searching;

namespace Archive.Web.Models;

/// <summary>
/// Builds the URLs of a result view with one thing changed (a facet value added or removed, another page, another
/// order), keeping everything else, so that every link on the page is a shareable state.
/// </summary>
/// <remarks>
/// A result page has about 200 of these links (every facet value, histogram bar and page number), so each is written
/// into one reused buffer, and values that need no escaping (most Chinese names and words) are copied as they are.
/// </remarks>
public sealed class SearchUrls(SearchRequest request, string path = "/search")
{
    // One per thread, as the BCL's StringBuilderCache: Build never calls itself, so no two uses overlap.
    [ThreadStatic] private static StringBuilder? t_builder;

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
        var builder = RentBuilder();
        AppendQuery(builder, request, includePaging, asciiOnly);
        return builder.ToString();
    }

    /// <summary>
    /// Escapes a query-string value as an IRI: ASCII that means something in a URL (and spaces, controls) is
    /// percent-encoded, Chinese is left as it is. Browsers and HttpClient encode it when they follow the link, and a
    /// result page's ~200 facet links stay a third of the size (one character is 3 bytes instead of 9).
    /// </summary>
    public static string Escape(string value)
    {
        if (!NeedsEscaping(value)) return value;
        var builder = new StringBuilder(value.Length + 8);
        AppendEscaped(builder, value);
        return builder.ToString();
    }

    private string Build(SearchRequest request, string? targetPath = null, string? extra = null, bool includePaging = true)
    {
        var builder = RentBuilder().Append(targetPath ?? path).Append('?');
        var start = builder.Length;
        AppendQuery(builder, request, includePaging, asciiOnly: false);
        if (extra is not null) builder.Append(builder.Length > start ? "&" : "").Append(extra);
        // No query at all: the bare path, without the '?'.
        return builder.Length == start ? builder.ToString(0, start - 1) : builder.ToString();
    }

    private static StringBuilder RentBuilder()
    {
        var builder = t_builder ??= new StringBuilder(256);
        // A rare huge URL (a 1000-character query) should not keep its buffer for the thread's lifetime.
        if (builder.Capacity > 4096) t_builder = builder = new StringBuilder(256);
        return builder.Clear();
    }

    private static void AppendQuery(StringBuilder builder, SearchRequest request, bool includePaging, bool asciiOnly)
    {
        var start = builder.Length;
        Add(builder, start, "q", request.Query, asciiOnly);
        foreach (var v in request.Counties) Add(builder, start, "county", v, asciiOnly);
        foreach (var v in request.Reporters) Add(builder, start, "reporter", v, asciiOnly);
        foreach (var v in request.Correspondents) Add(builder, start, "correspondent", v, asciiOnly);
        foreach (var v in request.Kinds) Add(builder, start, "kind", v, asciiOnly);
        // Numbers and dates are digits and '-', which no escaping changes: written straight into the buffer.
        foreach (var v in request.Years) Separate(builder, start).Append("year=").Append(CultureInfo.InvariantCulture, $"{v}");
        foreach (var v in request.Months) Separate(builder, start).Append("month=").Append($"{v / 100}-{v % 100:00}");
        if (request.From is { } from) Separate(builder, start).Append("from=").Append(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd}");
        if (request.To is { } to) Separate(builder, start).Append("to=").Append(CultureInfo.InvariantCulture, $"{to:yyyy-MM-dd}");
        if (request.Sort != SearchSort.Relevance) Add(builder, start, "sort", SortName(request.Sort), asciiOnly);
        if (includePaging && request.Page > 1) Separate(builder, start).Append("page=").Append(CultureInfo.InvariantCulture, $"{request.Page}");
        if (includePaging && request.Size != SearchRequest.DefaultSize) Separate(builder, start).Append("size=").Append(CultureInfo.InvariantCulture, $"{request.Size}");
    }

    private static void Add(StringBuilder builder, int start, string name, string? value, bool asciiOnly)
    {
        if (string.IsNullOrEmpty(value)) return;
        Separate(builder, start).Append(name).Append('=');
        if (asciiOnly) builder.Append(Uri.EscapeDataString(value));
        else if (NeedsEscaping(value)) AppendEscaped(builder, value);
        else builder.Append(value);
    }

    private static StringBuilder Separate(StringBuilder builder, int start) => builder.Length > start ? builder.Append('&') : builder;

    private static string SortName(SearchSort sort) => sort switch
    {
        SearchSort.Newest => "newest",
        SearchSort.Oldest => "oldest",
        _ => sort.ToString().ToLowerInvariant(),
    };

    // True unless every character is an ASCII letter or digit or a character that Escape keeps as it is.
    private static bool NeedsEscaping(string value)
    {
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c)) continue;
            if (c <= 0x7F || char.IsSurrogate(c) || char.IsControl(c) || char.IsWhiteSpace(c)) return true;
        }
        return false;
    }

    private static void AppendEscaped(StringBuilder builder, string value)
    {
        Span<char> chars = stackalloc char[2];
        Span<char> escaped = stackalloc char[12]; // a rune is at most 4 UTF-8 bytes, each written %XX
        foreach (var rune in value.EnumerateRunes())
        {
            var length = rune.EncodeToUtf16(chars);
            if (rune.Value > 0x7F && !Rune.IsControl(rune) && !Rune.IsWhiteSpace(rune))
                builder.Append(chars[..length]);
            else if (Uri.TryEscapeDataString(chars[..length], escaped, out var written))
                builder.Append(escaped[..written]);
            else
                throw new UnreachableException($"U+{rune.Value:X4} escapes to more than {escaped.Length} characters");
        }
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
