using System.Text;

namespace Archive.Core.Splitting;

/// <summary>The headline of an article and the lines printed with it.</summary>
/// <param name="Headline">The main headline, its parts joined by one space.</param>
/// <param name="Subheadlines">Kickers above it and sub-headlines below it (<c>——</c> lines), without the dash.</param>
public sealed record HeadlineParts(string Headline, IReadOnlyList<string> Subheadlines);

/// <summary>
/// Composes the headline from the title lines set apart around an article. A line wrapped inside one block is
/// joined back (<c>2023年我市新增政府性融资</c> + <c>担保业务增幅全省第一</c>); separate blocks and spaced-out display lines
/// (<c>凝 心 聚 力 建 设 质 量 强 市</c>) are parts joined by a space; dash lines are sub-headlines; a very long part beside a
/// shorter one is the kicker and becomes a sub-headline.
/// </summary>
public static class HeadlineComposer
{
    // Longer than this, a title part beside other parts is a kicker (引题), not the headline itself.
    private const int KickerCjk = 24;
    private const int SubLineAfterCjk = 16;

    /// <summary>Composes the headline from title blocks (each a list of printed lines) in page order.</summary>
    public static HeadlineParts Compose(IEnumerable<IReadOnlyList<string>> blocks)
    {
        var parts = new List<string>();
        var subheadlines = new List<string>();
        foreach (var block in blocks)
        {
            string? current = null;
            foreach (var line in block)
            {
                if (TitleRules.IsDashLine(line))
                {
                    Add(parts, ref current);
                    var text = CleanLine(line.TrimStart('—', '-', '－', ' ', '\u3000'));
                    if (text.Length > 0) subheadlines.Add(text);
                    continue;
                }
                var cleaned = CleanLine(line);
                if (cleaned.Length == 0) continue;
                if (IsSpacedOut(line))
                {
                    Add(parts, ref current);
                    parts.Add(cleaned);
                    continue;
                }
                // A much shorter line under a full headline line is its sub-headline, not the rest of a wrapped line.
                if (current is not null && TextNormalizer.CountCjk(current) >= SubLineAfterCjk
                    && TextNormalizer.CountCjk(cleaned) * 10 <= TextNormalizer.CountCjk(current) * 6)
                {
                    Add(parts, ref current);
                    subheadlines.Add(cleaned);
                    continue;
                }
                current = current is null ? cleaned : TextNormalizer.JoinBroken(current, cleaned);
            }
            Add(parts, ref current);
        }

        if (parts.Count >= 2)
        {
            var kickers = parts.Where(p => TextNormalizer.CountCjk(p) > KickerCjk).ToList();
            if (kickers.Count < parts.Count)
            {
                foreach (var kicker in kickers) parts.Remove(kicker);
                subheadlines.InsertRange(0, kickers);
            }
        }
        if (parts.Count == 0 && subheadlines.Count > 0)
        {
            parts.Add(subheadlines[0]);
            subheadlines.RemoveAt(0);
        }
        return new HeadlineParts(string.Join(" ", parts), subheadlines);
    }

    /// <summary>
    /// Cleans one headline line: spaced-out characters are closed up, but a space between two groups of characters
    /// (<c>多元一体 美美与共</c>) is kept as one space, because it separates the halves of a headline.
    /// </summary>
    public static string CleanLine(string line)
    {
        var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(t => t.Split('\u3000', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        var sb = new StringBuilder(line.Length);
        var previousSingle = false;
        foreach (var token in tokens)
        {
            var single = token.Length == 1;
            if (sb.Length > 0)
            {
                // Separate two groups only; single characters were spaced out by the layout.
                var separate = !single && !previousSingle && !IsPunctuationEdge(sb[^1], token[0]);
                if (separate) sb.Append(' ');
            }
            sb.Append(TextNormalizer.NormalizeInline(token));
            previousSingle = single;
        }
        return sb.ToString().Trim();
    }

    private static bool IsPunctuationEdge(char left, char right) =>
        left is '，' or ',' or '、' or '：' or '“' or '《' or '（' || right is '，' or ',' or '、' or '：' or '”' or '》' or '）';

    private static bool IsSpacedOut(string line)
    {
        var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return tokens.Length >= 4 && tokens.Count(t => t.Length == 1) * 4 >= tokens.Length * 3;
    }

    private static void Add(List<string> parts, ref string? current)
    {
        if (!string.IsNullOrEmpty(current)) parts.Add(current);
        current = null;
    }
}
