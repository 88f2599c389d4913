using System.Globalization;
using Archive.Core.Searching;

namespace Archive.Web.Models;

/// <summary>The search page: the result, the links of its state, and the notices to show.</summary>
public sealed record SearchPageModel(SearchResult Result, SearchUrls Urls, IReadOnlyList<string> Problems, string? Heading = null)
{
    public SearchRequest Request => Urls.Request;

    public bool IsBrowsing => string.IsNullOrWhiteSpace(Result.Query);

    /// <summary>Every notice: parameters that were ignored and how the query was read.</summary>
    public IEnumerable<string> Notices => Result.Message is null ? Problems : Problems.Append(Result.Message);

    /// <summary>The selected filters, each with the link that removes it.</summary>
    public IEnumerable<(string Label, string RemoveUrl)> ActiveFilters()
    {
        foreach (var (facet, values) in new (string, IEnumerable<string>)[]
        {
            (FacetNames.County, Request.Counties),
            (FacetNames.Reporter, Request.Reporters),
            (FacetNames.Correspondent, Request.Correspondents),
            (FacetNames.Kind, Request.Kinds),
            (FacetNames.Year, Request.Years.Select(y => y.ToString(CultureInfo.InvariantCulture))),
            (FacetNames.Month, Request.Months.Select(m => $"{m / 100}-{m % 100:00}")),
        })
        {
            foreach (var value in values)
                yield return ($"{Labels.Facet(facet)}：{Labels.FacetValue(facet, value)}", Urls.Toggle(facet, value));
        }
        if (Request.From is not null || Request.To is not null)
            yield return ($"日期：{Request.From?.ToString("yyyy-MM-dd") ?? "…"} 至 {Request.To?.ToString("yyyy-MM-dd") ?? "…"}", Urls.WithRange(null, null));
    }

    /// <summary>Quick date ranges: this year, last year, the last twelve months.</summary>
    public IEnumerable<(string Label, string Url)> QuickRanges(DateOnly today)
    {
        yield return ("今年", Urls.WithRange(new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)));
        yield return ("去年", Urls.WithRange(new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31)));
        yield return ("近一年", Urls.WithRange(today.AddYears(-1), today));
        if (Request.From is not null || Request.To is not null || Request.Years.Count > 0 || Request.Months.Count > 0)
            yield return ("不限", Urls.WithRange(null, null));
    }

    /// <summary>The page numbers to offer around the current one.</summary>
    public IEnumerable<int> PageWindow()
    {
        var last = Math.Min(Result.PageCount, SearchRequest.MaxDepth / Result.Size);
        var first = Math.Max(1, Result.Page - 4);
        var end = Math.Min(last, first + 8);
        return Enumerable.Range(first, Math.Max(0, end - first + 1));
    }

    public bool HasNextPage => Result.Page < Result.PageCount && (Result.Page + 1) * Result.Size <= SearchRequest.MaxDepth;
}
