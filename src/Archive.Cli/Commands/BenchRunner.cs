using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Archive.Core;
using Archive.Core.Analysis;
using Archive.Core.Articles;
using Archive.Core.Benchmarking;
using Archive.Core.Corpus;
using Archive.Core.Indexing;
using Archive.Core.Ingestion;
using Archive.Core.Searching;
using Archive.Core.Splitting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Cli.Commands;

/// <summary>
/// Runs <c>archive bench</c>: for each size, in ascending order, corpus → ingestion → queries → FTS5 baseline → HTTP,
/// then the report. Sizes run in one process one after the other, so peak memory is "so far" (the larger size
/// dominates); each ingestion goes into a fresh index.
/// </summary>
internal sealed class BenchRunner(BenchSettings settings, TextWriter stdout, TextWriter log)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.WorkPath);
        var machine = BenchMachine.Describe();
        await log.WriteLineAsync($"Machine: {machine.Summary}");
        string? webPath = null;
        if (!settings.SkipHttp)
            webPath = settings.WebPath ?? await BenchHttp.PublishAsync(Path.Combine(settings.WorkPath, "web"), log, cancellationToken);

        var results = new List<SizeResult>();
        foreach (var size in settings.Sizes.Order())
        {
            results.Add(await RunSizeAsync(size, webPath, cancellationToken));
            // Written after every size, so a long run killed at 1 M still leaves the smaller sizes' figures.
            await WriteReportAsync(new BenchReport(machine, Command(), DateTimeOffset.UtcNow, results), cancellationToken);
        }
        await stdout.WriteAsync(BenchTables.Render(new BenchReport(machine, Command(), DateTimeOffset.UtcNow, results)));
        return ExitCodes.Success;
    }

    private async Task WriteReportAsync(BenchReport report, CancellationToken cancellationToken)
    {
        if (settings.JsonPath is null) return;
        await File.WriteAllTextAsync(settings.JsonPath, JsonSerializer.Serialize(report, Json), cancellationToken);
    }

    private string Command() => "archive bench --sizes " + string.Join(',', settings.Sizes) + " --seed " + settings.Seed
        + (settings.SkipHttp ? " --skip-http" : "") + (settings.SkipBaseline ? " --skip-baseline" : "") + (settings.ReuseIndex ? " --reuse-index" : "");

    private async Task<SizeResult> RunSizeAsync(int size, string? webPath, CancellationToken cancellationToken)
    {
        var load = new List<string> { $"before: {BenchMachine.LoadAverage()}" };
        await log.WriteLineAsync($"== {size:N0} articles (load {BenchMachine.LoadAverage()})");
        var splitter = new PageSplitter();
        var corpusSettings = new CorpusSettings(size, settings.Seed);
        var corpusPath = Path.Combine(settings.WorkPath, $"corpus-{size}-s{settings.Seed}");
        var corpus = await EnsureCorpusAsync(corpusPath, corpusSettings, splitter, cancellationToken);

        var splitClock = Stopwatch.StartNew();
        var check = await CorpusGenerator.CheckAsync(corpusPath, corpus.Articles, splitter, cancellationToken);
        splitClock.Stop();
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  corpus: {corpus.Pages:N0} pages, {corpus.Chars:N0} chars; split back {check.Found:N0}/{check.Written:N0} (ratio {check.Ratio:F3}) in {splitClock.Elapsed.TotalSeconds:F1} s"));

        var indexPath = Path.Combine(settings.WorkPath, $"index-{size}-s{settings.Seed}");
        // The figures of an ingestion are kept beside its index, so --reuse-index can report them.
        var ingestionRecord = indexPath + ".ingestion.json";
        IngestionResult ingestion;
        if (settings.ReuseIndex && Directory.Exists(indexPath) && File.Exists(ingestionRecord))
        {
            ingestion = JsonSerializer.Deserialize<IngestionResult>(await File.ReadAllTextAsync(ingestionRecord, cancellationToken), Json)!;
            await log.WriteLineAsync($"  ingestion: reusing {indexPath} (figures recorded {File.GetLastWriteTimeUtc(ingestionRecord):u})");
        }
        else
        {
            File.Delete(ingestionRecord);
            ingestion = await IngestAsync(corpusPath, indexPath, corpus, cancellationToken);
            await File.WriteAllTextAsync(ingestionRecord, JsonSerializer.Serialize(ingestion, Json), cancellationToken);
        }
        load.Add($"after ingestion: {BenchMachine.LoadAverage()}");
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  ingestion: {ingestion.Seconds:F1} s, {ingestion.CharsPerSecond / 1e6:F2} M chars/s, {ingestion.ArticlesPerSecond:F0} articles/s, index {ingestion.IndexMegabytes:F0} MB, peak {ingestion.PeakWorkingSetMegabytes:F0} MB"));

        var mix = BenchQuery.Mix(Staff.For(settings.Seed));
        var lucene = RunLuceneQueries(indexPath, mix, cancellationToken);
        load.Add($"after queries: {BenchMachine.LoadAverage()}");
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  lucene queries: warm p50 {lucene.Warm.P50:F2} ms p95 {lucene.Warm.P95:F2} ms p99 {lucene.Warm.P99:F2} ms; cold p50 {lucene.Cold.P50:F2} ms p99 {lucene.Cold.P99:F2} ms; cached p50 {lucene.Cached.P50:F3} ms p99 {lucene.Cached.P99:F3} ms"));

        // The site runs before the FTS5 baseline, whose build writes gigabytes and would push the Lucene index out of
        // the page cache: the site's figures would then be of a cold disk, not of the index.
        HttpFigures? http = null;
        if (webPath is not null)
        {
            var material = await CorpusMaterial.FromSeedsAsync(settings.SeedsPath, splitter, cancellationToken);
            var distinct = BenchQuery.Distinct(material, BenchHttp.DistinctQueriesNeeded(settings.HttpDuration), settings.Seed);
            http = await new BenchHttp(webPath, log).RunAsync(indexPath, corpusPath, mix, distinct, settings.HttpDuration, cancellationToken);
            load.Add($"after http: {BenchMachine.LoadAverage()}");
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  web: resident {http.ResidentMegabytes:F0} MB (peak {http.PeakResidentMegabytes:F0} MB; own {http.AnonymousMegabytes:F0} MB, mapped files {http.FileMegabytes:F0} MB)"));
        }

        BaselineResult? baseline = null;
        if (!settings.SkipBaseline)
        {
            baseline = await RunBaselineAsync(indexPath, size, mix, lucene, splitClock.Elapsed, ingestion, cancellationToken);
            load.Add($"after baseline: {BenchMachine.LoadAverage()}");
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  fts5: build {baseline.BuildSeconds:F1} s (+{baseline.SplitSeconds:F1} s split), warm p50 {baseline.Warm.P50:F2} ms p99 {baseline.Warm.P99:F2} ms; recall lucene {baseline.LuceneRecall:P1} fts5 {baseline.Fts5Recall:P1}"));
        }

        return new SizeResult(size, corpus.Pages, corpus.Chars, check.Found, check.Ratio, ingestion, lucene, baseline, http, load);
    }

    // A complete corpus of the same settings is reused (generating 1 M articles takes a while and the bytes
    // would be the same); anything else in the folder is a leftover and goes.
    private async Task<CorpusSummary> EnsureCorpusAsync(string path, CorpusSettings corpusSettings, IPageSplitter splitter, CancellationToken cancellationToken)
    {
        var marker = Path.Combine(path, CorpusGenerator.SettingsFileName);
        if (File.Exists(marker) && JsonSerializer.Deserialize<CorpusSettings>(await File.ReadAllTextAsync(marker, cancellationToken)) == corpusSettings)
        {
            var files = Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories).ToList();
            var chars = 0L;
            var manifest = Archive.Core.Pages.PageManifest.Load(path);
            foreach (var file in files)
                chars += Archive.Core.Pages.PageDecoder.Decode(await File.ReadAllBytesAsync(file, cancellationToken)).Text?.Length ?? 0;
            var plan = CorpusGenerator.Plan(corpusSettings);
            await log.WriteLineAsync($"  corpus: reusing {path}");
            return new CorpusSummary(path, files.Count, plan.Sum(p => p.Articles), chars, 0, plan[0].Date, plan[^1].Date, TimeSpan.Zero);
        }
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        // A link to a corpus that is gone (a shared corpus deleted) is replaced by a corpus of its own.
        else if (new FileInfo(path).LinkTarget is not null) File.Delete(path);
        await log.WriteLineAsync($"  corpus: writing {path}");
        return await SyntheticCorpus.WriteAsync(path, corpusSettings, settings.SeedsPath, splitter, cancellationToken);
    }

    // The same host and services as `archive ingest`, on a fresh index; timed from the start of the pass to its
    // last commit.
    private static async Task<IngestionResult> IngestAsync(string corpusPath, string indexPath, CorpusSummary corpus, CancellationToken cancellationToken)
    {
        if (Directory.Exists(indexPath)) Directory.Delete(indexPath, recursive: true);
        var builder = CliHost.CreateBuilder(new CliHostKind(Ingests: true, LongRunning: false), corpusPath, indexPath);
        builder.Services.AddArchiveCore(runIngestion: true);
        using var host = builder.Build();
        CliHost.ValidateSettings(host);
        var ingestor = host.Services.GetRequiredService<PageIngestor>();
        var index = host.Services.GetRequiredService<ArchiveIndex>();

        var gcBefore = GC.GetTotalPauseDuration();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var gen2Before = GC.CollectionCount(2);
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        var summary = await ingestor.IngestFolderAsync(cancellationToken: cancellationToken);
        clock.Stop();
        using var process = Process.GetCurrentProcess();
        var seconds = clock.Elapsed.TotalSeconds;
        return new IngestionResult(
            seconds, summary.Ingested, summary.Articles, summary.Errors,
            summary.Ingested / seconds, summary.Articles / seconds, corpus.Chars / seconds,
            index.SizeOnDisk() / 1048576.0,
            process.PeakWorkingSet64 / 1048576.0,
            GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes / 1048576.0,
            (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0,
            (GC.GetTotalPauseDuration() - gcBefore).TotalSeconds,
            GC.CollectionCount(2) - gen2Before,
            ingestor.Parallelism,
            (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds);
    }

    /// <summary>
    /// The mix through <see cref="ArticleSearcher.Search"/>. Cold: each query once on a freshly opened index (a new
    /// IndexReader, so no per-reader cache or loaded DocValues helps; the OS page cache is still warm, since
    /// dropping it needs root). Warm: the mix round after round on one searcher, after three rounds of warm-up.
    /// </summary>
    private LuceneResult RunLuceneQueries(string indexPath, IReadOnlyList<BenchQuery> mix, CancellationToken cancellationToken)
    {
        var analyzers = ArchiveAnalyzers.CreateDefault();
        var cold = new List<double>();
        var totals = new Dictionary<string, int>();
        foreach (var query in mix)
        {
            using var fresh = ArchiveIndex.OpenReadOnly(indexPath, NullLogger.Instance);
            var searcher = new ArticleSearcher(fresh, new QueryBuilder(analyzers), analyzers);
            var clock = Stopwatch.StartNew();
            totals[query.Name] = searcher.Search(query.ToRequest()).Total;
            cold.Add(clock.Elapsed.TotalMilliseconds);
        }

        using var index = ArchiveIndex.OpenReadOnly(indexPath, NullLogger.Instance);
        JiebaSegmenter.Shared.AddWords(index.BylineNames());
        var warmSearcher = new ArticleSearcher(index, new QueryBuilder(analyzers), analyzers);
        for (var round = 0; round < 3; round++)
            foreach (var query in mix) warmSearcher.Search(query.ToRequest());
        var warm = new List<double>();
        var perQuery = mix.ToDictionary(q => q.Name, _ => new List<double>());
        var budget = Stopwatch.StartNew();
        while (budget.Elapsed < settings.QueryDuration || warm.Count < mix.Count * 5)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var query in mix)
            {
                var clock = Stopwatch.StartNew();
                warmSearcher.Search(query.ToRequest());
                var ms = clock.Elapsed.TotalMilliseconds;
                warm.Add(ms);
                perQuery[query.Name].Add(ms);
            }
            if (warm.Count >= mix.Count * 2000) break;
        }
        var queries = mix.Select(q => new QueryFigures(q.Name, q.Text, q.County, q.Reporter, totals[q.Name],
            LatencySummary.Of(perQuery[q.Name]).P50, LatencySummary.Of(perQuery[q.Name]).P99)).ToList();

        // The same mix once more through a searcher with the site's result cache: after one round every search is
        // a repeat, which is what a popular search or the second look at a result page costs.
        var cachedSearcher = new ArticleSearcher(index, new QueryBuilder(analyzers), analyzers, new SearchResultCache(1000));
        foreach (var query in mix) cachedSearcher.Search(query.ToRequest());
        var cached = new List<double>();
        for (var round = 0; round < 200; round++)
        {
            foreach (var query in mix)
            {
                var clock = Stopwatch.StartNew();
                cachedSearcher.Search(query.ToRequest());
                cached.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        return new LuceneResult(LatencySummary.Of(cold), LatencySummary.Of(warm), queries, LatencySummary.Of(cached))
        {
            WarmSamples = perQuery.SelectMany(p => p.Value.Select(ms => (p.Key, ms))).ToList(),
        };
    }

    private async Task<BaselineResult> RunBaselineAsync(string indexPath, int size, IReadOnlyList<BenchQuery> mix, LuceneResult lucene,
        TimeSpan splitTime, IngestionResult ingestion, CancellationToken cancellationToken)
    {
        var articles = ReadArticles(indexPath);
        var dbPath = Path.Combine(settings.WorkPath, $"fts5-{size}-s{settings.Seed}.db");
        var (built, buildTime) = BenchFts5.Build(dbPath, articles, cancellationToken);
        built.Dispose();
        var dbMegabytes = new FileInfo(dbPath).Length / 1048576.0;

        var cold = new List<double>();
        foreach (var query in mix)
        {
            using var fresh = BenchFts5.Open(dbPath);
            var clock = Stopwatch.StartNew();
            fresh.Search(query);
            cold.Add(clock.Elapsed.TotalMilliseconds);
        }

        using var fts = BenchFts5.Open(dbPath);
        foreach (var query in mix) fts.Search(query);
        var warm = new List<double>();
        var perQuery = mix.ToDictionary(q => q.Name, _ => new List<double>());
        var totals = new Dictionary<string, int>();
        var budget = Stopwatch.StartNew();
        while (budget.Elapsed < settings.QueryDuration || warm.Count < mix.Count * 3)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var query in mix)
            {
                var clock = Stopwatch.StartNew();
                totals[query.Name] = fts.Search(query);
                var ms = clock.Elapsed.TotalMilliseconds;
                warm.Add(ms);
                perQuery[query.Name].Add(ms);
            }
            if (warm.Count >= mix.Count * 2000) break;
        }

        // Recall against the ground truth: articles holding every term (substring, in headline, body or bylines).
        var searcher = new ArticleSearcher(ArchiveIndexHolder(indexPath, out var index), new QueryBuilder(ArchiveAnalyzers.CreateDefault()), ArchiveAnalyzers.CreateDefault());
        var recall = new List<RecallFigures>();
        using (index)
        {
            foreach (var query in mix)
            {
                var truth = articles.Where(query.Matches).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
                var found = new HashSet<string>(StringComparer.Ordinal);
                // The cap sizes the collector's queue: the number of articles, not "unlimited".
                await searcher.ExportAsync(query.ToRequest(), Math.Max(1, articles.Count), (article, _, _) => { found.Add(article.Id); return ValueTask.CompletedTask; }, cancellationToken);
                var ftsFound = fts.MatchingIds(query);
                recall.Add(new RecallFigures(query.Name, truth.Count, found.Count(truth.Contains), ftsFound.Count(truth.Contains), found.Count, ftsFound.Count,
                    LatencySummary.Of(perQuery[query.Name]).P50, BenchFts5.MatchExpression(query) is null));
            }
        }
        var truthTotal = recall.Sum(r => r.Truth);
        var luceneRecall = truthTotal == 0 ? 1 : (double)recall.Sum(r => r.LuceneFound) / truthTotal;
        var ftsRecall = truthTotal == 0 ? 1 : (double)recall.Sum(r => r.Fts5Found) / truthTotal;
        var warmSummary = LatencySummary.Of(warm);
        // The ratio over all queries flatters FTS5, whose impossible queries (under three characters) return at once
        // with nothing; the ratio over the queries both engines can answer is the fair one.
        var answerable = mix.Where(q => BenchFts5.MatchExpression(q) is not null).Select(q => q.Name).ToHashSet();
        var ftsAnswerable = LatencySummary.Of(answerable.SelectMany(n => perQuery[n]).ToList());
        var luceneAnswerable = LatencySummary.Of(lucene.WarmSamples.Where(x => answerable.Contains(x.Query)).Select(x => x.Ms).ToList());
        var ftsEndToEnd = splitTime.TotalSeconds + buildTime.TotalSeconds;
        return new BaselineResult(
            buildTime.TotalSeconds, splitTime.TotalSeconds, dbMegabytes,
            LatencySummary.Of(cold), warmSummary,
            IngestSpeedup: ftsEndToEnd / ingestion.Seconds,
            P50Speedup: warmSummary.P50 / lucene.Warm.P50,
            P99Speedup: warmSummary.P99 / lucene.Warm.P99,
            AnswerableP50Speedup: ftsAnswerable.P50 / luceneAnswerable.P50,
            AnswerableP99Speedup: ftsAnswerable.P99 / luceneAnswerable.P99,
            luceneRecall, ftsRecall,
            QueriesFts5CannotMatch: recall.Count(r => r.Fts5CannotMatch),
            recall);
    }

    private static ArchiveIndex ArchiveIndexHolder(string indexPath, out ArchiveIndex index) => index = ArchiveIndex.OpenReadOnly(indexPath, NullLogger.Instance);

    // Every article the index holds, as stored: the baseline indexes exactly what Lucene indexed.
    private static List<Article> ReadArticles(string indexPath)
    {
        using var index = ArchiveIndex.OpenReadOnly(indexPath, NullLogger.Instance);
        return index.Search(searcher =>
        {
            var reader = searcher.IndexReader;
            var live = Lucene.Net.Index.MultiFields.GetLiveDocs(reader);
            var articles = new List<Article>(reader.NumDocs);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc)) continue;
                var stored = reader.Document(doc);
                if (stored.Get(ArticleFields.Id) is null) continue;
                articles.Add(ArticleDocument.ToArticle(stored));
            }
            return articles;
        });
    }
}

