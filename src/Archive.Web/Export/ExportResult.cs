using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Archive.Web.Export;

/// <summary>
/// Streams an export as the response: the headers with the counts and the file name first, then the file, written
/// as the searcher reads the articles. Stops when the client goes away.
/// </summary>
public sealed class ExportResult(ArticleExporter exporter, ExportPlan plan, ExportFormat format, bool fullText) : IActionResult
{
    /// <inheritdoc />
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var response = http.Response;
        var provenance = plan.Provenance;
        var aborted = http.RequestAborted;

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = format.ContentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"archive-export-{provenance.ExportedAt.UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.{format.Extension}",
        }.ToString();
        // Header values must be ASCII: the query itself travels percent-encoded in X-Archive-Search.
        response.Headers["X-Archive-Matched"] = provenance.Matched.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Archive-Written"] = provenance.Written.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Archive-Truncated"] = provenance.Truncated ? "true" : "false";
        response.Headers["X-Archive-Index-Version"] = provenance.IndexVersion.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Archive-Exported-At"] = provenance.ExportedAtText;
        response.Headers["X-Archive-Search"] = provenance.SearchUrl;
        // The export reflects the index at one moment: a cached copy would hide later ingestion.
        response.Headers.CacheControl = "no-store";

        var logger = http.RequestServices.GetRequiredService<ILogger<ExportResult>>();
        try
        {
            await using var writer = format.CreateWriter(response.Body, new ExportWriterSettings(fullText, exporter.Options));
            await exporter.WriteAsync(plan, format, writer, aborted);
        }
        catch (Exception ex) when (aborted.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            // The download was cancelled: nothing to answer, and nothing went wrong on our side.
            ExportLog.ExportAborted(logger, format.Name);
        }
    }
}
