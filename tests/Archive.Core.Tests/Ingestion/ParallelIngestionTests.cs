using Archive.Core.Articles;
using Archive.Core.Corpus;
using Archive.Core.Indexing;
using Archive.Core.Tests.Corpus;

namespace Archive.Core.Tests.Ingestion;

public sealed class ParallelIngestionTests
{
    [Fact]
    public async Task ParallelIngestionIndexesExactlyTheArticlesSequentialIngestionDoes()
    {
        using var sequential = new IngestionHarness();
        using var parallel = new IngestionHarness();
        var generator = await CorpusFixture.GeneratorAsync();
        await generator.WriteAsync(sequential.Pages, new CorpusSettings(400, Seed: 11));
        await generator.WriteAsync(parallel.Pages, new CorpusSettings(400, Seed: 11));
        Age(sequential.Pages);
        Age(parallel.Pages);
        sequential.Ingestor.Parallelism = 1;
        parallel.Ingestor.Parallelism = 4;

        var one = await sequential.Ingestor.IngestFolderAsync();
        var many = await parallel.Ingestor.IngestFolderAsync();

        Assert.Equal(one with { Elapsed = default, FinishedAt = default }, many with { Elapsed = default, FinishedAt = default });
        var expected = Articles(sequential.Index);
        var actual = Articles(parallel.Index);
        Assert.Equal(one.Articles, expected.Count);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, article) in expected)
        {
            Assert.Equal(article.Body, actual[id].Body);
            Assert.Equal(article.Headline, actual[id].Headline);
            Assert.Equal(article.Reporters, actual[id].Reporters);
        }
        Assert.Equal(sequential.Index.ReadPageStates().Keys.Order(), parallel.Index.ReadPageStates().Keys.Order());
    }

    [Fact]
    public async Task AnUnchangedFolderIsFoundUnchangedByAParallelPass()
    {
        using var harness = new IngestionHarness();
        var generator = await CorpusFixture.GeneratorAsync();
        await generator.WriteAsync(harness.Pages, new CorpusSettings(100, Seed: 2));
        Age(harness.Pages);
        harness.Ingestor.Parallelism = 2;

        var first = await harness.Ingestor.IngestFolderAsync();
        var second = await harness.Ingestor.IngestFolderAsync();

        Assert.Equal(first.Pages, first.Ingested);
        Assert.Equal(0, second.Ingested);
        Assert.Equal(first.Pages, second.Unchanged);
    }

    // Written "a while ago", so the wait for files still being written does not apply.
    private static void Age(string folder)
    {
        var then = DateTime.UtcNow.AddMinutes(-1);
        foreach (var file in Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(file, then);
    }

    private static Dictionary<string, Article> Articles(ArchiveIndex index) => index.Search(searcher =>
    {
        var reader = searcher.IndexReader;
        var articles = new Dictionary<string, Article>(StringComparer.Ordinal);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            var stored = reader.Document(doc);
            if (stored.Get(ArticleFields.Id) is null) continue;
            var article = ArticleDocument.ToArticle(stored);
            articles.Add(article.Id, article);
        }
        return articles;
    });
}
