using System.Text.RegularExpressions;
using Archive.Core.Analysis;
using Archive.Core.Indexing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Cli.Tests;

public sealed class IngestCommandTests : IDisposable
{
    private readonly TempArchive _archive = new();

    [Fact]
    public async Task IngestIndexesTheSeedsAndASecondRunFindsThemUnchanged()
    {
        var first = await Ingest();

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Matches(Row("Pages", 5), first.Stdout);
        Assert.Matches(Row("Indexed", 5), first.Stdout);
        Assert.Matches(Row("Errors", 0), first.Stdout);

        var second = await Ingest();

        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Matches(Row("Unchanged", 5), second.Stdout);
        Assert.Matches(Row("Indexed", 0), second.Stdout);
    }

    [Fact]
    public async Task IngestListsABrokenPageWithItsReasonAndExitsWithOne()
    {
        _archive.AddBinaryPage("broken.txt");

        var run = await Ingest();

        Assert.Equal(ExitCodes.PagesFailed, run.ExitCode);
        Assert.Matches(Row("Pages", 6), run.Stdout);
        Assert.Matches(Row("Indexed", 5), run.Stdout);
        Assert.Matches(Row("Errors", 1), run.Stdout);
        Assert.Matches(@"broken\.txt: the file is binary", run.Stdout);
    }

    [Fact]
    public async Task IngestOfAMissingPagesFolderNamesTheSettingAndExitsWithTwo()
    {
        var run = await Cli.RunAsync("ingest", "--pages", Path.Combine(_archive.Root, "nowhere"), "--index", _archive.IndexPath);

        Assert.Equal(ExitCodes.BadSetup, run.ExitCode);
        Assert.Contains("Archive:PagesPath", run.Stderr);
        Assert.Contains("nowhere", run.Stderr);
    }

    [Fact]
    public async Task IngestIntoAnIndexAnotherWriterHoldsSaysItIsLockedAndExitsWithThree()
    {
        using (ArchiveIndex.OpenForWriting(_archive.IndexPath, ArchiveAnalyzers.CreateDefault(), NullLogger.Instance))
        {
            var run = await Ingest();

            Assert.Equal(ExitCodes.IndexLocked, run.ExitCode);
            Assert.Contains("locked", run.Stderr);
            Assert.Contains(_archive.IndexPath, run.Stderr);
        }
    }

    private Task<CliRun> Ingest() => Cli.RunAsync("ingest", "--pages", _archive.PagesPath, "--index", _archive.IndexPath);

    // A row of the summary table, whatever border characters the console chose.
    private static Regex Row(string label, int value) => new($@"{label}\W+{value}\b");

    public void Dispose() => _archive.Dispose();
}
