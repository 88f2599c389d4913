using Archive.Core;
using Archive.Core.Indexing;
using Archive.Core.Ingestion;
using Archive.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Archive.Web.Controllers;

/// <summary>
/// <c>/health</c>: 200 when the index can be searched, 503 until it can (a read-only site waiting for the first
/// ingestion); the body tells the index's state, the article count and the ingestion's progress and failures.
/// </summary>
public sealed class HealthController(ArchiveIndex index, IngestionStatus status, IOptions<ArchiveOptions> options) : Controller
{
    [HttpGet("/health")]
    public IActionResult Get()
    {
        var stats = index.Stats();
        var ready = index.IsOpen;
        var report = new HealthReport(
            ready ? (status.Failures.Count > 0 ? "degraded" : "healthy") : "starting",
            new IndexHealth(index.Path, index.IsOpen, index.IsWritable, stats.Articles, stats.Pages, stats.Version),
            new IngestionHealth(status.Phase.ToString(), options.Value.PagesPath, status.LastPass, status.Failures));
        return StatusCode(ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, report);
    }
}
