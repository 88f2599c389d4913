using System.Globalization;
using Archive.Core.Searching;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Models;

/// <summary>
/// The search state as it travels in the URL (<c>?q=…&amp;county=冠县&amp;county=莘县&amp;from=2024-01-01&amp;sort=newest</c>), so that
/// any view can be shared and bookmarked. The page and the API bind the same parameters.
/// </summary>
public sealed class SearchParameters
{
    /// <summary>The query text.</summary>
    [FromQuery(Name = "q")] public string? Q { get; set; }

    /// <summary>County-level units (repeat for several).</summary>
    [FromQuery(Name = "county")] public string[] County { get; set; } = [];

    /// <summary>Reporters (repeat for several).</summary>
    [FromQuery(Name = "reporter")] public string[] Reporter { get; set; } = [];

    /// <summary>Correspondents (repeat for several).</summary>
    [FromQuery(Name = "correspondent")] public string[] Correspondent { get; set; } = [];

    /// <summary>Kinds: news, feature, commentary, photo, brief, teaser.</summary>
    [FromQuery(Name = "kind")] public string[] Kind { get; set; } = [];

    /// <summary>Years, e.g. 2024.</summary>
    [FromQuery(Name = "year")] public string[] Year { get; set; } = [];

    /// <summary>Months as yyyy-MM, e.g. 2024-02.</summary>
    [FromQuery(Name = "month")] public string[] Month { get; set; } = [];

    /// <summary>First issue date, yyyy-MM-dd.</summary>
    [FromQuery(Name = "from")] public string? From { get; set; }

    /// <summary>Last issue date, yyyy-MM-dd.</summary>
    [FromQuery(Name = "to")] public string? To { get; set; }

    /// <summary>Words to search within the current results: added to <c>q</c>.</summary>
    [FromQuery(Name = "within")] public string? Within { get; set; }

    /// <summary>relevance (default), newest or oldest.</summary>
    [FromQuery(Name = "sort")] public string? Sort { get; set; }

    /// <summary>1-based page.</summary>
    [FromQuery(Name = "page")] public string? Page { get; set; }

    /// <summary>Hits per page, 1–100 (default 20).</summary>
    [FromQuery(Name = "size")] public string? Size { get; set; }

    /// <summary>
    /// The request for the searcher. Values that cannot be read are left out and explained in
    /// <paramref name="problems"/>, so a mistyped link still shows results and says what was ignored.
    /// </summary>
    public SearchRequest ToRequest(List<string> problems)
    {
        var page = ParseInt(Page, "page", 1, 1, int.MaxValue, problems);
        var size = ParseInt(Size, "size", SearchRequest.DefaultSize, 1, SearchRequest.MaxSize, problems);
        var query = string.IsNullOrWhiteSpace(Within) ? Q : $"{Q} {Within}".Trim();
        return new SearchRequest(query, page, size)
        {
            Counties = Clean(County),
            Reporters = Clean(Reporter),
            Correspondents = Clean(Correspondent),
            Kinds = Clean(Kind).Select(k => k.ToLowerInvariant()).ToList(),
            Years = Clean(Year).Select(y => ParseYear(y, problems)).OfType<int>().ToList(),
            Months = Clean(Month).Select(m => ParseMonth(m, problems)).OfType<int>().ToList(),
            From = ParseDate(From, "from", problems),
            To = ParseDate(To, "to", problems),
            Sort = ParseSort(Sort, problems),
        };
    }

    private static List<string> Clean(string[] values) =>
        values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    private static int ParseInt(string? value, string name, int fallback, int min, int max, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        problems.Add($"参数 {name}=“{value}”无效（应为 {min}–{max} 的整数），已使用 {fallback}");
        return fallback;
    }

    private static int? ParseYear(string value, List<string> problems)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100) return year;
        problems.Add($"年份“{value}”无效，已忽略");
        return null;
    }

    private static int? ParseMonth(string value, List<string> problems)
    {
        if (DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return month.Year * 100 + month.Month;
        problems.Add($"月份“{value}”无效（应为 yyyy-MM），已忽略");
        return null;
    }

    private static DateOnly? ParseDate(string? value, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problems.Add($"日期 {name}=“{value}”无效（应为 yyyy-MM-dd），已忽略");
        return null;
    }

    private static SearchSort ParseSort(string? value, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value)) return SearchSort.Relevance;
        if (Enum.TryParse<SearchSort>(value, ignoreCase: true, out var sort) && Enum.IsDefined(sort) && !int.TryParse(value, out _)) return sort;
        problems.Add($"排序“{value}”无效（relevance、newest 或 oldest），已按相关度排序");
        return SearchSort.Relevance;
    }
}
