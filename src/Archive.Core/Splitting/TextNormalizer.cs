using System.Text;

namespace Archive.Core.Splitting;

/// <summary>
/// Cleans text extracted from printed Chinese pages: joins line breaks that fall inside a paragraph, removes the
/// spaces that layout put between Chinese characters (<c>凝 心 聚 力</c>, <c>2 月 6日</c>), trims indentation and
/// keeps the original punctuation. Used by the splitter on every paragraph and by the analyzers on every article,
/// so it works in one pass over the characters with a <see cref="StringBuilder"/> and no regular expressions.
/// </summary>
public static class TextNormalizer
{
    /// <summary>True for CJK ideographs (the characters that make up Chinese words).</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>
    /// True for characters set in full width in Chinese text: ideographs, CJK and full-width punctuation, curly quotes,
    /// dashes and ellipses. Spaces next to them are layout, not meaning.
    /// </summary>
    public static bool IsWide(char c) =>
        IsCjk(c)
        || c is >= '\u3001' and <= '\u303F'      // 、。〈〉《》「」【】 ...
        || c is >= '\uFF01' and <= '\uFFEF'      // full-width forms: ，：；（）！？ ...
        || c is >= '\u2010' and <= '\u2027'      // – — ‘ ’ “ ” … ·
        || c is >= '\u2460' and <= '\u24FF'      // circled numbers
        || c is >= '\u25A0' and <= '\u25FF'      // □ ■ ▶: byline markers and bullets
        || c is '\u00B7';

    /// <summary>True for the spaces layout produces: ASCII, ideographic (U+3000), no-break and other Unicode spaces.</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\u3000' or '\u00A0' or '\u200B' || (c > '\u007F' && char.IsWhiteSpace(c));

    /// <summary>
    /// True when a paragraph ending in <paramref name="text"/> ends a sentence (。！？… possibly followed by a closing
    /// quote or bracket). A line that does not is continued on the next line or column.
    /// </summary>
    public static bool EndsSentence(ReadOnlySpan<char> text)
    {
        text = text.TrimEnd();
        if (text.IsEmpty) return false;
        var last = text[^1];
        if (IsSentenceEnd(last)) return true;
        if (last is '”' or '’' or '」' or '』' or '）' or ')' or '"' or '\'' or '】' && text.Length > 1)
            return IsSentenceEnd(text[^2]);
        return false;
    }

    private static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '!' or '?' or '…' or '.';

    /// <summary>
    /// Normalises one line or paragraph: trims it, removes spaces between Chinese characters and between Chinese and
    /// digits (<c>2 月 6日</c> → <c>2月6日</c>, <c>1 月2 5日</c> → <c>1月25日</c>), collapses other runs of spaces
    /// (between Latin words) to one, and drops control characters. Line breaks inside are treated as spaces.
    /// </summary>
    public static string NormalizeInline(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(text.Length);
        AppendInline(sb, text.AsSpan());
        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// Joins hard-wrapped lines into paragraphs and normalises each (see <see cref="NormalizeInline"/>). A paragraph
    /// ends at a blank line or at a line that ends a sentence; other line breaks (<c>示\n范市</c>) are removed.
    /// Paragraphs are returned joined by <c>\n</c>.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var output = new StringBuilder(text.Length);
        var paragraph = string.Empty;
        var span = text.AsSpan();
        while (true)
        {
            var nl = span.IndexOf('\n');
            var line = nl < 0 ? span : span[..nl];
            if (IsBlank(line))
            {
                Flush(output, ref paragraph);
            }
            else
            {
                var inline = new StringBuilder(line.Length);
                AppendInline(inline, line);
                paragraph = JoinBroken(paragraph, inline.ToString().TrimEnd());
                if (EndsSentence(line)) Flush(output, ref paragraph);
            }
            if (nl < 0) break;
            span = span[(nl + 1)..];
        }
        Flush(output, ref paragraph);
        return output.ToString();
    }

    /// <summary>
    /// Joins two pieces of one paragraph that a line or column break separated: no space when either side is Chinese,
    /// one space between Latin words. A fragment the extraction repeated on both sides of the break
    /// (<c>实施方案》</c> + <c>案》，建立</c>) is kept once.
    /// </summary>
    public static string JoinBroken(string left, string right)
    {
        if (left.Length == 0) return right;
        if (right.Length == 0) return left;
        var overlap = RepeatedAcrossBreak(left, right);
        if (overlap > 0) right = right[overlap..];
        if (right.Length == 0) return left;
        var a = left[^1];
        var b = right[0];
        var glue = IsWide(a) || IsWide(b) || char.IsAsciiDigit(a) && char.IsAsciiDigit(b) || char.IsAsciiDigit(a) && IsWide(b);
        return glue ? string.Concat(left, right) : string.Concat(left, " ", right);
    }

