using System.Text.RegularExpressions;

namespace Archive.Core.Searching;

/// <summary>
/// Reads the dates users type in <c>日期:</c> terms: <c>2024</c>, <c>2024-02</c>, <c>2024-02-06</c>, <c>2024/2/6</c>,
/// <c>2024年2月6日</c>, and ranges of them joined by <c>..</c>, <c>~</c>, <c>至</c> or <c>到</c> (either end may be
/// left open). A year or month stands for all its days.
/// </summary>
public static partial class DateRangeParser
{
    /// <summary>The inclusive range as yyyyMMdd keys, or null with a reason.</summary>
    public static (int From, int To)? Parse(string text, out string? error)
    {
        error = null;
        var parts = RangeSeparator().Split(text.Trim(), 2);
        if (parts.Length == 1)
        {
            var single = ParseOne(parts[0]);
            if (single is null) error = $"“{text}”不是可识别的日期（可写 2024、2024-02、2024-02-06 或 2024-01..2024-06）";
            return single;
        }

        var from = parts[0].Length == 0 ? (From: 0, To: 0) : ParseOne(parts[0]) ?? (-1, -1);
        var to = parts[1].Length == 0 ? (From: 99991231, To: 99991231) : ParseOne(parts[1]) ?? (-1, -1);
        if (from.From < 0 || to.From < 0)
        {
            error = $"“{text}”不是可识别的日期范围（如 2024-01..2024-06）";
            return null;
        }
        if (from.From > to.To)
        {
            error = $"日期范围“{text}”的起点晚于终点";
            return null;
        }
        return (from.From, to.To);
    }

    private static (int From, int To)? ParseOne(string text)
    {
        var match = DatePattern().Match(text.Trim());
        if (!match.Success) return null;
        var year = int.Parse(match.Groups["y"].Value);
        if (year is < 1900 or > 2100) return null;
        if (!match.Groups["m"].Success) return (year * 10000 + 101, year * 10000 + 1231);
        var month = int.Parse(match.Groups["m"].Value);
        if (month is < 1 or > 12) return null;
        if (!match.Groups["d"].Success)
            return (Key(year, month, 1), Key(year, month, DateTime.DaysInMonth(year, month)));
        var day = int.Parse(match.Groups["d"].Value);
        if (day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return (Key(year, month, day), Key(year, month, day));
    }

    private static int Key(int year, int month, int day) => year * 10000 + month * 100 + day;

    [GeneratedRegex(@"^(?<y>\d{4})(?:年)?(?:[-/.]?(?<m>\d{1,2})(?:月)?(?:[-/.]?(?<d>\d{1,2})(?:日)?)?)?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\.\.|~|～|至|到")]
    private static partial Regex RangeSeparator();
}
