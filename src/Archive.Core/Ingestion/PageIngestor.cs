using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using Archive.Core.Analysis;
using Archive.Core.Articles;
using Archive.Core.Indexing;
using Archive.Core.Pages;
using Archive.Core.Splitting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archive.Core.Ingestion;

/// <summary>
/// Brings the index in line with the pages folder: new and changed page files (by content hash) are split and
/// indexed, each page's articles replaced in one update; files that are gone lose their articles; broken files
/// are reported and skipped. Used by the hosted service and by <c>archive ingest</c>. One operation at a time.
/// </summary>
public sealed partial class PageIngestor(
    ArchiveIndex index,
    IPageSplitter splitter,
    IChineseSegmenter segmenter,
    IngestionStatus status,
    IOptions<ArchiveOptions> options,
    ILogger<PageIngestor> logger)
{
    /// <summary>
    /// Commit at least this often during a long pass, so a crash loses little work (each page's articles and its
    /// state go into the index in one atomic update, so a crash never leaves a page half indexed: the pages after
    /// the last commit are simply ingested again). Each commit also flushes the writer's buffer into a new segment,
    /// so committing too often makes many small segments to merge: 2,000 pages is about 1.2 M characters of text
    /// per commit at the paper's density. The default of <c>Archive:Ingestion:CommitEveryPages</c>.
    /// </summary>
    public const int CommitEveryPages = 2000;

    /// <summary>A pass that indexes at least this many articles, most of the index, merges it for searching at its end.</summary>
    public const int MergeAfterArticles = 100_000;

    /// <summary>
    /// A pass with at least this many new pages, more than the index holds, is a bulk load: it holds merges until it
    /// merges for searching at its end (<see cref="ArchiveIndex.HoldMerges"/>). About <see cref="MergeAfterArticles"/>
    /// articles at the paper's eight to ten a page.
    /// </summary>
    public const int BulkLoadPages = 10_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ArchiveOptions _options = options.Value;

    /// <summary>The folder of page files.</summary>
    public string PagesPath => _options.PagesPath;

    /// <summary>
    /// How many pages a folder pass works on at once: each worker reads, decodes and splits a page, then hands its
    /// documents to the writer, whose <c>UpdateDocuments</c> analyzes them on the calling thread; so with one worker
    /// per core both the splitting and the analysis run in parallel. 1 ingests strictly in file order.
    /// </summary>
    public int Parallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>One pass over the whole folder.</summary>
    public async Task<IngestionSummary> IngestFolderAsync(IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await IngestFolderCoreAsync(progress, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Ingests one file that appeared or changed, or removes its page if it is gone; commits at once.</summary>
    public async Task IngestPathAsync(string fullPath, CancellationToken cancellationToken = default)
    {
        var file = RelativeName(fullPath);
        if (file is null || !IsPageFile(fullPath)) return;

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var manifest = PageManifest.Load(PagesPath, problem => LogManifestProblem(problem));
            if (File.Exists(fullPath))
            {
                // One term lookup: the watcher calls this for every file event, and the whole map grows with the archive.
                var outcome = await IngestFileAsync(fullPath, file, index.ReadPageState(file), manifest, cancellationToken);
                if (outcome.Kind == OutcomeKind.Ingested) index.Commit();
            }
            else if (index.ReadPageState(file) is not null)
            {
                index.RemovePage(file);
                index.Commit();
                LogRemoved(file);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Rebuilds the whole index from the pages folder beside the live one and switches to it when complete
    /// (<see cref="ArchiveIndex.RebuildAsync"/>): searches go on against the old index meanwhile and never see a
    /// partial one. Holds this ingestor for the whole rebuild, so no change is written to the old index after the
    /// rebuild has read past its page (it would be lost at the switch); pages changed meanwhile are caught by the
    /// watcher's queued events or the next pass. The new index is only taken if the pass found page files: an empty or
    /// missing folder (an unmounted volume) never replaces a full index.
    /// </summary>
    public async Task<ReindexSummary> RebuildAsync(IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        var before = index.Stats();
        try
        {
            LogRebuildStarted(index.Path, before.Articles);
            IngestionSummary? pass = null;
            var generation = await index.RebuildAsync(async (next, token) =>
            {
                // A separate status: the build retries pages that failed before (they may have been fixed) and reports
                // its own failures; the live status keeps describing the live index until the switch.
                var buildStatus = new IngestionStatus();
                var builder = new PageIngestor(next, splitter, segmenter, buildStatus, options, logger) { Parallelism = Parallelism };
                pass = await builder.IngestFolderAsync(progress, token);
                foreach (var failure in buildStatus.Failures) status.Failed(failure);
                return pass.Pages > 0;
            }, cancellationToken);

            var after = index.Stats();
            var summary = generation is null
                ? new ReindexSummary(false, null, pass, before.Articles, before.Articles, clock.Elapsed, DateTimeOffset.UtcNow,
                    $"the pages folder {PagesPath} holds no page files; the index was left as it is")
                : new ReindexSummary(true, Path.GetFileName(generation), pass, before.Articles, after.Articles, clock.Elapsed, DateTimeOffset.UtcNow, null);
            status.ReindexCompleted(summary);
            if (summary.Switched) LogRebuildSwitched(summary.Generation!, before.Articles, after.Articles, (long)summary.Elapsed.TotalMilliseconds);
            else LogRebuildDeclined(summary.Problem!);
            return summary;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            status.ReindexCompleted(new ReindexSummary(false, null, null, before.Articles, before.Articles, clock.Elapsed, DateTimeOffset.UtcNow,
                $"the rebuild failed: {ex.Message}; the index was left as it is"));
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>True when a pass over this many new pages, with the index holding that many, is a bulk load.</summary>
    internal static bool IsBulkLoad(int newPages, int indexedPages) => newPages >= BulkLoadPages && newPages > indexedPages;

    private async Task<IngestionSummary> IngestFolderCoreAsync(IProgress<IngestionProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (!Directory.Exists(PagesPath))
        {
            // Never empty the index because a folder is missing (an unmounted volume, a typo): report and keep it.
            LogFolderMissing(PagesPath);
            var missing = new IngestionSummary(0, 0, 0, 0, 0, 1, 0, clock.Elapsed, DateTimeOffset.UtcNow);
            status.PassCompleted(missing);
            return missing;
        }

        var manifest = PageManifest.Load(PagesPath, problem => LogManifestProblem(problem));
        var files = Directory.EnumerateFiles(PagesPath, "*.txt", SearchOption.AllDirectories)
            .Where(IsPageFile)
            .Order(StringComparer.Ordinal)
            .ToList();
        var known = index.ReadPageStates();
        var newPages = files.Count(f => !known.ContainsKey(RelativeName(f)!));
        using var hold = IsBulkLoad(newPages, known.Count) ? index.HoldMerges() : null;

        var pass = new PassCounters();
        await ProcessAllAsync(files, known, manifest, pass, progress, cancellationToken);
        int ingested = pass.Ingested, unchanged = pass.Unchanged, articles = pass.Articles, errors = pass.Errors, waiting = pass.Waiting, removed = 0;
        var sinceCommit = pass.SinceCommit;

        // Pages whose file is gone. A folder with no page files at all is more likely a mistake than an
        // archive deliberately emptied, so nothing is removed then.
        if (files.Count > 0)
        {
            var present = files.Select(f => RelativeName(f)!).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in known.Keys.Where(k => !present.Contains(k)))
            {
                index.RemovePage(gone);
                LogRemoved(gone);
                removed++;
            }
        }
        if (ingested + removed > 0 || sinceCommit > 0) index.Commit();
        if (articles >= MergeAfterArticles && articles * 2L >= index.Stats().Articles)
        {
            // A bulk load (most of the index came in this pass): its commits left dozens of segments, and every one
            // costs each search a fixed set-up; one segment per core halves a typical search at a million articles.
            var merging = Stopwatch.StartNew();
            index.MergeForSearch();
            LogMerged(Environment.ProcessorCount, (long)merging.Elapsed.TotalMilliseconds);
        }
        progress?.Report(new IngestionProgress(files.Count, files.Count, null));

        var summary = new IngestionSummary(files.Count, ingested, unchanged, articles, removed, errors, waiting, clock.Elapsed, DateTimeOffset.UtcNow);
        status.PassCompleted(summary);
        LogPass(summary.Pages, summary.Ingested, summary.Unchanged, summary.Articles, summary.Removed, summary.Errors, summary.Waiting, (long)summary.Elapsed.TotalMilliseconds);
        return summary;
    }

    /// <summary>
    /// Runs every file through <see cref="IngestFileAsync"/>: a producer feeds a bounded channel (a few pages ahead
    /// of the workers, so memory stays flat however large the folder) and <see cref="Parallelism"/> workers drain
    /// it. The writer is thread-safe and each page is one atomic update, so the workers need no lock around it;
    /// commits happen when enough pages have gone in since the last one, while the other workers keep indexing.
    /// </summary>
    private async Task ProcessAllAsync(List<string> files, IReadOnlyDictionary<string, PageState> known, PageManifest manifest,
        PassCounters pass, IProgress<IngestionProgress>? progress, CancellationToken cancellationToken)
    {
        var workers = Math.Max(1, Parallelism);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(workers * 4) { SingleWriter = true });

        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var path in files) await channel.Writer.WriteAsync(path, failed.Token);
            }
            finally
            {
                channel.Writer.TryComplete();
            }
        }, failed.Token);

        async Task WorkAsync()
        {
            try
            {
                await foreach (var path in channel.Reader.ReadAllAsync(failed.Token))
                {
                    failed.Token.ThrowIfCancellationRequested();
                    var file = RelativeName(path)!;
                    var outcome = await IngestFileAsync(path, file, known.GetValueOrDefault(file), manifest, failed.Token);
                    if (pass.Record(outcome, _options.Ingestion.CommitEveryPages))
                    {
                        // Only this worker saw the threshold crossed; the others go on adding to the next commit.
                        index.Commit();
                    }
                    pass.Report(progress, files.Count, file);
                }
            }
            catch
            {
                // One worker's failure stops the others at their next page; the first exception is what the caller sees.
                await failed.CancelAsync();
                throw;
            }
        }

        var running = Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync, CancellationToken.None)).ToList();
        try
        {
            await Task.WhenAll(running);
        }
        finally
        {
            channel.Writer.TryComplete();
            try { await producer; } catch (OperationCanceledException) { }
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>The counts of a pass, updated by the workers; progress is reported in order under the same lock.</summary>
    private sealed class PassCounters
    {
        private readonly System.Threading.Lock _lock = new();
        private int _done;

        public int Ingested { get; private set; }
        public int Unchanged { get; private set; }
        public int Articles { get; private set; }
        public int Errors { get; private set; }
        public int Waiting { get; private set; }
        public int SinceCommit { get; private set; }

        /// <summary>Counts an outcome; true when the caller should commit now (and the count restarts).</summary>
        public bool Record(Outcome outcome, int commitEvery)
        {
            lock (_lock)
            {
                switch (outcome.Kind)
                {
                    case OutcomeKind.Ingested: Ingested++; Articles += outcome.Articles; SinceCommit++; break;
                    case OutcomeKind.Unchanged: Unchanged++; break;
                    case OutcomeKind.Failed: Errors++; break;
                    case OutcomeKind.Waiting: Waiting++; break;
                }
                if (SinceCommit < commitEvery) return false;
                SinceCommit = 0;
                return true;
            }
        }

        public void Report(IProgress<IngestionProgress>? progress, int total, string file)
        {
            if (progress is null) return;
            // Under the lock, so a progress bar never sees the count go backwards.
            lock (_lock) progress.Report(new IngestionProgress(++_done, total, file));
        }
    }

    private async Task<Outcome> IngestFileAsync(string fullPath, string file, PageState? known, PageManifest manifest, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var info = new FileInfo(fullPath);
        if (!info.Exists) return new Outcome(OutcomeKind.Waiting, 0);
        var issueDate = manifest.DateOf(file);

        // Fast path: same size, time and issue date as indexed means same content; no need to read it.
        if (known is not null && known.Length == info.Length && known.ModifiedUtc == info.LastWriteTimeUtc && known.IssueDate == issueDate)
            return new Outcome(OutcomeKind.Unchanged, 0);
        if (status.HasFailed(file, info.Length, info.LastWriteTimeUtc))
            return new Outcome(OutcomeKind.Failed, 0);

        if (!await IsStableAsync(info, cancellationToken))
        {
            LogStillWriting(file);
            return new Outcome(OutcomeKind.Waiting, 0);
        }

        byte[] bytes;
        try
        {
            // Share everything: the writer of the file, or someone deleting it, must not be blocked by us.
            // A synchronous read: pages are small local files, and the worker has nothing else to do meanwhile;
            // an asynchronous one hops threads per file, and the idle thread-pool threads spin on the two cores
            // that analysis needs (a third of the CPU time in a profile of a 10k-article pass).
            using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            bytes = new byte[RandomAccess.GetLength(handle)];
            var read = 0;
            while (read < bytes.Length)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
                if (n == 0) throw new IOException("the file became shorter while it was read");
                read += n;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(file, info, $"the file could not be read: {ex.Message}");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var state = new PageState(file, hash, info.Length, info.LastWriteTimeUtc, issueDate, 0, DateTimeOffset.UtcNow);
        if (known is not null && known.Hash == hash && known.IssueDate == issueDate)
        {
            // Touched but not changed: remember the new time so the next scan takes the fast path.
            index.UpdatePageState(state with { Articles = known.Articles, IngestedAt = known.IngestedAt });
            return new Outcome(OutcomeKind.Unchanged, 0);
        }

        var decoded = PageDecoder.Decode(bytes);
        if (!decoded.IsValid)
            return Fail(file, info, decoded.Error!);

        IReadOnlyList<Article> articles;
        try
        {
            articles = splitter.Split(new PageText(file, decoded.Text!, issueDate));
        }
        catch (Exception ex)
        {
            // The splitter promises never to throw; if it does, this page is reported and the others go on.
            logger.LogError(ex, "The splitter failed on {File}", file);
            return Fail(file, info, $"the page could not be split: {ex.Message}");
        }

        // Byline names join the segmenter's dictionary, so these and later articles keep them whole (earlier ones keep their tokens).
        segmenter.AddWords(articles.SelectMany(a => a.Reporters.Concat(a.Correspondents).Concat(a.Photographers).Concat(a.Authors)));
        index.ReplacePage(state with { Articles = articles.Count }, articles);
        status.Succeeded(file);
        LogPage(file, articles.Count, decoded.EncodingName, clock.ElapsedMilliseconds);
        return new Outcome(OutcomeKind.Ingested, articles.Count);
    }

    private Outcome Fail(string file, FileInfo info, string reason)
    {
        status.Failed(new PageFailure(file, reason, info.Length, info.LastWriteTimeUtc, DateTimeOffset.UtcNow));
        LogFailed(file, reason);
        return new Outcome(OutcomeKind.Failed, 0);
    }

    // A file modified moments ago may still be being written: wait, and look again.
    private async Task<bool> IsStableAsync(FileInfo info, CancellationToken cancellationToken)
    {
        var delay = _options.Ingestion.StableDelay;
        if (delay <= TimeSpan.Zero || DateTime.UtcNow - info.LastWriteTimeUtc > delay) return true;
        var (length, modified) = (info.Length, info.LastWriteTimeUtc);
        await Task.Delay(delay, cancellationToken);
        info.Refresh();
        return info.Exists && info.Length == length && info.LastWriteTimeUtc == modified;
    }

    private string? RelativeName(string fullPath)
    {
        var relative = Path.GetRelativePath(PagesPath, fullPath);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) return null;
        return relative.Replace('\\', '/');
    }

    // Editors' temporary and hidden files are not pages.
    private static bool IsPageFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) && !name.StartsWith('.') && !name.StartsWith('~');
    }

    private enum OutcomeKind { Ingested, Unchanged, Failed, Waiting }

    private readonly record struct Outcome(OutcomeKind Kind, int Articles);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilding the index at {IndexPath} beside the live one ({Articles} articles)")]
    private partial void LogRebuildStarted(string indexPath, int articles);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the index as {Generation} and switched to it: {ArticlesBefore} articles before, {ArticlesAfter} now, in {ElapsedMs} ms")]
    private partial void LogRebuildSwitched(string generation, int articlesBefore, int articlesAfter, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuild not switched to: {Problem}")]
    private partial void LogRebuildDeclined(string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {File}: {Articles} articles ({Encoding}) in {ElapsedMs} ms")]
    private partial void LogPage(string file, int articles, string encoding, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {File}: {Reason}")]
    private partial void LogFailed(string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {File} from the index: the file is gone")]
    private partial void LogRemoved(string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting for {File}: it is still being written")]
    private partial void LogStillWriting(string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "The pages folder {PagesPath} does not exist; the index is left as it is")]
    private partial void LogFolderMissing(string pagesPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Manifest problem: {Problem}")]
    private partial void LogManifestProblem(string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Merged the index into {Segments} segments for searching in {ElapsedMs} ms")]
    private partial void LogMerged(int segments, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Ingestion pass: {Pages} pages, {Ingested} indexed, {Unchanged} unchanged, {Articles} articles, {Removed} removed, {Errors} errors, {Waiting} waiting, in {ElapsedMs} ms")]
    private partial void LogPass(int pages, int ingested, int unchanged, int articles, int removed, int errors, int waiting, long elapsedMs);
}

/// <summary>The outcome of a full rebuild (<see cref="PageIngestor.RebuildAsync"/>).</summary>
/// <param name="Switched">Whether the new index went live; when false the old one is untouched and <paramref name="Problem"/> says why.</param>
/// <param name="Generation">The new index's folder name, when switched.</param>
/// <param name="Pass">The pass that filled the new index (null if it failed before finishing).</param>
public sealed record ReindexSummary(
    bool Switched, string? Generation, IngestionSummary? Pass, int ArticlesBefore, int ArticlesAfter, TimeSpan Elapsed, DateTimeOffset FinishedAt, string? Problem);

/// <summary>Progress of a pass: <paramref name="Done"/> of <paramref name="Total"/> files, the current one.</summary>
public sealed record IngestionProgress(int Done, int Total, string? File);
