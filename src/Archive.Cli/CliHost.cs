using System.CommandLine;
using Archive.Core;
using Archive.Core.Indexing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serilog;
using Spectre.Console;

namespace Archive.Cli;

/// <summary>What a command needs from its host: how much it logs to the console and whether it ingests.</summary>
/// <param name="Ingests">Whether this command writes the index (it then owns the index's lock and checks the pages folder).</param>
/// <param name="LongRunning">A long-running command logs progress to the console; a one-shot command reports itself and logs only problems.</param>
internal sealed record CliHostKind(bool Ingests, bool LongRunning);

/// <summary>
/// Builds the generic host each command runs in, with the same configuration as the site: appsettings.json,
/// environment variables (<c>Archive__IndexPath</c>), then the command's own <c>--pages</c>/<c>--index</c>.
/// </summary>
internal static class CliHost
{
    /// <param name="pagesPath">The <c>--pages</c> value, or null for the configured folder.</param>
    /// <param name="indexPath">The <c>--index</c> value, or null for the configured folder.</param>
    public static HostApplicationBuilder CreateBuilder(CliHostKind kind, string? pagesPath = null, string? indexPath = null)
    {
        var configuration = new ConfigurationManager();
        // The defaults shipped next to the executable come first, so `archive` works from any folder;
        // an appsettings.json in the current folder and environment variables, added by the host, override them.
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // Relative paths in the settings and options mean the folder the user runs `archive` in.
            ContentRootPath = Directory.GetCurrentDirectory(),
            Configuration = configuration,
            // No Args: the command line belongs to System.CommandLine, not to configuration.
        });

        // Added last, so they win over every other source.
        var overrides = new Dictionary<string, string?>
        {
            [$"{ArchiveOptions.Section}:Ingestion:Enabled"] = kind.Ingests ? "true" : "false",
        };
        if (!string.IsNullOrEmpty(pagesPath)) overrides[$"{ArchiveOptions.Section}:PagesPath"] = pagesPath;
        if (!string.IsNullOrEmpty(indexPath)) overrides[$"{ArchiveOptions.Section}:IndexPath"] = indexPath;
        if (!kind.LongRunning)
        {
            // A one-shot command prints its own report; per-page log lines would tear its progress bar apart.
            // The log file still gets everything.
            overrides["Serilog:WriteTo:Console:Args:restrictedToMinimumLevel"] = "Warning";
        }
        builder.Configuration.AddInMemoryCollection(overrides);

        // preserveStaticLogger: each host owns its logger (several run side by side in the tests) and disposes it, flushing the file.
        builder.Services.AddSerilog(
            (services, logger) => logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext(),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// Checks the settings as the host does at start-up (ValidateOnStart), for commands that never start the host
    /// because they have no hosted service to run.
    /// </summary>
    public static void ValidateSettings(IHost host) => host.Services.GetService<IStartupValidator>()?.Validate();

    /// <summary>Runs a command, turning the set-up problems users can fix into clear messages and exit codes.</summary>
    public static async Task<int> RunGuardedAsync(ParseResult parse, Func<Task<int>> command)
    {
        var stderr = parse.InvocationConfiguration.Error;
        try
        {
            return await command();
        }
        catch (OptionsValidationException ex)
        {
            await stderr.WriteLineAsync("archive cannot run because of its settings:");
            foreach (var failure in ex.Failures) await stderr.WriteLineAsync($"  - {failure}");
            return ExitCodes.BadSetup;
        }
        catch (IndexLockedException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            return ExitCodes.IndexLocked;
        }
    }

    /// <summary>A Spectre console on <paramref name="writer"/>, which detects colours and width when it is a terminal.</summary>
    public static IAnsiConsole ConsoleOn(TextWriter writer) =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
}
