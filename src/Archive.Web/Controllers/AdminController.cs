using Archive.Core;
using Archive.Core.Indexing;
using Archive.Core.Ingestion;
using Archive.Web.Models;
using Archive.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Archive.Web.Controllers;

/// <summary>
/// Admin actions, off (404) unless <c>Archive:Admin:Key</c> is set and guarded by that key (<see cref="AdminKeyAttribute"/>):
/// the ingestion's details, a request for an immediate full rescan, and a rebuild of the whole index without downtime.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class AdminController(IngestionStatus status, ArchiveIndex index, IOptions<ArchiveOptions> options) : Controller
{
    /// <summary>Phase, last pass, failed files with their reasons, and the index's figures.</summary>
    [HttpGet("/admin/ingestion")]
    [AdminKey(AllowQueryKey = true)]
    public IActionResult Ingestion() => View(new AdminIngestionModel(
        status.Phase, status.RescanPending, options.Value.PagesPath, status.LastPass, status.Failures,
        index.Path, index.IsOpen, index.IsWritable, index.Stats()));

    /// <summary>Asks this process's ingestion service for a full pass now: 202, or 409 where this process does not ingest.</summary>
    [HttpPost("/admin/rescan")]
    [AdminKey]
    public IActionResult Rescan() => status.RequestRescan()
        ? Accepted(new RescanResponse(true, status.Phase.ToString(), "已请求立即重新扫描全部页面；进度见 /admin/ingestion。"))
        : Problem(statusCode: StatusCodes.Status409Conflict, title: "本进程不导入页面",
            detail: $"本进程的导入处于 {status.Phase} 状态，无法重新扫描；请在负责导入的进程（archive watch）上操作。");

    /// <summary>
    /// Asks this process's ingestion service to rebuild the whole index beside the live one and switch to it when complete
    /// (searches go on against the live index meanwhile): 202, or 409 where this process does not ingest (a read-only
    /// site: run <c>archive reindex</c> where the index is written). Progress and outcome: <c>GET /admin/reindex</c>.
    /// </summary>
    [HttpPost("/admin/reindex")]
    [AdminKey]
    public IActionResult Reindex() => status.RequestReindex()
        ? Accepted("/admin/reindex", ReindexState("已请求重建索引：新索引在现有索引旁建成后立即切换，期间检索照常。"))
        : Problem(statusCode: StatusCodes.Status409Conflict, title: "本进程不导入页面",
            detail: $"本进程的导入处于 {status.Phase} 状态，无法重建索引；请在负责导入的进程上操作，或在停止的站点上运行 archive reindex。");

    /// <summary>Whether a rebuild is pending or running, and how the last one ended.</summary>
    [HttpGet("/admin/reindex")]
    [AdminKey(AllowQueryKey = true)]
    public IActionResult ReindexStatus() => Ok(ReindexState(null));

    private ReindexResponse ReindexState(string? message) =>
        new(status.ReindexPending, status.Phase == IngestionPhase.Reindexing, status.Phase.ToString(), index.LivePath, status.LastReindex, message);
}

/// <summary>The answer to <c>/admin/reindex</c>: whether a rebuild is pending or running, the live index folder, and the last rebuild.</summary>
public sealed record ReindexResponse(bool Pending, bool Running, string Phase, string LiveIndex, ReindexSummary? Last, string? Message);
