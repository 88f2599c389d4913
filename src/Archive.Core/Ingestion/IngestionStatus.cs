using System.Collections.Concurrent;

namespace Archive.Core.Ingestion;

/// <summary>What the ingestion is doing, for /health and the CLI. Thread-safe; one per process.</summary>
public sealed class IngestionStatus
{
    private readonly ConcurrentDictionary<string, PageFailure> _failures = new(StringComparer.Ordinal);
    private volatile IngestionPhase _phase = IngestionPhase.NotStarted;
    private IngestionSummary? _lastPass;
    private ReindexSummary? _lastReindex;
    private int _rescanRequested;
    private int _reindexRequested;

    public IngestionPhase Phase => _phase;

    /// <summary>The summary of the last complete pass over the folder, or null before the first one ends.</summary>
    public IngestionSummary? LastPass => Volatile.Read(ref _lastPass);

    /// <summary>Pages that could not be ingested, with the reason; cleared when the page later succeeds.</summary>
    public IReadOnlyCollection<PageFailure> Failures => _failures.Values.OrderBy(f => f.File, StringComparer.Ordinal).ToList();

    /// <summary>The outcome of the last rebuild of the whole index in this process, or null if none ran.</summary>
    public ReindexSummary? LastReindex => Volatile.Read(ref _lastReindex);

    /// <summary>True from <see cref="RequestReindex"/> until the ingestion service starts that rebuild.</summary>
    public bool ReindexPending => Volatile.Read(ref _reindexRequested) == 1;

    /// <summary>True from <see cref="RequestRescan"/> until the ingestion service starts that rescan.</summary>
    public bool RescanPending => Volatile.Read(ref _rescanRequested) == 1;

    /// <summary>Raised by <see cref="RequestRescan"/> and <see cref="RequestReindex"/>, so that the ingestion service wakes up rather than waits for its timer.</summary>
    internal event Action? RescanRequested;

    /// <summary>
    /// Asks the ingestion service of this process for a full pass over the folder now (an admin action, e.g. after
    /// copying pages onto a share whose events do not reach the watcher). Several requests before the pass starts make
    /// one pass. False when this process does not ingest (the phase is <see cref="IngestionPhase.Disabled"/>) or its
    /// service has stopped.
    /// </summary>
    public bool RequestRescan()
    {
        if (_phase is IngestionPhase.Disabled or IngestionPhase.Stopped) return false;
        Interlocked.Exchange(ref _rescanRequested, 1);
        RescanRequested?.Invoke();
        return true;
    }

    /// <summary>
    /// Asks the ingestion service of this process to rebuild the whole index beside the live one and switch to it
    /// (an admin action, e.g. after an analyzer change). The service does it between passes, so ingestion pauses for
    /// the rebuild and resumes on the new index. False when this process does not ingest or its service has stopped.
    /// </summary>
    public bool RequestReindex()
    {
        if (_phase is IngestionPhase.Disabled or IngestionPhase.Stopped) return false;
        Interlocked.Exchange(ref _reindexRequested, 1);
        RescanRequested?.Invoke();
        return true;
    }

    /// <summary>Takes a pending rebuild request: true once per request.</summary>
    internal bool TakeReindexRequest() => Interlocked.Exchange(ref _reindexRequested, 0) == 1;

    internal void ReindexCompleted(ReindexSummary summary) => Volatile.Write(ref _lastReindex, summary);

    /// <summary>Takes a pending rescan request: true once per request.</summary>
    internal bool TakeRescanRequest() => Interlocked.Exchange(ref _rescanRequested, 0) == 1;

    internal void SetPhase(IngestionPhase phase) => _phase = phase;

    internal void PassCompleted(IngestionSummary summary) => Volatile.Write(ref _lastPass, summary);

    internal void Failed(PageFailure failure) => _failures[failure.File] = failure;

    internal bool HasFailed(string file, long length, DateTime modifiedUtc) =>
        _failures.TryGetValue(file, out var failure) && failure.Length == length && failure.ModifiedUtc == modifiedUtc;

    internal void Succeeded(string file) => _failures.TryRemove(file, out _);
}

public enum IngestionPhase
{
    /// <summary>Ingestion has not run in this process yet.</summary>
    NotStarted,
    /// <summary>A pass over the whole folder is under way.</summary>
    Scanning,
    /// <summary>The folder is watched; new and changed pages are ingested as they appear.</summary>
    Watching,
    /// <summary>Ingestion runs in another process; this one only searches.</summary>
    Disabled,
    /// <summary>The service stopped.</summary>
    Stopped,
    /// <summary>The whole index is being rebuilt beside the live one; searches use the live one until the switch.</summary>
    Reindexing,
}

/// <summary>A page that could not be ingested.</summary>
public sealed record PageFailure(string File, string Reason, long Length, DateTime ModifiedUtc, DateTimeOffset At);

/// <summary>The outcome of one pass over the pages folder.</summary>
/// <param name="Pages">Page files found.</param>
/// <param name="Ingested">Pages (re)indexed in this pass.</param>
/// <param name="Unchanged">Pages skipped because the index already holds them at the same content.</param>
/// <param name="Articles">Articles written in this pass.</param>
/// <param name="Removed">Pages removed because their file is gone.</param>
/// <param name="Errors">Pages that failed, reported in <see cref="IngestionStatus.Failures"/>.</param>
/// <param name="Waiting">Pages still being written, left for a later pass.</param>
public sealed record IngestionSummary(
    int Pages, int Ingested, int Unchanged, int Articles, int Removed, int Errors, int Waiting, TimeSpan Elapsed, DateTimeOffset FinishedAt);
