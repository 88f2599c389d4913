using System.Globalization;
using Archive.Core.Searching;

namespace Archive.Web.Models;

/// <summary>
/// The <c>/coverage</c> matrix for editors: the places of <see cref="CountyDirectory"/> by consecutive months (empty
/// months included, since the gaps are the point), each cell the number of articles, shaded by count.
/// </summary>
public sealed class CoverageGrid
{
    public const int DefaultMonths = 24;

    /// <summary>
    /// The widest range one page shows. A filled cell is about 110 bytes of HTML, so 13 rows × 48 months stays
    /// under the 100 KB page budget even when every cell has articles.
    /// </summary>
    public const int MaxMonths = 48;

    /// <summary>Shades of a filled cell (<c>heat-1</c> … <c>heat-5</c>); an empty one is <c>heat-0</c>.</summary>
    public const int Levels = 5;

    private readonly CoverageMatrix _matrix;
    private readonly int _max;

    public CoverageGrid(CoverageMatrix matrix, IReadOnlyList<string> counties, string? from, string? to, DateOnly today, List<string> problems)
    {
        _matrix = matrix;
        // The default range ends at the newest month with articles (or this month in an empty archive).
        var latest = matrix.Months.Count > 0 ? matrix.Months[^1] : today.Year * 100 + today.Month;
        var last = ParseMonth(to, "to", problems) ?? latest;
        var first = ParseMonth(from, "from", problems) ?? AddMonths(last, -(DefaultMonths - 1));
        if (first > last)
        {
            problems.Add("起始月份晚于结束月份，已交换");
            (first, last) = (last, first);
        }
        if (MonthsBetween(first, last) > MaxMonths)
        {
            problems.Add($"一次最多显示 {MaxMonths} 个月，已显示截至 {Label(last)} 的 {MaxMonths} 个月");
            first = AddMonths(last, -(MaxMonths - 1));
        }
        Months = Enumerable.Range(0, MonthsBetween(first, last)).Select(i => AddMonths(first, i)).ToList();

        Rows = counties.Select(c => new CoverageRow(c, Months.Select(m => matrix.Count(c, m)).ToList())).ToList();
        // Articles with no county cannot be filtered on, but their number tells how much the rows miss.
        var unassigned = new CoverageRow("", Months.Select(m => matrix.Count("", m)).ToList());
        Unassigned = unassigned.Total > 0 ? unassigned : null;
        MonthTotals = Months.Select((_, i) => Rows.Sum(r => r.Counts[i]) + (Unassigned?.Counts[i] ?? 0)).ToList();
        _max = Rows.SelectMany(r => r.Counts).DefaultIfEmpty(0).Max();
    }

    /// <summary>The columns, as <c>yyyyMM</c>, oldest first.</summary>
    public IReadOnlyList<int> Months { get; }

    public IReadOnlyList<CoverageRow> Rows { get; }

    /// <summary>Articles with no county in the months shown, or null when there are none.</summary>
    public CoverageRow? Unassigned { get; }

    public IReadOnlyList<int> MonthTotals { get; }

    public int Total => MonthTotals.Sum();

    public int First => Months[0];

    public int Last => Months[^1];

    /// <summary>Rows with no article at all in the months shown.</summary>
    public int UncoveredRows => Rows.Count(r => r.Total == 0);

    /// <summary>The same number of months before and after this range, when the archive has any there.</summary>
    public string? EarlierUrl => _matrix.Months.Any(m => m < First) ? RangeUrl(AddMonths(First, -Months.Count), AddMonths(First, -1)) : null;

    public string? LaterUrl => _matrix.Months.Any(m => m > Last) ? RangeUrl(AddMonths(Last, 1), AddMonths(Last, Months.Count)) : null;

    /// <summary>The CSS class of a count: its shade on a logarithmic scale of the largest cell, so a few busy cells do not wash out the rest.</summary>
    public string Heat(int count)
    {
        if (count == 0) return "heat-0";
        var level = (int)Math.Ceiling(Levels * Math.Log(1 + count) / Math.Log(1 + Math.Max(1, _max)));
        return $"heat-{Math.Clamp(level, 1, Levels)}";
    }

    public static string CellUrl(string county, int month) =>
        $"/search?county={Uri.EscapeDataString(county)}&month={Key(month)}";

    public static string MonthUrl(int month) => $"/search?month={Key(month)}";

    /// <summary>The county's articles over the whole range shown.</summary>
    public string RowUrl(string county) =>
        $"/search?county={Uri.EscapeDataString(county)}&from={Key(First)}-01&to={LastDay(Last):yyyy-MM-dd}";

    public static string RangeUrl(int first, int last) => $"/coverage?from={Key(first)}&to={Key(last)}";

    /// <summary>2024-02 for 202402.</summary>
    public static string Key(int month) => $"{month / 100:0000}-{month % 100:00}";

    /// <summary>2024年2月.</summary>
    public static string Label(int month) => $"{month / 100}年{month % 100}月";

    private static DateOnly LastDay(int month) => new DateOnly(month / 100, month % 100, 1).AddMonths(1).AddDays(-1);

    private static int AddMonths(int month, int count)
    {
        var index = month / 100 * 12 + month % 100 - 1 + count;
        return index / 12 * 100 + index % 12 + 1;
    }

    private static int MonthsBetween(int first, int last) => (last / 100 - first / 100) * 12 + last % 100 - first % 100 + 1;

    private static int? ParseMonth(string? value, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            && month.Year is >= 1900 and <= 2100)
            return month.Year * 100 + month.Month;
        problems.Add($"月份 {name}=“{value}”无效（应为 yyyy-MM，如 2025-09），已忽略");
        return null;
    }
}

/// <summary>A row of the matrix: a place and its count in each month shown.</summary>
public sealed record CoverageRow(string County, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();
}
