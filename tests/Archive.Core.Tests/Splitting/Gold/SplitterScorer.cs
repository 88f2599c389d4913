using System.Text;
using Archive.Core.Articles;

namespace Archive.Core.Tests.Splitting.Gold;

/// <summary>The scores of a splitter against the gold annotation, and a readable account of every miss.</summary>
public sealed record SplitterScores(
    int Gold,
    int Predicted,
    int BoundaryMatches,
    int HeadlineMatches,
    int NameTruePositives,
    int NameFalsePositives,
    int NameFalseNegatives,
    int CountyScored,
    int CountyMatches,
    int KindMatches,
    string Report)
{
    public double Precision => Predicted == 0 ? 0 : (double)BoundaryMatches / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)BoundaryMatches / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public double HeadlineRate => Gold == 0 ? 0 : (double)HeadlineMatches / Gold;

    public double NameF1
    {
        get
        {
            var p = NameTruePositives + NameFalsePositives == 0 ? 1 : (double)NameTruePositives / (NameTruePositives + NameFalsePositives);
            var r = NameTruePositives + NameFalseNegatives == 0 ? 1 : (double)NameTruePositives / (NameTruePositives + NameFalseNegatives);
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    public double CountyRate => CountyScored == 0 ? 0 : (double)CountyMatches / CountyScored;
    public double KindRate => Gold == 0 ? 0 : (double)KindMatches / Gold;

    public string Summary =>
        $"boundaries P={Precision:0.000} R={Recall:0.000} F1={F1:0.000} ({BoundaryMatches}/{Gold} gold, {Predicted} predicted) | " +
        $"headlines {HeadlineRate:0.000} ({HeadlineMatches}/{Gold}) | names F1={NameF1:0.000} (tp {NameTruePositives}, fp {NameFalsePositives}, fn {NameFalseNegatives}) | " +
        $"county {CountyRate:0.000} ({CountyMatches}/{CountyScored}) | kind {KindRate:0.000} (reported only)";
}

/// <summary>
/// Scores split pages against gold pages. A predicted article is paired with a gold article when its story (body
/// without a leading dateline and bracketed byline) starts with the gold <c>firstWords</c>, compared on letters and
/// digits only; a gold article without body (a teaser headline) pairs with a predicted article of the same headline.
/// A pair is a boundary match when the story also ends with the gold <c>lastWords</c>: both edges are right.
/// Headlines, names and counties are compared on pairs; an unpaired gold article counts as a miss for each.
/// </summary>
internal static class SplitterScorer
{
    private static readonly string[] Roles = ["reporter", "correspondent", "photographer", "author"];

    public static SplitterScores Score(IEnumerable<(GoldPage Gold, IReadOnlyList<Article> Predicted)> pages)
    {
        int gold = 0, predicted = 0, boundaries = 0, headlines = 0, tp = 0, fp = 0, fn = 0, countyScored = 0, county = 0, kinds = 0;
        var report = new StringBuilder();
        foreach (var (page, articles) in pages)
        {
            gold += page.Articles.Count;
            predicted += articles.Count;
            var pairs = Pair(page.Articles, articles);
            report.AppendLine($"== {page.File}: {page.Articles.Count} gold, {articles.Count} predicted");
            for (var g = 0; g < page.Articles.Count; g++)
            {
                var expected = page.Articles[g];
                var problems = new List<string>();
                if (expected.County is not null) countyScored++;
                if (!pairs.TryGetValue(g, out var p))
                {
                    fn += GoldNames(expected).Count;
                    report.AppendLine($"  MISSING  #{g + 1} 「{expected.Headline}」 starting 「{expected.FirstWords}」");
                    continue;
                }
                var actual = articles[p];
                var story = GoldStandard.StoryKey(actual.Body);
                if (story.EndsWith(GoldStandard.TextKey(expected.LastWords), StringComparison.Ordinal)) boundaries++;
                else problems.Add($"ends 「{Tail(actual.Body)}」, gold ends 「{expected.LastWords}」");

                if (GoldStandard.HeadlineKey(actual.Headline) == GoldStandard.HeadlineKey(expected.Headline)) headlines++;
                else problems.Add($"headline 「{actual.Headline}」 sub [{string.Join(" | ", actual.Subheadlines)}], gold 「{expected.Headline}」 sub [{string.Join(" | ", expected.Subheadlines)}]");

                var goldNames = GoldNames(expected);
                var names = PredictedNames(actual);
                var hit = goldNames.Intersect(names).Count();
                tp += hit;
                fp += names.Count - hit;
                fn += goldNames.Count - hit;
                if (hit != goldNames.Count || hit != names.Count)
                    problems.Add($"names {Show(names)}, gold {Show(goldNames)}");

                if (expected.County is not null)
                {
                    if (actual.County == expected.County) county++;
                    else problems.Add($"county {actual.County ?? "null"} [{string.Join(",", actual.Counties)}], gold {expected.County}");
                }

                var kind = KindName(actual.Kind);
                if (kind == expected.Kind) kinds++;
                else problems.Add($"(kind {kind}, gold {expected.Kind})");

                if (problems.Count > 0)
                    report.AppendLine($"  DIFF     #{g + 1} → {actual.Id} 「{expected.Headline}」: " + string.Join("; ", problems));
            }
            var paired = pairs.Values.ToHashSet();
            for (var p = 0; p < articles.Count; p++)
            {
                if (paired.Contains(p)) continue;
                fp += PredictedNames(articles[p]).Count;
                report.AppendLine($"  EXTRA    {articles[p].Id} 「{articles[p].Headline}」 starting 「{Head(articles[p].Body)}」");
            }
        }
        return new SplitterScores(gold, predicted, boundaries, headlines, tp, fp, fn, countyScored, county, kinds, report.ToString());
    }

    // Greedy in page order: each gold article takes the first unused predicted article that starts like it.
    private static Dictionary<int, int> Pair(IReadOnlyList<GoldArticle> gold, IReadOnlyList<Article> predicted)
    {
        var pairs = new Dictionary<int, int>();
        var used = new HashSet<int>();
        for (var g = 0; g < gold.Count; g++)
        {
            var first = GoldStandard.TextKey(gold[g].FirstWords);
            for (var p = 0; p < predicted.Count; p++)
            {
                if (used.Contains(p)) continue;
                var matches = first.Length > 0
                    ? GoldStandard.StoryKey(predicted[p].Body).StartsWith(first, StringComparison.Ordinal)
                    : GoldStandard.HeadlineKey(predicted[p].Headline) == GoldStandard.HeadlineKey(gold[g].Headline);
                if (!matches) continue;
                pairs[g] = p;
                used.Add(p);
                break;
            }
        }
        return pairs;
    }

    private static HashSet<string> GoldNames(GoldArticle a) =>
        Tag(Roles[0], a.Reporters).Concat(Tag(Roles[1], a.Correspondents)).Concat(Tag(Roles[2], a.Photographers)).Concat(Tag(Roles[3], a.Authors)).ToHashSet();

    private static HashSet<string> PredictedNames(Article a) =>
        Tag(Roles[0], a.Reporters).Concat(Tag(Roles[1], a.Correspondents)).Concat(Tag(Roles[2], a.Photographers)).Concat(Tag(Roles[3], a.Authors)).ToHashSet();

    private static IEnumerable<string> Tag(string role, IEnumerable<string> names) => names.Select(n => $"{role}:{n}");

    private static string Show(IEnumerable<string> names) => "{" + string.Join(" ", names.Order(StringComparer.Ordinal)) + "}";

    private static string KindName(ArticleKind kind) => kind.ToString().ToLowerInvariant();

    private static string Head(string body) => body.Length <= 24 ? body : body[..24];

    private static string Tail(string body) => body.Length <= 24 ? body : body[^24..];
}
