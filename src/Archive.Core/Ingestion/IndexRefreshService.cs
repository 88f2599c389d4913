using Archive.Core.Indexing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Archive.Core.Ingestion;

/// <summary>
/// Where ingestion runs in another process, this keeps the read-only index current: it opens the index once it
/// exists and picks up each new commit.
/// </summary>
public sealed class IndexRefreshService(ArchiveIndex index, IngestionStatus status, IOptions<ArchiveOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        status.SetPhase(IngestionPhase.Disabled);
        using var timer = new PeriodicTimer(options.Value.Ingestion.RefreshInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                index.Refresh();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