/// <summary>The machine the figures were taken on.</summary>
internal sealed record BenchMachine(string Cpu, int Cores, double MemoryGigabytes, string Os, string Runtime, bool ServerGc, string Build, string LoadAtStart)
{
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Cpu}, {Cores} cores, {MemoryGigabytes:F0} GB RAM, {Os}, {Runtime}, {(ServerGc ? "server" : "workstation")} GC, {Build}, load {LoadAtStart}");

    public static BenchMachine Describe() => new(
        ProcLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        GCSettings.IsServerGC,
#if DEBUG
        "Debug (measure with -c Release)",
#else
        "Release",
#endif
        LoadAverage());

    /// <summary>The 1, 5 and 15 minute load averages (other engineers share the machine).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string? ProcLine(string file, string key)
    {
        if (!File.Exists(file)) return null;
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?.Split(':', 2)[1].Trim();
    }
}

internal sealed record IngestionResult(
    double Seconds, int Pages, int Articles, int Errors, double PagesPerSecond, double ArticlesPerSecond, double CharsPerSecond,
    double IndexMegabytes, double PeakWorkingSetMegabytes, double GcHeapMegabytes, double AllocatedMegabytes, double GcPauseSeconds, int Gen2Collections, int Workers,
    double CpuSeconds);

internal sealed record QueryFigures(string Name, string Text, string? County, string? Reporter, int Total, double WarmP50, double WarmP99);

