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
/// the ingestion's details, and a request for an immediate full rescan.
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
}
