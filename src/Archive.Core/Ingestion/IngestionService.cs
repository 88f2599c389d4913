using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archive.Core.Ingestion;

/// <summary>
/// The ingestion service: on start, one pass over the pages folder; then it watches the folder and ingests pages
/// that appear, change or vanish. File-system events get lost (buffer overflows, network shares, editors that
/// replace files), so the whole folder is also rescanned periodically; a rescan skips unchanged files cheaply.
/// </summary>
public sealed partial class IngestionService(
    PageIngestor ingestor,
    IngestionStatus status,
    IOptions<ArchiveOptions> options,
    ILogger<IngestionService> logger) : BackgroundService
{
    private readonly IngestionOptions _options = options.Value.Ingestion;
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private volatile bool _rescanRequested;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (the site serves while the first pass runs).
        await Task.Yield();
        // An admin's rescan request wakes the watch loop through the channel, like the watcher's own events.
        Action wake = () => _changes.Writer.TryWrite(ingestor.PagesPath);
        status.RescanRequested += wake;
        try
        {
            status.SetPhase(IngestionPhase.Scanning);
            await RunPassAsync(stoppingToken);

            using var watcher = CreateWatcher();
            status.SetPhase(IngestionPhase.Watching);
            LogWatching(ingestor.PagesPath, _options.RescanInterval.TotalSeconds);
            await WatchAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            status.RescanRequested -= wake;
            status.SetPhase(IngestionPhase.Stopped);
        }
    }

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        var nextScan = DateTime.UtcNow + _options.RescanInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = nextScan - DateTime.UtcNow;
            if (wait > TimeSpan.Zero && !_rescanRequested && !status.RescanPending && !status.ReindexPending)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(wait);
                try
                {
                    await _changes.Reader.WaitToReadAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                }
            }

            if (_changes.Reader.TryPeek(out _))
            {
                // Editors and copy tools raise bursts of events for one file: let the burst settle, then take each file once.
                await Task.Delay(_options.StableDelay, stoppingToken);
                var paths = new HashSet<string>(StringComparer.Ordinal);
                while (_changes.Reader.TryRead(out var path)) paths.Add(path);
                foreach (var path in paths.Order(StringComparer.Ordinal))
                    await RunSafelyAsync(() => ingestor.IngestPathAsync(path, stoppingToken), path);
            }

            if (status.TakeReindexRequest())
            {
                // Here in the loop, ingestion waits for the rebuild (the watcher's events queue up meanwhile) and
                // resumes on the new index; a pass afterwards catches pages whose events were lost during it.
                status.SetPhase(IngestionPhase.Reindexing);
                await RunSafelyAsync(() => ingestor.RebuildAsync(cancellationToken: stoppingToken), ingestor.PagesPath);
                status.SetPhase(IngestionPhase.Watching);
                _rescanRequested = true;
            }

            // Non-short-circuit |: a pending admin request is taken by whichever pass runs next.
            if (_rescanRequested | status.TakeRescanRequest() || DateTime.UtcNow >= nextScan)
            {
                _rescanRequested = false;
                await RunPassAsync(stoppingToken);
                nextScan = DateTime.UtcNow + _options.RescanInterval;
            }
        }
    }

    private Task RunPassAsync(CancellationToken stoppingToken) =>
        RunSafelyAsync(() => ingestor.IngestFolderAsync(cancellationToken: stoppingToken), ingestor.PagesPath);

    // One failure (a full disk, a locked index) must not stop the service: it is logged and retried on the next scan.
    private async Task RunSafelyAsync(Func<Task> work, string what)
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogIngestionError(ex, what);
        }
    }

    private FileSystemWatcher? CreateWatcher()
    {
        if (!Directory.Exists(ingestor.PagesPath)) return null;
        var watcher = new FileSystemWatcher(ingestor.PagesPath)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Created += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Changed += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Deleted += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            _changes.Writer.TryWrite(e.OldFullPath);
            _changes.Writer.TryWrite(e.FullPath);
        };
        watcher.Error += (_, e) =>
        {
            // Events were lost: rescan everything rather than guess which.
            LogWatcherError(e.GetException());
            _rescanRequested = true;
            _changes.Writer.TryWrite(ingestor.PagesPath);
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {PagesPath} for new and changed pages (full rescan every {RescanSeconds} s)")]
    private partial void LogWatching(string pagesPath, double rescanSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingestion of {Path} failed; it will be retried on the next scan")]
    private partial void LogIngestionError(Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The folder watcher lost events; rescanning")]
    private partial void LogWatcherError(Exception exception);
}
