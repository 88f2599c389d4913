using System.CommandLine;
using Archive.Cli.Commands;

namespace Archive.Cli;

/// <summary>The <c>archive</c> command line: ingest, reindex, watch, split, search, and the corpus, bench and load tools.</summary>
public static class ArchiveCli
{
    /// <summary>
    /// Parses <paramref name="args"/> and runs the chosen command, writing its output to <paramref name="stdout"/>
    /// and its messages to <paramref name="stderr"/> (log events go to the process's standard error and the log file).
    /// Returns the exit code: see <see cref="ExitCodes"/>.
    /// </summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Full-text search over the newspaper archive: index the page files, keep the index current, split pages, search.")
        {
            new IngestCommand(),
            new ReindexCommand(),
            new WatchCommand(),
            new SplitCommand(),
            new SearchCommand(),
            new CorpusCommand(),
            new BenchCommand(),
            new LoadCommand(),
        };
        var invocation = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            // Ctrl+C cancels the command; give it time to commit the index and flush the log before the process ends.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(15),
        };
        return root.Parse(args).InvokeAsync(invocation, cancellationToken);
    }
}
