using System.Globalization;
using Archive.Core.Searching;

namespace Archive.Web.Models;

/// <summary>
/// The <c>/dates</c> calendar: the archive's issues by year, each year as twelve month grids (weeks from Monday) whose
/// days with an issue link to that day.
/// </summary>
public sealed class IssueCalendar
{
    /// <summary>
    /// How many issues one page draws in full: a day link costs about 60 bytes, so this keeps the page (a daily paper's two years) under
    /// 100 KB; older years are then listed with a link to their own page.
    /// </summary>
    public const int MaxIssuesShown = 700;

    public IssueCalendar(IReadOnlyList<IssueDay> issues, int? year)
    {
        var byYear = issues.GroupBy(i => i.Date.Year).OrderByDescending(g => g.Key).ToList();
        Years = byYear.Select(g => new YearSummary(g.Key, g.Count(), g.Sum(i => i.Articles))).ToList();
        SelectedYear = year is { } y && byYear.Any(g => g.Key == y) ? y : null;

        // One year when asked for; otherwise the newest years that fit, always at least one.
        var shown = new List<IGrouping<int, IssueDay>>();
        var count = 0;
        foreach (var group in byYear)
        {
            if (SelectedYear is { } selected && group.Key != selected) continue;
            if (shown.Count > 0 && count + group.Count() > MaxIssuesShown) break;
            shown.Add(group);
            count += group.Count();
        }
        Shown = shown.Select(g => new CalendarYear(g.Key, Months(g.Key, g.ToDictionary(i => i.Date)))).ToList();
    }

    /// <summary>Every year with issues, newest first.</summary>
    public IReadOnlyList<YearSummary> Years { get; }

    /// <summary>The years drawn on this page.</summary>
    public IReadOnlyList<CalendarYear> Shown { get; }

    /// <summary>The year asked for with <c>?year=</c>, when the archive has it.</summary>
    public int? SelectedYear { get; }

    public int IssueCount => Years.Sum(y => y.Issues);

    public bool IsShown(int year) => Shown.Any(y => y.Year == year);

    /// <summary>Monday-first weekday names (the grids write them out too: literal text is not entity-encoded).</summary>
    public static IReadOnlyList<string> Weekdays { get; } = ["一", "二", "三", "四", "五", "六", "日"];

    public static string DayUrl(DateOnly date) => "/dates/" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<CalendarMonth> Months(int year, Dictionary<DateOnly, IssueDay> issues) =>
        Enumerable.Range(1, 12).Select(month =>
        {
            var first = new DateOnly(year, month, 1);
            // Blank cells before the first: Monday is 0, Sunday 6.
            var lead = ((int)first.DayOfWeek + 6) % 7;
            var cells = Enumerable.Repeat<CalendarDay?>(null, lead)
                .Concat(Enumerable.Range(0, DateTime.DaysInMonth(year, month))
                    .Select(d => first.AddDays(d))
                    .Select(date => (CalendarDay?)new CalendarDay(date, issues.GetValueOrDefault(date))))
                .ToList();
            while (cells.Count % 7 != 0) cells.Add(null);
            var weeks = cells.Chunk(7).Select(w => (IReadOnlyList<CalendarDay?>)w).ToList();
            return new CalendarMonth(month, weeks, cells.Count(c => c?.Issue is not null));
        }).ToList();
}

/// <summary>A year of the archive: how many issues and articles it holds.</summary>
public sealed record YearSummary(int Year, int Issues, int Articles);

/// <summary>A year drawn as twelve months.</summary>
public sealed record CalendarYear(int Year, IReadOnlyList<CalendarMonth> Months)
{
    public int Issues => Months.Sum(m => m.Issues);
}

/// <summary>A month grid: weeks of seven cells, null outside the month.</summary>
public sealed record CalendarMonth(int Month, IReadOnlyList<IReadOnlyList<CalendarDay?>> Weeks, int Issues);

/// <summary>A day of a month grid and its issue, if the archive has one.</summary>
public sealed record CalendarDay(DateOnly Date, IssueDay? Issue)
{
    public string Url => IssueCalendar.DayUrl(Date);

    /// <summary>The tooltip of a day with an issue.</summary>
    public string? Title => Issue is null ? null : $"{Issue.Pages} 版 {Issue.Articles} 篇";
}
