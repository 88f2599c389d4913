using Archive.Core.Analysis;
using Archive.Core.Articles;
using Archive.Core.Indexing;
using Archive.Core.Pages;
using Archive.Core.Searching;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Core.Tests.Searching;

/// <summary>
/// A new index records that its runs of characters are a position apart; its phrases then skip every other pair of
/// characters and still never match across punctuation. An index begun before keeps chaining every pair.
/// </summary>
public sealed class SeparatedRunsTests : IDisposable
{
    private static readonly string[] Queries = ["中国人民", "高质量发展", "统一战线服务", "人民", "质量发展", "\"中国人民\"", "中国 人民"];

    private readonly string _path = Path.Combine(Path.GetTempPath(), "archive-separated-runs", Guid.NewGuid().ToString("N"));
    private readonly ArchiveAnalyzers _analyzers = ArchiveAnalyzers.CreateDefault();

    [Fact]
    public void ANewIndexIsMarkedInEveryCommitAndReaderSeesIt()
    {
        using (var index = ArchiveIndex.OpenForWriting(_path, _analyzers, NullLogger.Instance))
        {
            Assert.True(index.Search(ArchiveSearcher.SeparatesRuns));
            AddPages(index);
            Assert.True(index.Search(ArchiveSearcher.SeparatesRuns));
        }
        using (var reopened = ArchiveIndex.OpenForWriting(_path, _analyzers, NullLogger.Instance))
        {
            AddPage(reopened, "c.txt", "再加一页。");
            Assert.True(reopened.Search(ArchiveSearcher.SeparatesRuns));
        }
        using var readOnly = ArchiveIndex.OpenReadOnly(_path, NullLogger.Instance);
        Assert.True(readOnly.Search(ArchiveSearcher.SeparatesRuns));
    }

    [Fact]
    public void PhrasesSkipEveryOtherPairButNeverMatchAcrossPunctuation()
    {
        using var index = ArchiveIndex.OpenForWriting(_path, _analyzers, NullLogger.Instance);
        AddPages(index);
        var searcher = new ArticleSearcher(index, new QueryBuilder(_analyzers), _analyzers);

        // a.txt has each phrase whole; b.txt has the pairs a phrase keeps whole and breaks between those it skips
        // (中国，人民: 中国@0 人民@2 would match it if the runs were not a position apart).
        foreach (var query in Queries.Take(3))
            Assert.Equal([PageKey.ArticleId("a.txt", 1)], searcher.Search(new SearchRequest(query)).Hits.Select(h => h.Id));
        Assert.Equal(2, searcher.Search(new SearchRequest("人民")).Total);
    }

    [Fact]
    public void AFiveCharacterWordIsAPhraseOfThreePairs()
    {
        var queries = new QueryBuilder(_analyzers);
        var parsed = QueryTextParser.Parse("正文:高质量发展");

        Assert.Equal("body_b:\"高质 ? 量发 发展\"", BodyPhrase(queries.Build(parsed, separatedRuns: true)));
        Assert.Equal("body_b:\"高质 质量 量发 发展\"", BodyPhrase(queries.Build(parsed, separatedRuns: false)));
    }

    [Fact]
    public void AnIndexBegunBeforeKeepsChainingEveryPairAndFindsTheSame()
    {
        using (var index = ArchiveIndex.OpenForWriting(_path, _analyzers, NullLogger.Instance))
        {
            AddPages(index);
        }
        var expected = Totals();
        // What an index written before the mark existed looks like: commits without it.
        using (var directory = FSDirectory.Open(IndexGenerations.ResolveLive(_path)))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArchiveAnalyzers.Version, new KeywordAnalyzer()) { OpenMode = OpenMode.APPEND }))
        {
            writer.SetCommitData(new Dictionary<string, string>());
            writer.Commit();
        }

        using (var index = ArchiveIndex.OpenForWriting(_path, _analyzers, NullLogger.Instance))
        {
            AddPage(index, "c.txt", "再加一页。");
            Assert.False(index.Search(ArchiveSearcher.SeparatesRuns));
        }
        Assert.Equal(expected, Totals());
    }

    private int[] Totals()
    {
        using var index = ArchiveIndex.OpenReadOnly(_path, NullLogger.Instance);
        var searcher = new ArticleSearcher(index, new QueryBuilder(_analyzers), _analyzers);
        return Queries.Select(q => searcher.Search(new SearchRequest(q)).Total).ToArray();
    }

    private static string BodyPhrase(BooleanQuery query)
    {
        var text = Assert.IsType<BooleanQuery>(Assert.Single(query.Clauses).Query);
        return Assert.Single(text.Clauses, c => c.Query is PhraseQuery).Query.ToString();
    }

    private static void AddPages(ArchiveIndex index)
    {
        AddPage(index, "a.txt", "中国人民推动高质量发展，做好统一战线服务工作。");
        AddPage(index, "b.txt", "在中国，人民群众；高质，量发展。统一，战线，服务。");
    }

    private static void AddPage(ArchiveIndex index, string file, string body)
    {
        var date = new DateOnly(2024, 5, 1);
        var article = new Article { Id = PageKey.ArticleId(file, 1), File = file, Date = date, Headline = "标题", Body = body };
        index.ReplacePage(new PageState(file, "hash", 1, DateTime.UtcNow, date, 1, DateTimeOffset.UtcNow), [article]);
        index.Commit();
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_path)) System.IO.Directory.Delete(_path, recursive: true);
    }
}
