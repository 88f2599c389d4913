using Archive.Core.Analysis;
using Archive.Core.Articles;
using Archive.Core.Indexing;
using Archive.Core.Pages;
using Archive.Core.Searching;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Core.Tests;

/// <summary>A real index in a temporary folder with a searcher over it; deleted when disposed.</summary>
internal sealed class TestIndex : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "archive-test-index", Guid.NewGuid().ToString("N"));

    public TestIndex()
    {
        var analyzers = ArchiveAnalyzers.CreateDefault();
        Index = ArchiveIndex.OpenForWriting(_path, analyzers, NullLogger.Instance);
        Searcher = new ArticleSearcher(Index, new QueryBuilder(analyzers), analyzers);
    }

    public ArchiveIndex Index { get; }

    public ArticleSearcher Searcher { get; }

    /// <summary>An article to pass to <see cref="AddPage"/>, which gives it its id, file and date.</summary>
    public static Article Article(string headline, string body) => new() { Id = "", File = "", Headline = headline, Body = body };

    /// <summary>Indexes one page's articles, in page order, in a commit of its own (so each page is a segment).</summary>
    public void AddPage(string file, DateOnly date, params Article[] articles)
    {
        var placed = articles.Select((article, i) => article with { Id = PageKey.ArticleId(file, i + 1), File = file, Date = date }).ToList();
        Index.ReplacePage(new PageState(file, "hash", 1, DateTime.UtcNow, date, placed.Count, DateTimeOffset.UtcNow), placed);
        Index.Commit();
    }

    public void Dispose()
    {
        Index.Dispose();
        Directory.Delete(_path, recursive: true);
    }
}
