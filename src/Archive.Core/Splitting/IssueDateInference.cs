using System.Text.RegularExpressions;

namespace Archive.Core.Splitting;

/// <summary>
/// Reads dates in Chinese text: the issue date of a page when no manifest gives it (the latest explicit date, its
/// year taken from the text, e.g. <c>2025年上半年</c>), and the dates of the events an article reports.
/// </summary>
public static partial class IssueDateInference
{
    /// <summary>
    /// Infers the issue date of a page from its normalised text: the latest month and day mentioned, in the latest
    /// year the text speaks of as present or past. Null when the text names no year.
    /// </summary>
    public static DateOnly? Infer(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var year = LatestYear(text);
        if (year is null) return null;

        DateOnly? latest = null;
        foreach (Match m in DatePattern().Matches(text))
        {
            var y = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value) : year.Value;
            if (y != year.Value) continue;
            if (TryDate(y, m.Groups["m"].Value, m.Groups["d"].Value, out var date) && (latest is null || date > latest))
                latest = date;
        }
        return latest ?? new DateOnly(year.Value, 1, 1);
    }

    /// <summary>
    /// The dates of events in a text, resolved against the issue date: a month and day without a year falls in the
    /// issue's year, or the year before when that would put it more than a month after the issue.
    /// </summary>
    public static IReadOnlyList<DateOnly> EventDates(string? text, DateOnly? issueDate)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var dates = new SortedSet<DateOnly>();
        foreach (Match m in DatePattern().Matches(text))
        {
            int year;
            if (m.Groups["y"].Success) year = int.Parse(m.Groups["y"].Value);
            else if (issueDate is { } issue) year = issue.Year;
            else continue;

            if (!TryDate(year, m.Groups["m"].Value, m.Groups["d"].Value, out var date)) continue;
            if (!m.Groups["y"].Success && issueDate is { } reference && date > reference.AddDays(31)
                && TryDate(year - 1, m.Groups["m"].Value, m.Groups["d"].Value, out var earlier))
                date = earlier;
            dates.Add(date);
        }
        return [.. dates];
    }

    private static int? LatestYear(string text)
    {
        int? latest = null;
        var ceiling = DateTime.UtcNow.Year + 1;
        foreach (Match m in YearPattern().Matches(text))
        {
            // 到2025年, 力争2030年前: plans name future years; they do not date the page.
            var y = int.Parse(m.Groups["y"].Value);
            if (y > ceiling || y < 1949) continue;
            var before = m.Index > 0 ? text[m.Index - 1] : ' ';
            if (before is '到' or '至' or '争' or '～' or '~' or '-' or '—') continue;
            var after = m.Index + m.Length < text.Length ? text[m.Index + m.Length] : ' ';
            if (after == '前') continue;
            if (latest is null || y > latest) latest = y;
        }
        return latest;
    }

    private static bool TryDate(int year, string month, string day, out DateOnly date)
    {
        date = default;
        if (!int.TryParse(month, out var m) || !int.TryParse(day, out var d)) return false;
        if (m is < 1 or > 12 || d < 1 || year is < 1 or > 9999 || d > DateTime.DaysInMonth(year, m)) return false;
        date = new DateOnly(year, m, d);
        return true;
    }

    [GeneratedRegex(@"(?:(?<y>(?:19|20)\d{2})年)?(?<m>1[0-2]|0?[1-9])月(?<d>3[01]|[12]\d|0?[1-9])[日号]")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})年")]
    private static partial Regex YearPattern();
}
