using Archive.Core.Articles;
using Archive.Core.Splitting;
using Archive.Core.Tests.Splitting.Gold;
using Xunit.Abstractions;

namespace Archive.Core.Tests.Splitting;

/// <summary>
/// Scores the splitter against the hand-made gold annotation of the seed pages (Gold/seeds.gold.json) and prints
/// the scores and every article that differs, so the next person sees what fails and why.
/// </summary>
public sealed class SplitterQualityTests(ITestOutputHelper output)
{
    private const double BoundaryF1Bar = 0.97;
    private const double HeadlineBar = 0.95;
    private const double NameF1Bar = 0.97;
    private const double CountyBar = 0.95;

    [Fact]
    public void SplitterMeetsTheQualityBarsOnTheSeedPages()
    {
        var splitter = new PageSplitter();
        var pages = GoldStandard.Load()
            .Select(gold => (gold, (IReadOnlyList<Article>)splitter.Split(SeedPages.Load(gold.File))))
            .ToList();

        var scores = SplitterScorer.Score(pages);
        output.WriteLine(scores.Summary);
        output.WriteLine(scores.Report);

        var failures = new List<string>();
        if (scores.F1 < BoundaryF1Bar) failures.Add($"boundary F1 {scores.F1:0.000} < {BoundaryF1Bar}");
        if (scores.HeadlineRate < HeadlineBar) failures.Add($"headlines {scores.HeadlineRate:0.000} < {HeadlineBar}");
        if (scores.NameF1 < NameF1Bar) failures.Add($"name F1 {scores.NameF1:0.000} < {NameF1Bar}");
        if (scores.CountyRate < CountyBar) failures.Add($"county {scores.CountyRate:0.000} < {CountyBar}");
        Assert.True(failures.Count == 0, string.Join("; ", failures) + "\n" + scores.Summary + "\n" + scores.Report);
    }

    [Fact]
    public void EverySeedPageHasAGoldAnnotation()
    {
        var annotated = GoldStandard.Load().Select(p => p.File).Order(StringComparer.Ordinal);
        var seeds = SeedPages.Files.Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(seeds, annotated);
    }
}
