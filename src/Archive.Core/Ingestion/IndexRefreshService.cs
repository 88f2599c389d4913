using Archive.Core.Analysis;
using Archive.Core.Indexing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Archive.Core.Ingestion;

/// <summary>
/// Where ingestion runs in another process, this keeps the read-only index current: it opens the index once it
/// exists and picks up each new commit.
/// </summary>
public sealed class IndexRefreshService(ArchiveIndex index, IChineseSegmenter segmenter, IngestionStatus status, IOptions<ArchiveOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        status.SetPhase(IngestionPhase.Disabled);
        using var timer = new PeriodicTimer(options.Value.Ingestion.RefreshInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // The other process learned new byline names as it indexed them; queries here need them too.
                if (index.Refresh()) segmenter.AddWords(index.BylineNames());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