/// <param name="Warm">Every search doing the whole work (no result cache), the figure the targets are about.</param>
/// <param name="Cached">Repeats answered by the result cache.</param>
internal sealed record LuceneResult(LatencySummary Cold, LatencySummary Warm, IReadOnlyList<QueryFigures> Queries, LatencySummary Cached)
{
    /// <summary>Every warm latency with its query (not written to JSON: thousands of numbers).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<(string Query, double Ms)> WarmSamples { get; init; } = [];
}

internal sealed record RecallFigures(string Query, int Truth, int LuceneFound, int Fts5Found, int LuceneTotal, int Fts5Total, double Fts5WarmP50, bool Fts5CannotMatch);

internal sealed record BaselineResult(
    double BuildSeconds, double SplitSeconds, double DatabaseMegabytes, LatencySummary Cold, LatencySummary Warm,
    double IngestSpeedup, double P50Speedup, double P99Speedup, double AnswerableP50Speedup, double AnswerableP99Speedup, double LuceneRecall, double Fts5Recall, int QueriesFts5CannotMatch,
    IReadOnlyList<RecallFigures> Recall);

internal sealed record SizeResult(
    int Articles, int Pages, long Chars, int ArticlesSplitBack, double SplitRatio, IngestionResult Ingestion, LuceneResult Lucene,
    BaselineResult? Baseline, HttpFigures? Http, IReadOnlyList<string> Load);

