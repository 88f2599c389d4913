namespace Archive.Core.Splitting;

/// <summary>Where a page's extraction put the headlines: before their stories, or after them (seed 001).</summary>
internal enum HeadlinePlacement
{
    BeforeBody,
    AfterBody,
}

/// <summary>
/// Decides where a page's headlines sit. Each headline between two stories is compared with the story before it
/// and the story after it: a headline repeats the words of its own story. The page's first and last units add
/// their vote: a page that opens with a headline over a byline prints headlines first; one that opens with a
/// byline or dateline and ends with a headline prints them last.
/// </summary>
internal static class HeadlinePlacementDetector
{
    private const double Margin = 0.05;

    public static HeadlinePlacement Detect(IReadOnlyList<PageUnit> units)
    {
        var score = 0; // above zero: headlines after their stories
        var first = 0;
        while (first < units.Count && units[first].Kind == UnitKind.Logo) first++;
        if (first < units.Count)
        {
            if (units[first].OpensArticle) score += 1;
            else if (units[first].IsTitle)
            {
                var next = SkipLogos(units, Units.RunEnd(units, first));
                var opensSoon = next < units.Count && (units[next].OpensArticle
                    || units[next].Kind == UnitKind.Text && next + 1 < units.Count && units[next + 1].OpensArticle);
                if (opensSoon) score -= 2;
            }
        }
        var last = units.Count - 1;
        while (last >= 0 && units[last].Kind == UnitKind.Logo) last--;
        if (last > 0 && units[last].IsTitle && units.Take(last).Any(u => u.Kind == UnitKind.Text)) score += 1;

        foreach (var start in Units.GroupStarts(units))
        {
            var k = start - 1;
            while (k >= 0 && units[k].Kind == UnitKind.Logo) k--;
            if (k < 0 || !units[k].IsTitle) continue;
            var runStart = Units.RunStart(units, k);
            var title = string.Concat(units.Skip(runStart).Take(k - runStart + 1).Select(u => u.Text));

            var before = new List<string>();
            for (var i = runStart - 1; i >= 0 && !units[i].IsTitle; i--)
            {
                if (units[i].Kind == UnitKind.Text) before.Add(units[i].Text);
                if (units[i].OpensArticle) break;
            }
            var after = new List<string>();
            for (var i = start; i < units.Count && !units[i].IsTitle; i++)
            {
                if (i > start && units[i].Kind == UnitKind.Byline && units[i - 1].Kind != UnitKind.Byline) break;
                if (units[i].Kind == UnitKind.Text) after.Add(units[i].Text);
            }
            if (before.Count == 0) continue;

            var simBefore = TextSimilarity.Coverage(title, string.Concat(before));
            var simAfter = TextSimilarity.Coverage(title, string.Concat(after));
            if (simBefore > simAfter + Margin) score++;
            else if (simAfter > simBefore + Margin) score--;
        }
        return score > 0 ? HeadlinePlacement.AfterBody : HeadlinePlacement.BeforeBody;
    }

    private static int SkipLogos(IReadOnlyList<PageUnit> units, int i)
    {
        while (i < units.Count && units[i].Kind == UnitKind.Logo) i++;
        return i;
    }
}

/// <summary>Small queries over a page's units shared by the layout steps.</summary>
internal static class Units
{
    /// <summary>Where each article-opening group starts: a byline line, or a dateline paragraph not right after one.</summary>
    public static List<int> GroupStarts(IReadOnlyList<PageUnit> units)
    {
        var starts = new List<int>();
        for (var i = 0; i < units.Count; i++)
        {
            if (!units[i].OpensArticle) continue;
            if (i > 0 && units[i - 1].Kind == UnitKind.Byline) continue;
            starts.Add(i);
        }
        return starts;
    }

    /// <summary>First index of the run of headline-like units that contains <paramref name="i"/>.</summary>
    public static int RunStart(IReadOnlyList<PageUnit> units, int i)
    {
        while (i > 0 && units[i - 1].IsTitle) i--;
        return i;
    }

    /// <summary>Index just after the run of headline-like units that starts at <paramref name="i"/>.</summary>
    public static int RunEnd(IReadOnlyList<PageUnit> units, int i)
    {
        while (i < units.Count && units[i].IsTitle) i++;
        return i;
    }
}
