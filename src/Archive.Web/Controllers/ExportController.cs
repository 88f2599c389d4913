using Archive.Web.Export;
using Archive.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Controllers;

/// <summary>
/// Exports of all articles matching a search (not only the page shown), as CSV, JSON or RIS, streamed. The search page
/// links to <c>/export</c>; <c>/api/export</c> is the same for programs and is described in the OpenAPI document.
/// </summary>
public sealed class ExportController(ArticleExporter exporter) : ControllerBase
{
    private const string FormatsText = "csv、json 或 ris";

    /// <summary>The export behind the search page's links.</summary>
    [HttpGet("/export")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult Page([FromQuery] SearchParameters parameters, [FromQuery(Name = "format")] string? format, [FromQuery(Name = "fulltext")] string? fullText) =>
        Export(parameters, format, fullText);

    /// <summary>Exports every article matching the search, up to the cap (Archive:Export:MaxArticles), streamed.</summary>
    /// <param name="parameters">The same search parameters as <c>/api/search</c>; <c>page</c> and <c>size</c> are ignored.</param>
    /// <param name="format"><c>csv</c> (UTF-8 with BOM, for Excel), <c>json</c> or <c>ris</c> (EndNote, Zotero).</param>
    /// <param name="fullText"><c>true</c> to include each article's body.</param>
    [HttpGet("/api/export")]
    // This controller is not an [ApiController] (/export is a page link), so the API action opts in to the description.
    [ApiExplorerSettings(IgnoreApi = false)]
    [Tags("Export")]
    [EndpointSummary("导出检索结果的全部文章（CSV、JSON 或 RIS）")]
    [EndpointDescription("导出与检索条件匹配的全部文章（不只是当前页），最多 Archive:Export:MaxArticles 篇（默认 10000），以流式写出。" +
        "参数与 /api/search 相同（page、size 不起作用），另加 format=csv|json|ris 与 fulltext=true|false。" +
        "每个文件都带有来源说明：检索词、筛选条件、导出时间（UTC）、索引版本、匹配篇数与导出篇数，超出上限时注明“仅导出前 N 篇”。" +
        "响应头 X-Archive-Matched、X-Archive-Written、X-Archive-Truncated、X-Archive-Index-Version、X-Archive-Exported-At、X-Archive-Search 也给出这些信息。")]
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, "text/csv", "application/json", "application/x-research-info-systems")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public IActionResult Api([FromQuery] SearchParameters parameters, [FromQuery(Name = "format")] string? format, [FromQuery(Name = "fulltext")] string? fullText) =>
        Export(parameters, format, fullText);

    private IActionResult Export(SearchParameters parameters, string? formatName, string? fullTextText)
    {
        if (ExportFormat.Find(formatName) is not { } format)
            return BadParameter("导出格式无效", $"format=“{formatName}”无效：应为 {FormatsText}。");
        if (!TryParseFlag(fullTextText, out var fullText))
            return BadParameter("fulltext 参数无效", $"fulltext=“{fullTextText}”无效：应为 true 或 false。");

        var problems = new List<string>();
        var request = parameters.ToRequest(problems);
        var plan = exporter.Plan(request, problems, $"{Request.Scheme}://{Request.Host}{Request.PathBase}");
        return new ExportResult(exporter, plan, format, fullText);
    }

    // ProblemDetails that name the accepted formats, so a client (or a person editing the URL) can correct the request.
    private ObjectResult BadParameter(string title, string detail)
    {
        var problem = ProblemDetailsFactory.CreateProblemDetails(HttpContext, StatusCodes.Status400BadRequest, title, detail: detail);
        problem.Extensions["formats"] = ExportFormat.All.Select(f => f.Name).ToArray();
        return new ObjectResult(problem) { StatusCode = StatusCodes.Status400BadRequest, ContentTypes = { "application/problem+json" } };
    }

    private static bool TryParseFlag(string? value, out bool flag)
    {
        flag = false;
        if (string.IsNullOrWhiteSpace(value)) return true;
        switch (value.Trim().ToLowerInvariant())
        {
            case "true" or "1" or "yes" or "on":
                flag = true;
                return true;
            case "false" or "0" or "no" or "off":
                return true;
            default:
                return false;
        }
    }
}
