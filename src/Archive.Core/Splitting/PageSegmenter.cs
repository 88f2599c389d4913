namespace Archive.Core.Splitting;

/// <summary>
/// Cuts a page's units into articles. Bylines and datelines open articles; the headline block next to them goes to
/// the story on the side the page prints headlines on; a photo credit closes a caption; a headline block that is
/// not next to a byline closes a story only when it is clearly a headline (a dash sub-headline, two blocks, a long
/// line) and is otherwise a section head inside the story.
/// </summary>
internal static class PageSegmenter
{
    // A section head inside a story is short; a headline block longer than this closes the story before it.
    private const int SectionHeadCjk = 16;
    private const int MinimumStoryForTeaserCheck = 60;
    private const double TeaserCoverage = 0.1;
    private const int MaxCaptionParagraphs = 3;

    public static List<List<PageUnit>> Segment(List<PageUnit> units, HeadlinePlacement placement)
    {
        var n = units.Count;
        var cuts = new SortedSet<int> { 0 };
        var starts = Units.GroupStarts(units);
        var startSet = starts.ToHashSet();

        foreach (var start in starts)
            cuts.Add(placement == HeadlinePlacement.BeforeBody ? HeadlineFirstStart(units, start) : IncludeLogos(units, start));

        for (var s = 0; s < n; s++)
        {
            if (!units[s].IsTitle || s > 0 && units[s - 1].IsTitle) continue;
            var e = Units.RunEnd(units, s);
            var afterRun = IncludeLogosForward(units, e);
            if (afterRun < n && startSet.Contains(afterRun)) continue; // next to a byline: handled above
            var run = units.Skip(s).Take(e - s).ToList();
            var hasDash = run.Any(u => u.Lines.Any(TitleRules.IsDashLine));

            if (placement == HeadlinePlacement.BeforeBody)
            {
                if (hasDash && s > 0) cuts.Add(s);
                continue;
            }
            if (e >= n) continue; // the last headline of the page closes the last story
            var cjk = run.Sum(u => TextNormalizer.CountCjk(u.Text));
            var closes = hasDash || cjk > SectionHeadCjk || e - s >= 2 || EndsInPhotoCredit(units, e);
            if (!closes) continue;
            cuts.Add(e);
        }

        // A dash sub-headline ends its headline block: a title after it belongs to something else.
        for (var i = 0; i + 1 < n; i++)
            if (units[i].IsTitle && units[i + 1].IsTitle && TitleRules.IsDashLine(units[i].Lines[^1])) cuts.Add(i + 1);

        if (placement == HeadlinePlacement.AfterBody)
            CutTeasers(units, cuts);

        for (var i = 0; i < n; i++)
        {
            if (!units[i].HasPhotoCredit) continue;
            if (i + 1 < n) cuts.Add(i + 1);
            var k = i;
            while (k > 0 && i - k < MaxCaptionParagraphs - 1 && units[k - 1] is { Kind: UnitKind.Text, OpensArticle: false, HasPhotoCredit: false }
                   && !cuts.Contains(k) && !units[k].OpensArticle)
                k--;
            if (placement == HeadlinePlacement.BeforeBody && k > 0 && units[k - 1].IsTitle) k = Units.RunStart(units, k - 1);
            if (k == 0 || units[k - 1].Kind != UnitKind.Text || cuts.Contains(k)) cuts.Add(k);
        }

        var segments = new List<List<PageUnit>>();
        var bounds = cuts.Where(c => c < n).Append(n).ToList();
        for (var i = 0; i + 1 < bounds.Count; i++)
        {
            var segment = units.GetRange(bounds[i], bounds[i + 1] - bounds[i]);
            if (segment.Count > 0) segments.Add(segment);
        }
        return segments;
    }

    // A headline block with a dash sub-headline that shares nothing with the story before it is a teaser for a
    // story on another page, not that story's headline.
    private static void CutTeasers(List<PageUnit> units, SortedSet<int> cuts)
    {
        for (var i = 0; i < units.Count; i++)
        {
            if (!units[i].IsTitle || !TitleRules.IsDashLine(units[i].Lines[^1])) continue;
            var s = i;
            while (s > 0 && units[s - 1].IsTitle && !TitleRules.IsDashLine(units[s - 1].Lines[^1])) s--;
            var previousCut = cuts.GetViewBetween(0, s).Max;
            var story = string.Concat(units.Skip(previousCut).Take(s - previousCut).Where(u => u.Kind == UnitKind.Text).Select(u => u.Text));
            var title = string.Concat(units.Skip(s).Take(i - s + 1).Select(u => u.Text));
            if (TextNormalizer.CountCjk(story) < MinimumStoryForTeaserCheck || TextSimilarity.Coverage(title, story) >= TeaserCoverage) continue;
            cuts.Add(s);
            if (i + 1 < units.Count) cuts.Add(i + 1);
        }
    }

    // Headlines first: the article starts at the headline block above its byline, or above a lede paragraph
    // printed between headline and byline when that block opens the page or has a kicker.
    private static int HeadlineFirstStart(List<PageUnit> units, int start)
    {
        var b = IncludeLogos(units, start);
        if (b > 0 && units[b - 1].IsTitle)
            b = Units.RunStart(units, b - 1);
        else if (b > 1 && units[b - 1] is { Kind: UnitKind.Text, OpensArticle: false } && units[b - 2].IsTitle)
        {
            var runStart = Units.RunStart(units, b - 2);
            var opensPage = units.Take(runStart).All(u => u.Kind == UnitKind.Logo);
            if (opensPage || b - 1 - runStart >= 2) b = runStart;
        }
        return IncludeLogos(units, b);
    }

    private static int IncludeLogos(List<PageUnit> units, int i)
    {
        while (i > 0 && units[i - 1].Kind == UnitKind.Logo) i--;
        return i;
    }

    private static int IncludeLogosForward(List<PageUnit> units, int i)
    {
        while (i < units.Count && units[i].Kind == UnitKind.Logo) i++;
        return i;
    }

    private static bool EndsInPhotoCredit(List<PageUnit> units, int from)
    {
        for (var i = from; i < units.Count && i < from + MaxCaptionParagraphs; i++)
        {
            if (units[i].Kind != UnitKind.Text || units[i].OpensArticle && i > from) return false;
            if (units[i].HasPhotoCredit) return true;
        }
        return false;
    }
}