internal sealed record BenchReport(BenchMachine Machine, string Command, DateTimeOffset At, IReadOnlyList<SizeResult> Sizes);

/// <summary>The report as Markdown tables (pasted as they are into docs/performance.md).</summary>
internal static class BenchTables
{
    public static string Render(BenchReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"Machine: {report.Machine.Summary}");
        text.AppendLine(c, $"Command: {report.Command}");
        text.AppendLine();
        text.AppendLine("| articles | pages | chars | split ratio | ingest s | CPU s | pages/s | articles/s | M chars/s | index MB | peak WS MB | GC pause s | workers |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in report.Sizes)
        {
            var i = s.Ingestion;
            text.AppendLine(c, $"| {s.Articles:N0} | {s.Pages:N0} | {s.Chars:N0} | {s.SplitRatio:F3} | {i.Seconds:F1} | {i.CpuSeconds:F0} | {i.PagesPerSecond:F0} | {i.ArticlesPerSecond:F0} | {i.CharsPerSecond / 1e6:F2} | {i.IndexMegabytes:F0} | {i.PeakWorkingSetMegabytes:F0} | {i.GcPauseSeconds:F1} | {i.Workers} |");
        }
        text.AppendLine();
        text.AppendLine("| articles | Lucene warm p50 / p95 / p99 ms | Lucene cold p50 / p95 / p99 ms | Lucene cached p50 / p99 ms | FTS5 warm p50 / p99 ms | FTS5 cold p50 / p99 ms | FTS5/Lucene p50, p99 (all; answerable) | FTS5/Lucene ingest time | recall Lucene / FTS5 | FTS5 build s (+split) | FTS5 MB |");
        text.AppendLine("|---:|---|---|---|---|---|---|---:|---|---|---:|");
        foreach (var s in report.Sizes)
        {
            var l = s.Lucene;
            var b = s.Baseline;
            text.Append(c, $"| {s.Articles:N0} | {l.Warm.P50:F2} / {l.Warm.P95:F2} / {l.Warm.P99:F2} | {l.Cold.P50:F1} / {l.Cold.P95:F1} / {l.Cold.P99:F1} | {l.Cached.P50:F3} / {l.Cached.P99:F3} | ");
            text.AppendLine(b is null
                ? "– | – | – | – | – | – | – |"
                : string.Create(c, $"{b.Warm.P50:F2} / {b.Warm.P99:F2} | {b.Cold.P50:F1} / {b.Cold.P99:F1} | {b.P50Speedup:F2}, {b.P99Speedup:F2}; {b.AnswerableP50Speedup:F2}, {b.AnswerableP99Speedup:F2} | {b.IngestSpeedup:F2} | {b.LuceneRecall:P1} / {b.Fts5Recall:P1} | {b.BuildSeconds:F1} (+{b.SplitSeconds:F1}) | {b.DatabaseMegabytes:F0} |"));
        }
        foreach (var s in report.Sizes)
        {
            text.AppendLine();
            text.AppendLine(c, $"Queries at {s.Articles:N0} articles (warm; hits = Lucene total, truth = articles holding every term):");
            text.AppendLine();
            text.AppendLine("| query | text | filter | hits | Lucene p50 / p99 ms | truth | Lucene found | FTS5 found | FTS5 p50 ms |");
            text.AppendLine("|---|---|---|---:|---|---:|---:|---:|---:|");
            foreach (var q in s.Lucene.Queries)
            {
                var r = s.Baseline?.Recall.FirstOrDefault(x => x.Query == q.Name);
                var filter = q.County ?? (q.Reporter is null ? "" : "记者 " + q.Reporter);
                text.AppendLine(c, $"| {q.Name} | {q.Text.Replace("\"", "\\\"")} | {filter} | {q.Total:N0} | {q.WarmP50:F2} / {q.WarmP99:F2} | {r?.Truth.ToString("N0", c) ?? "–"} | {r?.LuceneFound.ToString("N0", c) ?? "–"} | {(r is null ? "–" : r.Fts5CannotMatch ? "0 (under 3 chars)" : r.Fts5Found.ToString("N0", c))} | {r?.Fts5WarmP50.ToString("F2", c) ?? "–"} |");
            }
        }
        var withHttp = report.Sizes.Where(s => s.Http is not null).ToList();
        if (withHttp.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("| articles | endpoint | queries | connections | req/s | p50 ms | p90 ms | p99 ms | errors | tool | web RSS MB (peak) | own (RssAnon) MB | mapped files (RssFile) MB |");
            text.AppendLine("|---:|---|---|---:|---:|---:|---:|---:|---:|---|---|---:|---:|");
            foreach (var s in withHttp)
                foreach (var run in s.Http!.Runs)
                    text.AppendLine(c, $"| {s.Articles:N0} | {run.Endpoint} | {run.Workload} | {run.Connections} | {run.RequestsPerSecond:F0} | {run.P50Ms:F1} | {run.P90Ms:F1} | {run.P99Ms:F1} | {run.Errors} | {run.Tool} | {s.Http.ResidentMegabytes:F0} ({s.Http.PeakResidentMegabytes:F0}) | {s.Http.AnonymousMegabytes:F0} | {s.Http.FileMegabytes:F0} |");
        }
        text.AppendLine();
        foreach (var s in report.Sizes) text.AppendLine(c, $"Load average at {s.Articles:N0}: {string.Join("; ", s.Load)}");
        return text.ToString();
    }
}
