using System.Text.Json;
using Archive.Core.Analysis;
using Archive.Core.Articles;
using Archive.Core.Indexing;
using Archive.Core.Pages;
using Archive.Core.Searching;
using Archive.Core.Splitting;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Archive.Core.Tests.Searching;

/// <summary>The seed pages split, indexed in a temporary index, once for the whole class.</summary>
public sealed class SeedIndexFixture : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "archive-seed-quality", Guid.NewGuid().ToString("N"));

    public SeedIndexFixture()
    {
        var seeds = Splitting.SeedPages.Folder;
        var manifest = PageManifest.Load(seeds);
        var splitter = new PageSplitter();
        var analyzers = ArchiveAnalyzers.CreateDefault();
        Index = ArchiveIndex.OpenForWriting(_path, analyzers, NullLogger.Instance);
        var articles = new List<Article>();
        foreach (var file in Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var split = splitter.Split(new PageText(name, File.ReadAllText(file), manifest.DateOf(name)));
            Index.ReplacePage(new PageState(name, name, 0, DateTime.UtcNow, manifest.DateOf(name), split.Count, DateTimeOffset.UtcNow), split);
            articles.AddRange(split);
        }
        Index.Commit();
        Articles = articles;
        Searcher = new ArticleSearcher(Index, new QueryBuilder(analyzers), analyzers);
    }

    public ArchiveIndex Index { get; }

    public ArticleSearcher Searcher { get; }

    public IReadOnlyList<Article> Articles { get; }

    public void Dispose()
    {
        Index.Dispose();
        Directory.Delete(_path, recursive: true);
    }
}

/// <summary>
/// Search quality measured on the seeds: judged queries (recall@10, MRR, every expected article in the top 3),
/// and recall of arbitrary spans of text (every span of 2–6 Chinese characters finds its article).
/// </summary>
public sealed class SeedSearchQualityTests(SeedIndexFixture seeds, ITestOutputHelper output) : IClassFixture<SeedIndexFixture>
{
    private sealed record Judgement(string Query, string Anchor, string Kind);

    private sealed record JudgedSet(string About, List<Judgement> Queries);

    [Fact]
    public void EveryJudgedQueryFindsItsArticleInTheTopThree()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Searching", "Judged", "seeds.judged.json");
        var set = JsonSerializer.Deserialize<JudgedSet>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.True(set.Queries.Count >= 40, "the judged set must hold at least 40 queries");

        var reciprocalRanks = new List<double>();
        var misses = new List<string>();
        foreach (var judgement in set.Queries)
        {
            var expected = seeds.Articles.Where(a => Holds(a, judgement.Anchor)).ToList();
            Assert.True(expected.Count == 1, $"anchor “{judgement.Anchor}” of “{judgement.Query}” must pick one article, picks {expected.Count}");

            var hits = seeds.Searcher.Search(new SearchRequest(judgement.Query, 1, 10)).Hits;
            var rank = hits.Select(h => h.Id).ToList().IndexOf(expected[0].Id) + 1;
            reciprocalRanks.Add(rank == 0 ? 0 : 1.0 / rank);
            output.WriteLine($"{(rank is >= 1 and <= 3 ? "ok  " : "MISS")} rank {(rank == 0 ? "-" : rank.ToString()),2}  {judgement.Kind,-16} {judgement.Query}  →  {expected[0].Headline}");
            if (rank is 0 or > 3) misses.Add($"{judgement.Query} (rank {(rank == 0 ? "none" : rank)}; first: {hits.FirstOrDefault()?.Headline})");
        }

        var recallAt10 = reciprocalRanks.Count(r => r > 0) / (double)reciprocalRanks.Count;
        output.WriteLine($"queries {reciprocalRanks.Count}, recall@10 {recallAt10:P1}, MRR {reciprocalRanks.Average():F3}");
        Assert.True(misses.Count == 0, "not in the top 3: " + string.Join("; ", misses));
    }

    [Fact]
    public void EverySpanOfTwoToSixCharactersFindsItsArticle()
    {
        var random = new Random(20261123);
        var tried = 0;
        var failures = new List<string>();
        foreach (var article in seeds.Articles.Where(a => a.Body.Count(TextNormalizer.IsCjk) >= 6))
        {
            for (var i = 0; i < 200; i++)
            {
                var span = RandomSpan(article.Body, random);
                if (span is null) break;
                tried++;
                var result = seeds.Searcher.Search(new SearchRequest($"\"{span}\"", 1, SearchRequest.MaxSize));
                if (!result.Hits.Any(h => h.Id == article.Id)) failures.Add($"{span} → {article.Id}");
            }
        }
        output.WriteLine($"{tried} spans tried, {failures.Count} not found");
        Assert.True(failures.Count == 0, string.Join("; ", failures.Take(20)));
    }

    [Fact]
    public void EverySingleCharacterQueryFindsArticles()
    {
        foreach (var c in "鲤城县聊")
            Assert.True(seeds.Searcher.Search(new SearchRequest(c.ToString())).Total > 0, $"{c} found nothing");
    }

    // The anchor may be in any part of the article: how a page's headline lines divide into headline and
    // sub-headlines is the splitter's business, not the judgement's.
    private static bool Holds(Article article, string anchor) =>
        article.Headline.Contains(anchor) || article.Subheadlines.Any(s => s.Contains(anchor)) || article.Body.Contains(anchor);

    // A run of 2–6 consecutive Chinese characters at a random place in the text.
    private static string? RandomSpan(string text, Random random)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var length = random.Next(2, 7);
            var start = random.Next(0, Math.Max(1, text.Length - length));
            if (start + length > text.Length) continue;
            var span = text.Substring(start, length);
            if (span.All(TextNormalizer.IsCjk)) return span;
        }
        return null;
    }
}
