using System.Diagnostics;
using Archive.Core.Analysis;
using Archive.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Archive.Cli.Tests;

/// <summary>
/// A synthetic corpus of about 1,700 pages, made once for the crash tests, and a clean reference index of it ingested
/// in-process without interruption: what every interrupted run must end up equal to.
/// </summary>
public sealed class CrashCorpus : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("archive-crash-tests-").FullName;

    public string Pages => Path.Combine(Root, "pages");

    public string ReferenceIndex => Path.Combine(Root, "reference-index");

    /// <summary>The reference index's article ids and the pages holding them.</summary>
    public IndexContents Reference { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var corpus = await Cli.RunAsync("corpus", "--articles", "15000", "--out", Pages, "--no-check", "--seeds", TempArchive.SeedsPath);
        Assert.True(corpus.ExitCode == 0, corpus.Stderr);
        var ingest = await Cli.RunAsync("ingest", "--pages", Pages, "--index", ReferenceIndex);
        Assert.True(ingest.ExitCode == 0, ingest.Stdout + ingest.Stderr);
        Reference = IndexContents.Read(ReferenceIndex);
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

/// <summary>
/// SIGKILL at random moments: the built <c>archive</c> runs as a child process and is killed (Process.Kill sends
/// SIGKILL on Linux: no shutdown code, no commit, no lock release by the program) while it ingests or rebuilds.
/// </summary>
public sealed class CrashSafetyTests(CrashCorpus corpus, ITestOutputHelper output) : IClassFixture<CrashCorpus>
{
    [Fact]
    public async Task KillingIngestionAtRandomPointsLeavesAConsistentIndexThatTheNextRunCompletes()
    {
        var index = Path.Combine(corpus.Root, "killed-index");
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"random seed {seed}");
        var kills = 0;
        // Five in the suite; ARCHIVE_CRASH_KILLS=40 runs a longer campaign by hand.
        var attempts = int.TryParse(Environment.GetEnvironmentVariable("ARCHIVE_CRASH_KILLS"), out var n) ? n : 5;

        for (var attempt = 0; attempt < attempts; attempt++)
        {
            // The process needs about 1.5 s to start and load its dictionaries (Debug); then it indexes ~150 pages a
            // second and commits every 100 pages, so kills fall during start-up, between commits and during them.
            var delay = TimeSpan.FromMilliseconds(random.Next(1000, 4000));
            var killed = await RunAndKillAsync(["ingest", "--pages", corpus.Pages, "--index", index], delay);
            if (killed) kills++;

            // A killed writer leaves its lock files behind; opening for writing must still succeed.
            var contents = IndexContents.Read(index);
            output.WriteLine($"attempt {attempt + 1}: {(killed ? "killed" : "finished")} after {delay.TotalMilliseconds} ms; {contents.Articles.Count} articles, {contents.Pages.Count} pages committed");
            contents.AssertConsistent();
        }
        Assert.True(kills >= Math.Min(3, attempts), $"only {kills} runs were killed mid-ingest; the kill times are too late for this machine");

        var final = await RunToEndAsync(["ingest", "--pages", corpus.Pages, "--index", index]);
        Assert.True(final.ExitCode == 0, final.Output);

        var completed = IndexContents.Read(index);
        output.WriteLine($"final run: {completed.Articles.Count} articles, {completed.Pages.Count} pages; reference: {corpus.Reference.Articles.Count} articles, {corpus.Reference.Pages.Count} pages");
        completed.AssertConsistent();
        Assert.Equal(corpus.Reference.Articles.Count, completed.Articles.Count);
        Assert.Equal(corpus.Reference.Articles.Keys.Order(StringComparer.Ordinal), completed.Articles.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(corpus.Reference.Pages.OrderBy(p => p.Key, StringComparer.Ordinal), completed.Pages.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task KillingARebuildLeavesTheOldIndexLiveAndTheNextOpenRemovesTheHalfBuiltOne()
    {
        var index = Path.Combine(corpus.Root, "rebuilt-index");
        CopyFolder(corpus.ReferenceIndex, index);

        // Killed once the new generation exists and is being filled.
        var killed = await RunAndKillAsync(["reindex", "--pages", corpus.Pages, "--index", index], TimeSpan.FromSeconds(3),
            until: () => Directory.EnumerateDirectories(index, "gen-*").Any());
        Assert.True(killed, "the rebuild finished before it could be killed");
        Assert.NotEmpty(Directory.EnumerateDirectories(index, "gen-*"));
        Assert.False(File.Exists(Path.Combine(index, IndexGenerations.CurrentFile)), "the half-built generation went live");

        var contents = IndexContents.Read(index);
        contents.AssertConsistent();
        Assert.Equal(corpus.Reference.Articles.Count, contents.Articles.Count);
        Assert.Empty(Directory.EnumerateDirectories(index, "gen-*"));
    }

    /// <summary>
    /// Starts the built CLI and kills it after <paramref name="delay"/> (counted from when <paramref name="until"/> holds,
    /// if given). True when it was killed, false when it had already finished.
    /// </summary>
    private static async Task<bool> RunAndKillAsync(string[] args, TimeSpan delay, Func<bool>? until = null)
    {
        using var process = Start(args);
        if (until is not null)
        {
            var deadline = Stopwatch.StartNew();
            while (!until() && !process.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(20);
        }
        if (process.WaitForExit(delay)) return false;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return true;
    }

    private static async Task<(int ExitCode, string Output)> RunToEndAsync(string[] args)
    {
        var output = new System.Text.StringBuilder();
        using var process = Start(args, output);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, output.ToString());
    }

    private static Process Start(string[] args, System.Text.StringBuilder? output = null)
    {
        var start = Cli.BuiltCommand(args, Path.GetTempPath());
        // Commit often, so that runs cut short still leave work behind for the next to build on.
        start.Environment["Archive__Ingestion__CommitEveryPages"] = "100";
        start.Environment["Serilog__WriteTo__File__Args__path"] = Path.Combine(Path.GetTempPath(), "archive-crash-tests-logs", "archive-.log");
        var process = Process.Start(start)!;
        // Drained, or the child blocks once a pipe's buffer is full of its progress output.
        process.OutputDataReceived += (_, e) => { lock (start) output?.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (start) output?.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}

/// <summary>What an index holds, read through <see cref="ArchiveIndex.OpenForWriting"/> as the next ingesting process would open it.</summary>
public sealed record IndexContents(IReadOnlyDictionary<string, string> Articles, IReadOnlyDictionary<string, int> Pages, IReadOnlyList<string> DuplicateIds, IReadOnlyDictionary<string, int> ArticlesPerFile)
{
    /// <param name="path">The index folder.</param>
    public static IndexContents Read(string path)
    {
        using var index = ArchiveIndex.OpenForWriting(path, ArchiveAnalyzers.CreateDefault(), NullLogger.Instance);
        return index.Search(searcher =>
        {
            var articles = new Dictionary<string, string>(StringComparer.Ordinal);
            var duplicates = new List<string>();
            var perFile = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var doc in All(searcher, ArticleFields.ArticleType))
            {
                var (id, file) = (doc.Get(ArticleFields.Id), doc.Get(ArticleFields.File));
                if (!articles.TryAdd(id, file)) duplicates.Add(id);
                perFile[file] = perFile.GetValueOrDefault(file) + 1;
            }
            var pages = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var doc in All(searcher, ArticleFields.PageType))
            {
                var state = ArticleDocument.ToPageState(doc);
                if (!pages.TryAdd(state.File, state.Articles)) duplicates.Add("page " + state.File);
            }
            return new IndexContents(articles, pages, duplicates, perFile);
        });
    }

    /// <summary>No duplicate ids; every article's page has its state; every page state has exactly the articles it counts.</summary>
    public void AssertConsistent()
    {
        Assert.Empty(DuplicateIds);
        Assert.All(ArticlesPerFile, entry => Assert.True(Pages.ContainsKey(entry.Key), $"{entry.Value} articles of {entry.Key} without its page state"));
        Assert.All(Pages, entry => Assert.True(ArticlesPerFile.GetValueOrDefault(entry.Key) == entry.Value,
            $"page state of {entry.Key} counts {entry.Value} articles, the index holds {ArticlesPerFile.GetValueOrDefault(entry.Key)}"));
    }

    private static IEnumerable<Lucene.Net.Documents.Document> All(IndexSearcher searcher, string type)
    {
        var top = searcher.Search(new TermQuery(new Term(ArticleFields.Type, type)), Math.Max(1, searcher.IndexReader.MaxDoc));
        return top.ScoreDocs.Select(hit => searcher.Doc(hit.Doc));
    }
}
