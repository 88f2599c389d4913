using System.CommandLine;
using Archive.Core;
using Microsoft.Extensions.Hosting;

namespace Archive.Cli.Commands;

/// <summary>
/// <c>archive watch</c>: runs the site's ingestion service on its own, keeping the index current until Ctrl+C,
/// for set-ups where the site only searches (<c>Archive:Ingestion:Enabled=false</c>).
/// </summary>
internal sealed class WatchCommand : Command
{
    private readonly Option<string?> _pages = PathOptions.Pages();
    private readonly Option<string?> _index = PathOptions.Index();

    public WatchCommand() : base("watch", "Keep the index current: ingest the pages folder, then watch it for new, changed and removed pages until Ctrl+C.")
    {
        Options.Add(_pages);
        Options.Add(_index);
        SetAction((parse, cancellationToken) => CliHost.RunGuardedAsync(parse, () => RunAsync(parse, cancellationToken)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var builder = CliHost.CreateBuilder(new CliHostKind(Ingests: true, LongRunning: true), parse.GetValue(_pages), parse.GetValue(_index));
        builder.Services.AddArchiveCore(runIngestion: true).AddArchiveIngestion(enabled: true);
        using var host = builder.Build();
        // Start-up validates the settings and opens the index; the service logs its passes to the console and the log file.
        await host.RunAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