    /// <summary>True when the text has nothing but spaces.</summary>
    public static bool IsBlank(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (!IsSpace(c) && c is not ('\r' or '\n' or '\f' or '\v')) return false;
        return true;
    }

    /// <summary>Counts the CJK ideographs of a text (used to size lines, headlines and articles).</summary>
    public static int CountCjk(ReadOnlySpan<char> text)
    {
        var n = 0;
        foreach (var c in text)
            if (IsCjk(c)) n++;
        return n;
    }

    /// <summary>The ideographs of a text alone, without punctuation, digits or spaces.</summary>
    public static string CjkOnly(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (IsCjk(c)) sb.Append(c);
        return sb.ToString();
    }

    // How many characters at the start of `right` repeat the end of `left`: extraction sometimes prints the last
    // characters of a column again at the top of the next. Only counted when the repeat includes punctuation or is
    // long enough not to be an ordinary repeated word.
    private static int RepeatedAcrossBreak(string left, string right)
    {
        var max = Math.Min(8, Math.Min(left.Length, right.Length - 1));
        for (var n = max; n >= 2; n--)
        {
            if (!left.AsSpan(left.Length - n).SequenceEqual(right.AsSpan(0, n))) continue;
            var part = right.AsSpan(0, n);
            var hasPunctuation = false;
            foreach (var c in part)
                if (!IsCjk(c) && !char.IsLetterOrDigit(c)) hasPunctuation = true;
            if (hasPunctuation && IsCjk(part[0]) || n >= 4) return n;
        }
        return 0;
    }

    private static void Flush(StringBuilder output, ref string paragraph)
    {
        if (paragraph.Length == 0) return;
        if (output.Length > 0) output.Append('\n');
        output.Append(paragraph);
        paragraph = string.Empty;
    }

    // Appends `text` to `sb`, deciding for each run of spaces (and for the boundary with what `sb` already holds)
    // whether it is layout (dropped) or a real separator (one space kept).
    private static void AppendInline(StringBuilder sb, ReadOnlySpan<char> text)
    {
        var pendingSpace = sb.Length > 0 && sb[^1] == ' ';
        if (pendingSpace) sb.Length--;
        var i = 0;
        while (i < text.Length && (IsSpace(text[i]) || text[i] is '\r' or '\n')) i++;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (IsSpace(c) || c is '\r' or '\n' or '\f' or '\v')
            {
                pendingSpace = true;
                continue;
            }
            if (char.IsControl(c) || c == '\uFEFF' || c == '\uFFFD') continue;

            if (pendingSpace && sb.Length > 0 && !DropSpace(sb, c, text, i))
                sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        // A trailing space is only kept as a placeholder for the caller's join logic.
        if (pendingSpace && sb.Length > 0) sb.Append(' ');
    }

    // Whether the space between what sb ends with and `next` (at text[index]) is layout.
    private static bool DropSpace(StringBuilder sb, char next, ReadOnlySpan<char> text, int index)
    {
        var prev = sb[^1];
        var prevWide = IsWide(prev);
        var nextWide = IsWide(next);
        if (prevWide && (nextWide || char.IsAsciiDigit(next) || IsAsciiPunctuation(next))) return true;
        if (nextWide && (char.IsAsciiDigit(prev) || IsAsciiPunctuation(prev) && EndsWithWideBefore(sb))) return true;
        if (char.IsAsciiDigit(prev) && char.IsAsciiDigit(next))
            return IsSpacedDate(sb, text, index);
        return false;
    }

    private static bool EndsWithWideBefore(StringBuilder sb) => sb.Length >= 2 && (IsWide(sb[^2]) || char.IsAsciiDigit(sb[^2]));

    // `1 月2 5日`: digits on both sides of a space are one number when they sit between a date unit and Chinese text.
    private static bool IsSpacedDate(StringBuilder sb, ReadOnlySpan<char> text, int index)
    {
        var left = sb.Length - 1;
        while (left >= 0 && char.IsAsciiDigit(sb[left])) left--;
        var leftDigits = sb.Length - 1 - left;
        var before = left >= 0 ? sb[left] : ' ';

        var right = index;
        while (right < text.Length && char.IsAsciiDigit(text[right])) right++;
        var rightDigits = right - index;
        var after = right < text.Length ? text[right] : ' ';

        if (leftDigits + rightDigits > 4) return false;
        return after is '日' or '月' or '号' or '时' or '点' || before is '月' or '年';
    }

    private static bool IsAsciiPunctuation(char c) => c < 128 && char.IsPunctuation(c);
}
