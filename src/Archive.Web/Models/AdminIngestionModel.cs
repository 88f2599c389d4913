using Archive.Core.Indexing;
using Archive.Core.Ingestion;

namespace Archive.Web.Models;

/// <summary>What <c>/admin/ingestion</c> shows: the ingestion's phase and last pass, failed files with reasons, the index.</summary>
public sealed record AdminIngestionModel(
    IngestionPhase Phase,
    bool RescanPending,
    string PagesPath,
    IngestionSummary? LastPass,
    IReadOnlyCollection<PageFailure> Failures,
    string IndexPath,
    bool IndexOpen,
    bool IndexWritable,
    IndexStats Stats)
{
    /// <summary>The phase as the page says it.</summary>
    public string PhaseLabel => Phase switch
    {
        IngestionPhase.NotStarted => "尚未开始",
        IngestionPhase.Scanning => "正在扫描全部页面",
        IngestionPhase.Watching => "监视文件夹中（新增与修改的页面随时导入）",
        IngestionPhase.Disabled => "本进程不导入（由另一进程导入，本站只读）",
        IngestionPhase.Reindexing => "正在重建索引（完成后原子切换，检索照常）",
        IngestionPhase.Stopped => "已停止",
        _ => Phase.ToString(),
    };
}

/// <summary>The answer to <c>POST /admin/rescan</c>.</summary>
public sealed record RescanResponse(bool Requested, string Phase, string Message);
