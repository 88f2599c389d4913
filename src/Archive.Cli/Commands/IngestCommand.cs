using System.CommandLine;
using System.Globalization;
using Archive.Core;
using Archive.Core.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Archive.Cli.Commands;

/// <summary><c>archive ingest</c>: one pass over the pages folder, with a progress bar and a summary.</summary>
internal sealed class IngestCommand : Command
{
    private readonly Option<string?> _pages = PathOptions.Pages();
    private readonly Option<string?> _index = PathOptions.Index();

    public IngestCommand() : base("ingest", "Index new and changed page files once, remove pages whose file is gone, and report.")
    {
        Options.Add(_pages);
        Options.Add(_index);
        SetAction((parse, cancellationToken) => CliHost.RunGuardedAsync(parse, () => RunAsync(parse, cancellationToken)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var builder = CliHost.CreateBuilder(new CliHostKind(Ingests: true, LongRunning: false), parse.GetValue(_pages), parse.GetValue(_index));
        builder.Services.AddArchiveCore(runIngestion: true);
        // Disposing the host disposes the index, which commits and releases its lock even when the pass is cancelled.
        using var host = builder.Build();
        CliHost.ValidateSettings(host);

        var options = host.Services.GetRequiredService<IOptions<ArchiveOptions>>().Value;
        var ingestor = host.Services.GetRequiredService<PageIngestor>();
        var status = host.Services.GetRequiredService<IngestionStatus>();
        var console = CliHost.ConsoleOn(parse.InvocationConfiguration.Output);

        var summary = await IngestionProgressBar.RunAsync(console, "Scanning", progress => ingestor.IngestFolderAsync(progress, cancellationToken));

        console.MarkupLineInterpolated($"Ingested [bold]{options.PagesPath}[/] into [bold]{options.IndexPath}[/]:");
        console.Write(SummaryTable(summary));

        var failures = status.Failures;
        if (failures.Count > 0)
        {
            console.MarkupLine("[red]Pages that could not be ingested:[/]");
            foreach (var failure in failures)
                console.MarkupLineInterpolated($"  [red]✗[/] {failure.File}: {failure.Reason}");
        }
        else if (summary.Errors > 0)
        {
            // Errors without a page to blame: the folder itself (it vanished during the pass); the log says more.
            console.MarkupLine("[red]The pass failed; see the log for details.[/]");
        }
        return summary.Errors > 0 ? ExitCodes.PagesFailed : ExitCodes.Success;
    }

    private static Table SummaryTable(IngestionSummary summary)
    {
        var table = new Table().AddColumn("").AddColumn(new TableColumn("").RightAligned()).HideHeaders();
        AddRow(table, "Pages", summary.Pages);
        AddRow(table, "Indexed", summary.Ingested);
        AddRow(table, "Unchanged", summary.Unchanged);
        AddRow(table, "Articles", summary.Articles);
        AddRow(table, "Removed", summary.Removed);
        AddRow(table, "Errors", summary.Errors);
        AddRow(table, "Waiting", summary.Waiting);
        table.AddRow(new Text("Seconds"), new Text(summary.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)));
        return table;
    }

    private static void AddRow(Table table, string label, int value) =>
        table.AddRow(new IRenderable[] { new Text(label), new Text(value.ToString(CultureInfo.InvariantCulture)) });
}
