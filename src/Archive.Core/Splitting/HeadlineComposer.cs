using System.Text;

namespace Archive.Core.Splitting;

/// <summary>The headline of an article and the lines printed with it.</summary>
/// <param name="Headline">The main headline, its parts joined by one space.</param>
/// <param name="Subheadlines">Kickers above it and sub-headlines below it (<c>——</c> lines), without the dash.</param>
public sealed record HeadlineParts(string Headline, IReadOnlyList<string> Subheadlines);

/// <summary>One block of headline lines as printed, and whether the layout dropped it inside the body.</summary>
/// <param name="Lines">The printed lines, in order.</param>
/// <param name="Displaced">True for the second half of a headline the extraction put inside the story (<c>决战下半年</c>).</param>
public sealed record HeadlineBlock(IReadOnlyList<string> Lines, bool Displaced = false);

/// <summary>
/// Composes the headline from the title lines set apart around an article, following the conventions of
/// <c>tests/.../Splitting/Gold/README.md</c>:
/// <list type="bullet">
/// <item>lines wrapped inside one block are joined back (<c>2023年我市新增政府性融资</c> + <c>担保业务增幅全省第一</c>);</item>
/// <item>dash lines, and a much shorter line under a full one, are sub-headlines;</item>
/// <item>a part that cannot stand alone (a bare subject, a verb waiting for its object) is joined to the next part;</item>
/// <item>halves of one main headline are joined by a space: a spaced-out line justified under the line above
/// (<c>凝 心 聚 力 建 设 质 量 强 市</c>), a half the layout put inside the body, a couplet of equal short halves;</item>
/// <item>of the parts left, the last is the main headline and the ones before it are kickers (引题), except that a
/// part longer than a headline usually is (more than 24 ideographs) is a kicker wherever it stands.</item>
/// </list>
/// </summary>
public static class HeadlineComposer
{
    // Longer than this, a title part beside other parts is a kicker (引题), not the headline itself.
    private const int KickerCjk = 24;
    private const int SubLineAfterCjk = 16;
    // Couplet headlines (对仗) are short halves of equal length; longer equal lines are a coincidence.
    private const int MaxCoupletHalfCjk = 10;

    private enum Link
    {
        /// <summary>A part of its own.</summary>
        None,
        /// <summary>The second half of the part before it, after a space.</summary>
        Space,
    }

    private sealed record Part(string Text, Link Link);

    /// <summary>Composes the headline from title blocks (each a list of printed lines) in page order.</summary>
    public static HeadlineParts Compose(IEnumerable<IReadOnlyList<string>> blocks) =>
        Compose(blocks.Select(b => new HeadlineBlock(b)), HeadlineContinuations.None);

    /// <summary>Composes the headline from title blocks in page order, displaced halves last.</summary>
    public static HeadlineParts Compose(IEnumerable<HeadlineBlock> blocks, HeadlineContinuations continuations)
    {
        var parts = new List<Part>();
        var subheadlines = new List<string>();
        foreach (var block in blocks)
        {
            string? current = null;
            var partsBefore = parts.Count;
            foreach (var line in block.Lines)
            {
                if (TitleRules.IsDashLine(line))
                {
                    Add(parts, ref current, block.Displaced);
                    var text = CleanLine(line.TrimStart('—', '-', '－', ' ', '\u3000'));
                    if (text.Length > 0) subheadlines.Add(text);
                    continue;
                }
                var cleaned = CleanLine(line);
                if (cleaned.Length == 0) continue;
                if (IsSpacedOut(line))
                {
                    // Justified to the width of the line above it in the same block: the second line of one main headline.
                    var joinsAbove = current is not null || parts.Count > partsBefore;
                    Add(parts, ref current, block.Displaced);
                    parts.Add(new Part(cleaned, joinsAbove ? Link.Space : Link.None));
                    continue;
                }
                // A much shorter line under a full headline line is its sub-headline, not the rest of a wrapped line.
                if (current is not null && TextNormalizer.CountCjk(current) >= SubLineAfterCjk
                    && TextNormalizer.CountCjk(cleaned) * 10 <= TextNormalizer.CountCjk(current) * 6)
                {
                    Add(parts, ref current, block.Displaced);
                    subheadlines.Add(cleaned);
                    continue;
                }
                current = current is null ? cleaned : TextNormalizer.JoinBroken(current, cleaned);
            }
            Add(parts, ref current, block.Displaced);
        }

        var merged = Merge(parts, continuations);
        var main = MainIndex(merged);
        if (main < 0)
        {
            if (subheadlines.Count == 0) return new HeadlineParts(string.Empty, []);
            var promoted = subheadlines[0];
            return new HeadlineParts(promoted, subheadlines.Skip(1).ToList());
        }
        var kickers = merged.Where((_, i) => i != main);
        return new HeadlineParts(merged[main], kickers.Concat(subheadlines).ToList());
    }

    // Joins the parts that belong together: halves of one main headline (after a space) and a part that cannot stand
    // alone with the part after it (as one wrapped line).
    private static List<string> Merge(List<Part> parts, HeadlineContinuations continuations)
    {
        // Halves first, so that a two-line main headline is whole before it is compared with its neighbours.
        var halves = new List<string>();
        foreach (var part in parts)
        {
            if (halves.Count > 0 && part.Link == Link.Space) halves[^1] = halves[^1] + " " + part.Text;
            else halves.Add(part.Text);
        }
        var merged = new List<string>();
        foreach (var part in halves)
        {
            if (merged.Count > 0 && continuations.Continues(merged[^1]))
                merged[^1] = TextNormalizer.JoinBroken(merged[^1], part);
            else if (merged.Count > 0 && IsCouplet(merged[^1], part))
                merged[^1] = merged[^1] + " " + part;
            else
                merged.Add(part);
        }
        return merged;
    }

    // 凝心聚力 / 攻坚克难: two short halves of the same length without inner punctuation.
    private static bool IsCouplet(string left, string right)
    {
        var n = TextNormalizer.CountCjk(left);
        return n is >= 3 and <= MaxCoupletHalfCjk && n == TextNormalizer.CountCjk(right)
            && n == left.Length && n == right.Length;
    }

    // The last part is the main headline, kickers stand above it; but a part longer than a headline is a kicker
    // even when it comes last, if a headline-sized part is there to be the main one.
    // Halves joined by a space are measured one by one: a two-line main headline is long only in sum.
    private static int MainIndex(List<string> parts)
    {
        for (var i = parts.Count - 1; i >= 0; i--)
            if (parts[i].Split(' ').Max(h => TextNormalizer.CountCjk(h)) <= KickerCjk) return i;
        return parts.Count - 1;
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

    private static void Add(List<Part> parts, ref string? current, bool displaced)
    {
        // A displaced half is the rest of the main headline printed before it.
        if (!string.IsNullOrEmpty(current)) parts.Add(new Part(current, displaced && parts.Count > 0 ? Link.Space : Link.None));
        current = null;
    }
}
