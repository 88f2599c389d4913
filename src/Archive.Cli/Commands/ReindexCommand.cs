using System.CommandLine;
using System.Globalization;
using Archive.Core;
using Archive.Core.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Archive.Cli.Commands;

/// <summary>
/// <c>archive reindex</c>: rebuilds the whole index from the pages folder beside the live one and switches to it when
/// complete. A site that searches the same index read-only keeps answering from the old index and moves to the new one
/// on its next refresh; a site that ingests holds the index's lock, so there the admin action does the rebuild.
/// </summary>
internal sealed class ReindexCommand : Command
{
    private readonly Option<string?> _pages = PathOptions.Pages();
    private readonly Option<string?> _index = PathOptions.Index();

    public ReindexCommand() : base("reindex", "Rebuild the whole index beside the live one from the page files, then switch to it atomically.")
    {
        Options.Add(_pages);
        Options.Add(_index);
        SetAction((parse, cancellationToken) => CliHost.RunGuardedAsync(parse, () => RunAsync(parse, cancellationToken)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var builder = CliHost.CreateBuilder(new CliHostKind(Ingests: true, LongRunning: false), parse.GetValue(_pages), parse.GetValue(_index));
        builder.Services.AddArchiveCore(runIngestion: true);
        // Disposing the host closes the index; a cancelled rebuild has already deleted its half-built generation.
        using var host = builder.Build();
        CliHost.ValidateSettings(host);

        var options = host.Services.GetRequiredService<IOptions<ArchiveOptions>>().Value;
        var ingestor = host.Services.GetRequiredService<PageIngestor>();
        var console = CliHost.ConsoleOn(parse.InvocationConfiguration.Output);

        var summary = await IngestionProgressBar.RunAsync(console, "Rebuilding", progress => ingestor.RebuildAsync(progress, cancellationToken));

        if (!summary.Switched)
        {
            console.MarkupLineInterpolated($"[red]Not switched:[/] {summary.Problem}");
            return ExitCodes.BadSetup;
        }
        var pass = summary.Pass!;
        var c = CultureInfo.InvariantCulture;
        console.MarkupLineInterpolated($"Rebuilt [bold]{options.IndexPath}[/] from [bold]{options.PagesPath}[/] as [bold]{summary.Generation}[/], now live:");
        console.WriteLine(string.Create(c, $"  {pass.Pages} pages, {pass.Ingested} indexed, {pass.Errors} errors, {pass.Waiting} waiting"));
        console.WriteLine(string.Create(c, $"  articles: {summary.ArticlesBefore} before, {summary.ArticlesAfter} now; {summary.Elapsed.TotalSeconds:0.0} s"));
        return pass.Errors > 0 ? ExitCodes.PagesFailed : ExitCodes.Success;
    }
}
