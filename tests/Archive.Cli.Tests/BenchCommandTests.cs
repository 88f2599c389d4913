using System.Diagnostics;
using System.Text.Json;
using Archive.Core.Benchmarking;
using Archive.Core.Corpus;
using Archive.Core.Splitting;

namespace Archive.Cli.Tests;

public sealed class BenchCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("archive-bench-tests-").FullName;

    [Fact]
    public async Task BenchRunsEndToEndOnATinyCorpusAndWritesItsFiguresAsJson()
    {
        var json = Path.Combine(_work, "bench.json");

        var run = await Cli.RunAsync("bench", "--sizes", "200", "--skip-http", "--query-seconds", "1",
            "--work", _work, "--json", json, "--seeds", TempArchive.SeedsPath);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr + run.Stdout);
        Assert.Contains("| 200 |", run.Stdout);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var size = report.RootElement.GetProperty("sizes")[0];
        Assert.Equal(200, size.GetProperty("articles").GetInt32());
        Assert.InRange(size.GetProperty("splitRatio").GetDouble(), 0.9, 1.1);
        Assert.True(size.GetProperty("ingestion").GetProperty("charsPerSecond").GetDouble() > 0);
        // CPU time beside wall time: on a shared host the wall clock moves with the neighbours more than the CPU does.
        Assert.InRange(size.GetProperty("ingestion").GetProperty("cpuSeconds").GetDouble(), 0.01, 2 * Environment.ProcessorCount * size.GetProperty("ingestion").GetProperty("seconds").GetDouble() + 1);
        Assert.True(size.GetProperty("lucene").GetProperty("warm").GetProperty("count").GetInt32() > 0);
        // Lucene finds every true match; FTS5 trigram misses the queries under three characters.
        var baseline = size.GetProperty("baseline");
        Assert.Equal(1.0, baseline.GetProperty("luceneRecall").GetDouble(), 3);
        Assert.True(baseline.GetProperty("queriesFts5CannotMatch").GetInt32() > 0);
        Assert.True(size.GetProperty("lucene").GetProperty("cached").GetProperty("count").GetInt32() > 0);
    }

    [Fact]
    public async Task TheCommandRunsOnTheServerGarbageCollector()
    {
        // The collector is chosen by the command's runtimeconfig (copied beside the tests), read only by a process of
        // its own: a bulk load paused 42 s of 631 on the workstation collector and 9 s on this one.
        using var process = Process.Start(Cli.BuiltCommand(["bench", "analyzer", "--pages", TempArchive.SeedsPath, "--megabytes", "1", "--json"], _work))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == ExitCodes.Success, await stderr);
        using var report = JsonDocument.Parse(await stdout);
        Assert.True(report.RootElement.GetProperty("machine").GetProperty("serverGc").GetBoolean());
    }

    [Fact]
    public async Task BenchCanReuseTheIndexItBuiltAndReportsItsRecordedIngestion()
    {
        var first = Path.Combine(_work, "first.json");
        var second = Path.Combine(_work, "second.json");
        string[] common = ["bench", "--sizes", "150", "--skip-http", "--skip-baseline", "--query-seconds", "1", "--work", _work, "--seeds", TempArchive.SeedsPath];

        var built = await Cli.RunAsync([.. common, "--json", first]);
        var reused = await Cli.RunAsync([.. common, "--json", second, "--reuse-index"]);

        Assert.True(reused.ExitCode == ExitCodes.Success, reused.Stderr + reused.Stdout);
        Assert.Contains("reusing", reused.Stderr + reused.Stdout);
        double Seconds(string file) => JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("sizes")[0].GetProperty("ingestion").GetProperty("seconds").GetDouble();
        Assert.Equal(Seconds(first), Seconds(second));
    }

    [Fact]
    public async Task BenchReplacesALinkToACorpusThatIsGone()
    {
        var link = Path.Combine(_work, "corpus-150-s1");
        File.CreateSymbolicLink(link, Path.Combine(_work, "deleted-corpus"));

        var run = await Cli.RunAsync("bench", "--sizes", "150", "--skip-http", "--skip-baseline", "--query-seconds", "1", "--work", _work, "--seeds", TempArchive.SeedsPath);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr + run.Stdout);
        Assert.True(File.Exists(Path.Combine(link, "manifest.json")));
    }

    [Fact]
    public async Task CorpusCommandWritesPagesAndPrintsTheSplitRatio()
    {
        var folder = Path.Combine(_work, "corpus");

        var run = await Cli.RunAsync("corpus", "--articles", "150", "--out", folder, "--seed", "4", "--seeds", TempArchive.SeedsPath);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr + run.Stdout);
        Assert.Contains("150 articles", run.Stdout);
        Assert.Contains("ratio", run.Stdout);
        Assert.True(File.Exists(Path.Combine(folder, "manifest.json")));
    }

    [Fact]
    public async Task TheSeedsYieldADistinctQueryForEveryHttpRequestAFastHostCanMake()
    {
        // A 10-second run at 595 searches/s ran out of 2,700 queries and repeated half of them; at 10 k articles the
        // site served 2,250/s.
        var duration = TimeSpan.FromSeconds(10);
        var material = await CorpusMaterial.FromSeedsAsync(TempArchive.SeedsPath, new PageSplitter());

        var queries = BenchQuery.Distinct(material, Commands.BenchHttp.DistinctQueriesNeeded(duration), seed: 1);

        Assert.Equal(Commands.BenchHttp.DistinctQueriesNeeded(duration), queries.Count);
        Assert.True(Commands.BenchHttp.MeasuredDistinctQueries(duration) / 4 >= 10 * 3_000, "a run needs at least 3,000 queries a second");
    }

    [Theory]
    [InlineData("10k,100k,1m", new[] { 10_000, 100_000, 1_000_000 })]
    [InlineData("200", new[] { 200 })]
    public void SizesReadThousandsAndMillions(string text, int[] expected)
    {
        Assert.True(Commands.BenchCommand.TryParseSizes(text, out var sizes));
        Assert.Equal(expected, sizes);
    }

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}
