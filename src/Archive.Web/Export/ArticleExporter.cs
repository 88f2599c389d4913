using System.Diagnostics;
using Archive.Core.Indexing;
using Archive.Core.Searching;
using Archive.Web.Models;
using Lucene.Net.Index;
using Microsoft.Extensions.Options;

namespace Archive.Web.Export;

/// <summary>
/// Exports every article matching a search, up to <see cref="ExportOptions.MaxArticles"/>, through a format's writer.
/// </summary>
/// <remarks>
/// The counts are taken first, with a one-hit search, because the response headers (<c>X-Archive-Matched</c> ...) and
/// the provenance at the top of every file must be written before the first article, while
/// <see cref="ArticleSearcher.ExportAsync"/> only reports its counts at the end. The price is a second search (cheap:
/// one hit, the facets it counts anyway are DocValues) and a small window in which ingestion may commit between the two;
/// when that happens the log says so.
/// </remarks>
public sealed class ArticleExporter(ArticleSearcher searcher, ArchiveIndex index, IOptions<ExportOptions> options, ILogger<ArticleExporter> logger)
{
    /// <summary>The settings in force.</summary>
    public ExportOptions Options => options.Value;

    /// <summary>
    /// Counts what <paramref name="request"/> matches and records where the export comes from.
    /// </summary>
    /// <param name="problems">Parameters that were ignored while reading the request; they go into the provenance.</param>
    /// <param name="origin">Scheme, host and path base of the site (<c>https://archive.example</c>), for absolute links.</param>
    public ExportPlan Plan(SearchRequest request, IReadOnlyList<string> problems, string origin)
    {
        var cap = options.Value.MaxArticles;
        var version = index.Search(s => s.IndexReader is DirectoryReader reader ? reader.Version : 0L);
        var count = searcher.Search(request with { Page = 1, Size = 1 });
        var messages = count.Message is null ? problems : [.. problems, count.Message];
        var search = SearchUrls.QueryString(request, includePaging: false, asciiOnly: true);
        var provenance = new ExportProvenance(
            request.Query?.Trim() ?? "",
            ExportProvenance.FiltersOf(request),
            count.Sort,
            DateTimeOffset.UtcNow,
            version,
            count.Total,
            Math.Min(cap, count.Total),
            cap,
            search.Length == 0 ? $"{origin}/search" : $"{origin}/search?{search}",
            messages,
            options.Value.Database);
        return new ExportPlan(request with { Page = 1 }, provenance, origin);
    }

    /// <summary>Writes the export: the provenance, every article in the search's order, the end of the file.</summary>
    /// <returns>What the searcher read; null when nothing matched and the searcher was not asked.</returns>
    public async Task<ExportSummary?> WriteAsync(ExportPlan plan, ExportFormat format, IExportWriter writer, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var provenance = plan.Provenance;
        await writer.BeginAsync(provenance, cancellationToken);
        ExportSummary? summary = null;
        // No match (or a query the searcher refused, which the messages explain): the file says so and holds no articles.
        if (provenance.Matched > 0)
        {
            summary = await searcher.ExportAsync(plan.Request, provenance.Cap,
                (article, snippet, ct) => new ValueTask(writer.WriteAsync(new ExportedArticle(article, snippet, plan.Permalink(article.Id)), ct)),
                cancellationToken);
            if (summary.Matched != provenance.Matched || summary.IndexVersion != provenance.IndexVersion)
                ExportLog.IndexChangedDuringExport(logger, provenance.Matched, summary.Matched, provenance.IndexVersion, summary.IndexVersion);
        }
        await writer.EndAsync(cancellationToken);
        ExportLog.Exported(logger, format.Name, summary?.Written ?? 0, provenance.Matched, provenance.Query, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return summary;
    }
}

/// <summary>An export about to be written: the request (first page, the cap decides the rest), its provenance, the site's origin.</summary>
public sealed record ExportPlan(SearchRequest Request, ExportProvenance Provenance, string Origin)
{
    /// <summary>The absolute URL of an article's page.</summary>
    public string Permalink(string id) => $"{Origin}/articles/{Uri.EscapeDataString(id)}";
}
