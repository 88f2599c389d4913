using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Archive.Core.Tests.Splitting.Gold;

/// <summary>One article of the gold annotation (see Gold/README.md for the conventions).</summary>
public sealed record GoldArticle(
    string Headline,
    IReadOnlyList<string> Subheadlines,
    string FirstWords,
    string LastWords,
    IReadOnlyList<string> Reporters,
    IReadOnlyList<string> Correspondents,
    IReadOnlyList<string> Photographers,
    IReadOnlyList<string> Authors,
    string? County,
    string Kind);

/// <summary>The gold articles of one seed page, in page order.</summary>
public sealed record GoldPage(string File, IReadOnlyList<GoldArticle> Articles);

/// <summary>Reads <c>seeds.gold.json</c> and holds the text keys the scorer compares on.</summary>
internal static partial class GoldStandard
{
    public static string Path { get; } = System.IO.Path.Combine(
        Directory.GetParent(SeedPages.Folder)!.FullName, "tests", "Archive.Core.Tests", "Splitting", "Gold", "seeds.gold.json");

    public static IReadOnlyList<GoldPage> Load()
    {
        using var stream = File.OpenRead(Path);
        var root = JsonSerializer.Deserialize<GoldFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
                   ?? throw new InvalidOperationException("empty gold file");
        return root.Pages;
    }

    /// <summary>
    /// The comparison key of a headline: full width folded to half width, curly quotes and dashes folded to ASCII, all
    /// whitespace removed. Headlines differ only in layout spaces and punctuation width after this.
    /// </summary>
    public static string HeadlineKey(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c)) continue;
            sb.Append(c switch
            {
                '“' or '”' or '„' or '「' or '」' => '"',
                '‘' or '’' or '『' or '』' => '\'',
                '—' or '–' or '－' => '-',
                _ => c,
            });
        }
        return sb.ToString();
    }

    /// <summary>The comparison key of body text: letters and digits only (ideographs, Latin, digits), width folded.</summary>
    public static string TextKey(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
            if (char.IsLetterOrDigit(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>
    /// The story proper: a body without the dateline and bracketed byline it may start with (<c>本报高唐讯</c>,
    /// <c>本报讯（记者 朱海波）</c>), which the gold's firstWords leave out; a body may keep them or not.
    /// </summary>
    public static string StoryKey(string? body)
    {
        var text = (body ?? string.Empty).Normalize(NormalizationForm.FormKC);
        var match = LeadingDatelineAndByline().Match(text);
        if (match.Success) text = text[match.Length..];
        return TextKey(text);
    }

    [GeneratedRegex(@"^\s*(?:本报[^(\s]{0,16}?[讯电]\s*)?(?:\([^)]{0,60}\)\s*)?")]
    private static partial Regex LeadingDatelineAndByline();

    /// <summary>CJK ideographs of a text, the unit of "nothing lost".</summary>
    public static int CountCjk(string text) =>
        text.Count(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c >= '\u3400');

    private sealed record GoldFile(IReadOnlyList<GoldPage> Pages);
}
