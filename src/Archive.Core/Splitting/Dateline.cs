using System.Text.RegularExpressions;

namespace Archive.Core.Splitting;

/// <summary>The dateline that opens a story: <c>本报高唐讯</c>, <c>本报讯</c>, <c>本报聊城3月6日讯</c>, <c>新华社北京7月1日电</c>.</summary>
/// <param name="Text">As printed (normalised), e.g. <c>本报高唐讯</c>.</param>
/// <param name="Place">The place named in it (<c>高唐</c>), empty for <c>本报讯</c>.</param>
/// <param name="Month">Month of the date in it, if any.</param>
/// <param name="Day">Day of the date in it, if any.</param>
/// <param name="IsWireService">True for an agency dateline (新华社 ... 电): the story comes from outside the paper.</param>
public sealed record Dateline(string Text, string Place, int? Month, int? Day, bool IsWireService);

/// <summary>Finds the dateline at the start of a paragraph.</summary>
public static partial class DatelineParser
{
    /// <summary>The dateline at the start of a normalised paragraph, or null.</summary>
    public static Dateline? Parse(string? paragraph)
    {
        if (string.IsNullOrEmpty(paragraph)) return null;
        var head = paragraph.Length > 40 ? paragraph[..40] : paragraph;
        var match = DatelinePattern().Match(head);
        if (!match.Success) return null;
        int? month = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value) : null;
        int? day = match.Groups["d"].Success ? int.Parse(match.Groups["d"].Value) : null;
        return new Dateline(match.Groups["dl"].Value.Replace(" ", ""), match.Groups["place"].Value, month, day,
            match.Groups["wire"].Success);
    }

    [GeneratedRegex(@"^\s*(?:据)?(?<dl>(?:本报|(?<wire>新华社|中新社|大众日报|大众网))\s*(?<place>\p{IsCJKUnifiedIdeographs}{0,6}?)\s*(?:(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日)?\s*(?:讯|电(?!\p{IsCJKUnifiedIdeographs})))")]
    private static partial Regex DatelinePattern();
}
