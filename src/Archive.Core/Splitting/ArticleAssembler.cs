using Archive.Core.Articles;
using Archive.Core.Pages;

namespace Archive.Core.Splitting;

/// <summary>
/// Turns the units of one article into its record: headline and sub-headlines, names by role, dateline, county,
/// dates, kind and body. Every paragraph that is not headline or byline goes to the body, section heads included,
/// so no text of the page is lost.
/// </summary>
internal sealed class ArticleAssembler(CountyResolver counties, HeadlineContinuations continuations)
{
    private const int PhotoCaptionCjk = 400;
    private const int BriefCjk = 300;
    // News carries a dateline (本报讯); a long story without one is a feature (通讯).
    private const int FeatureCjk = 1000;
    private const int TeaserCjk = 200;

    public Article? Assemble(IReadOnlyList<PageUnit> segment, HeadlinePlacement placement, PageText page, int position, DateOnly? issueDate, bool dateInferred)
    {
        var headlineUnits = HeadlineUnits(segment, placement);
        var headlineBlocks = headlineUnits.Select(u => new HeadlineBlock(u.Lines))
            .Concat(segment.Where(u => u.Displaced).Select(u => new HeadlineBlock(u.Lines, Displaced: true)));
        var headline = HeadlineComposer.Compose(headlineBlocks, continuations);

        var paragraphs = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var credits = Byline.Empty;
        Dateline? dateline = null;
        ArticleKind? hint = null;
        var hasDash = headlineUnits.Any(u => u.Lines.Any(TitleRules.IsDashLine));
        foreach (var unit in segment)
        {
            credits = credits.Merge(unit.Credits);
            hint ??= unit.KindHint;
            if (unit.Kind == UnitKind.Byline || unit.Kind == UnitKind.Logo || unit.Displaced || headlineUnits.Contains(unit)) continue;
            dateline ??= unit.Dateline;
            var text = unit.Kind == UnitKind.Title ? HeadlineComposer.CleanLine(string.Join(" ", unit.Lines)) : unit.Text;
            if (text.Length > 0 && seen.Add(text)) paragraphs.Add(text);
        }

        if (headline.Headline.Length == 0 && paragraphs.Count == 0 && credits.IsEmpty) return null;

        var body = string.Join("\n", paragraphs);
        var county = counties.Resolve(headline.Headline + " " + string.Join(" ", headline.Subheadlines), body, dateline);
        var eventText = dateline is { Month: not null } ? dateline.Text + body : body;

        return new Article
        {
            Id = PageKey.ArticleId(page.File ?? string.Empty, position),
            File = page.File ?? string.Empty,
            Kind = KindOf(headline, paragraphs, body, credits, dateline, hint, hasDash),
            Headline = headline.Headline,
            Subheadlines = headline.Subheadlines,
            Reporters = credits.Reporters,
            Correspondents = credits.Correspondents,
            Photographers = credits.Photographers,
            Authors = credits.Authors,
            Dateline = dateline?.Text,
            County = county.County,
            Counties = county.Counties,
            Date = issueDate,
            DateInferred = dateInferred,
            EventDates = IssueDateInference.EventDates(eventText, issueDate),
            Body = body,
        };
    }

    // The headline block sits at the start of the article when the page prints headlines first, at its end otherwise.
    // An article made of nothing but headline blocks (a teaser) takes them all.
    private static List<PageUnit> HeadlineUnits(IReadOnlyList<PageUnit> segment, HeadlinePlacement placement)
    {
        var content = segment.Where(u => u.Kind != UnitKind.Logo && !u.Displaced).ToList();
        if (content.Count > 0 && content.All(u => u.IsTitle)) return content;

        var run = new List<PageUnit>();
        if (placement == HeadlinePlacement.BeforeBody)
        {
            foreach (var unit in content)
            {
                if (!unit.IsTitle) break;
                run.Add(unit);
            }
        }
        else
        {
            for (var i = content.Count - 1; i >= 0 && content[i].IsTitle; i--)
                run.Insert(0, content[i]);
        }
        return run;
    }

    private static ArticleKind KindOf(HeadlineParts headline, List<string> paragraphs, string body, Byline credits, Dateline? dateline, ArticleKind? hint, bool hasDash)
    {
        var cjk = TextNormalizer.CountCjk(body);
        if (cjk == 0) return headline.Headline.Length > 0 ? ArticleKind.Teaser : ArticleKind.Brief;
        if (hint is { } h) return h;
        var staff = credits.Reporters.Count + credits.Correspondents.Count;
        if (credits.Authors.Count > 0 && staff == 0 && credits.Photographers.Count == 0 && dateline is null) return ArticleKind.Commentary;
        if (credits.Photographers.Count > 0 && cjk <= PhotoCaptionCjk) return ArticleKind.Photo;
        if (headline.Headline.Length == 0 && paragraphs.Count == 1 && cjk <= TeaserCjk && dateline is null) return ArticleKind.Photo;
        if (hasDash && credits.IsEmpty && cjk <= TeaserCjk) return ArticleKind.Teaser;
        // A short item signed by a reporter is still a news story; a brief (简讯) is short and unsigned.
        if (cjk < BriefCjk && staff == 0) return ArticleKind.Brief;
        if (cjk > FeatureCjk && dateline is null) return ArticleKind.Feature;
        return ArticleKind.News;
    }
}
