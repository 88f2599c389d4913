using System.Globalization;
using Archive.Core.Searching;
using Archive.Web.Models;

namespace Archive.Web.Export;

/// <summary>
/// Where an export came from, so that it can be reproduced: the query and filters (and the link of the same search),
/// the order, when it was made, the index version it was read from, and how many articles matched and were written.
/// </summary>
/// <param name="Filters">The filters that were set, by parameter name (<c>county</c>, <c>from</c> ...), in URL form.</param>
/// <param name="SearchUrl">The absolute URL of the same search on the site.</param>
/// <param name="Messages">Parameters that were ignored and how the query was read.</param>
/// <param name="Database">The archive's name (<see cref="ExportOptions.Database"/>).</param>
public sealed record ExportProvenance(
    string Query,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    SearchSort Sort,
    DateTimeOffset ExportedAt,
    long IndexVersion,
    int Matched,
    int Written,
    int Cap,
    string SearchUrl,
    IReadOnlyList<string> Messages,
    string Database)
{
    /// <summary>The first line of a file: what it is and where it comes from.</summary>
    public string Title => $"{Database} · 检索结果导出";

    /// <summary>True when the cap cut the export short.</summary>
    public bool Truncated => Written < Matched;

    /// <summary>The export time as an ISO 8601 UTC timestamp (<c>2026-11-23T19:30:05Z</c>).</summary>
    public string ExportedAtText => ExportedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The order as it appears in URLs: relevance, newest or oldest.</summary>
    public string SortName => Sort.ToString().ToLowerInvariant();

    /// <summary>What the export holds, in one sentence; names the cap when it cut.</summary>
    public string Note => Truncated
        ? $"仅导出前 {Written} 篇，共 {Matched} 篇（每次导出最多 {Cap} 篇，请缩小检索范围分批导出）"
        : $"共 {Matched} 篇，已全部导出";

    /// <summary>The provenance as labelled lines (检索, 筛选, 导出时间 ...), for formats without structure of their own.</summary>
    public IReadOnlyList<(string Label, string Value)> Lines()
    {
        var lines = new List<(string, string)>
        {
            ("检索", Query.Length == 0 ? "（无检索词：全部文章）" : Query),
            ("筛选", DescribeFilters()),
            ("排序", Labels.Sort(Sort)),
            ("导出时间", ExportedAtText),
            ("索引版本", IndexVersion.ToString(CultureInfo.InvariantCulture)),
            ("匹配篇数", Matched.ToString(CultureInfo.InvariantCulture)),
            ("导出篇数", Written.ToString(CultureInfo.InvariantCulture)),
            ("说明", Note),
        };
        lines.AddRange(Messages.Select(message => ("提示", message)));
        lines.Add(("检索链接", SearchUrl));
        return lines;
    }

    /// <summary>The filters for people: <c>区县=高唐县、莘县；日期=2024-01-01 至 2024-12-31</c>, or 无.</summary>
    public string DescribeFilters()
    {
        var parts = new List<string>();
        foreach (var (name, values) in Filters)
        {
            if (name is "from" or "to") continue;
            parts.Add($"{Labels.Facet(name)}={string.Join("、", values.Select(v => Labels.FacetValue(name, v)))}");
        }
        var from = Filters.TryGetValue("from", out var f) ? f[0] : null;
        var to = Filters.TryGetValue("to", out var t) ? t[0] : null;
        if (from is not null || to is not null) parts.Add($"日期={from ?? "最早"} 至 {to ?? "最新"}");
        return parts.Count == 0 ? "无" : string.Join("；", parts);
    }

    /// <summary>The filters of a request by their URL parameter names, leaving out those not set.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> FiltersOf(SearchRequest request)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>();
        void Add(string name, IEnumerable<string> values)
        {
            var list = values.ToList();
            if (list.Count > 0) filters[name] = list;
        }
        Add(FacetNames.County, request.Counties);
        Add(FacetNames.Reporter, request.Reporters);
        Add(FacetNames.Correspondent, request.Correspondents);
        Add(FacetNames.Kind, request.Kinds);
        Add(FacetNames.Year, request.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        Add(FacetNames.Month, request.Months.Select(m => $"{m / 100}-{m % 100:00}"));
        Add("from", request.From is { } from ? [from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)] : []);
        Add("to", request.To is { } to ? [to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)] : []);
        return filters;
    }
}
