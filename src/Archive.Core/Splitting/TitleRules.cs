namespace Archive.Core.Splitting;

/// <summary>
/// Tells headline-like lines from running text by their form alone: short, no sentence end, hardly any inner
/// punctuation. Whether such a line is a headline, a section head or a wrapped line is decided later, in context.
/// </summary>
internal static class TitleRules
{
    public const int MaxTitleCjk = 40;
    public const int MaxTitleLines = 3;

    /// <summary>
    /// The printed width of a line in half-widths: an ideograph or full-width sign counts two, anything else one.
    /// Spaces count too, because a justified line that the extraction spaced out still filled the column.
    /// </summary>
    public static int VisualWidth(string line)
    {
        var width = 0;
        foreach (var c in line)
            width += TextNormalizer.IsWide(c) || c == '\u3000' ? 2 : 1;
        return width;
    }

    /// <summary>True for a sub-headline line printed with a leading dash (<c>——循着……</c>).</summary>
    public static bool IsDashLine(string line)
    {
        var t = line.TrimStart();
        return t.StartsWith("——", StringComparison.Ordinal) || t.StartsWith("--", StringComparison.Ordinal)
            || t.StartsWith("－－", StringComparison.Ordinal) || t.StartsWith('—');
    }

    /// <summary>True when the lines could be a headline block: at most three lines (plus dash lines) of headline-like text.</summary>
    public static bool LooksLikeTitle(IReadOnlyList<string> lines)
    {
        var main = new List<string>();
        var sawDash = false;
        foreach (var line in lines)
        {
            if (IsDashLine(line))
            {
                if (line.Length > 50) return false;
                sawDash = true;
                continue;
            }
            // A dash line closes a headline block; text after it is not part of it.
            if (sawDash) return false;
            main.Add(line);
        }
        if (main.Count > MaxTitleLines) return false;
        if (main.Count == 0) return true;
        var text = main.Aggregate(string.Empty, (acc, l) => TextNormalizer.JoinBroken(acc, TextNormalizer.NormalizeInline(l)));
        return IsTitleText(text);
    }

    /// <summary>True for headline-like text: 2–40 ideographs, no 。 or ；, at most one comma and one 、, no open end.</summary>
    public static bool IsTitleText(string text)
    {
        var cjk = TextNormalizer.CountCjk(text);
        if (cjk is < 2 or > MaxTitleCjk || text.Length > MaxTitleCjk + 16) return false;
        int commas = 0, enumerations = 0, colons = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '。' or '；' or ';': return false;
                case '，' or ',': commas++; break;
                case '、': enumerations++; break;
                case '：' or ':': colons++; break;
            }
        }
        if (commas > 1 || enumerations > 1 || colons > 1) return false;
        var last = text[^1];
        if (last is '，' or ',' or '、' or '：' or ':' or '（' or '(' or '《' or '“' or '‘' or '—' or '-') return false;
        // 走，赶集去！ is a headline; a long line ending in ！ is a sentence.
        if (last is '！' or '？' or '!' or '?' && cjk > 14) return false;
        if (last is '。' or '…') return false;
        return DatelineParser.Parse(text) is null;
    }
}
