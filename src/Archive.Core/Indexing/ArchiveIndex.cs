using Archive.Core.Analysis;
using Archive.Core.Articles;
using Archive.Core.Searching;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Archive.Core.Indexing;

/// <summary>
/// The Lucene index on local disk: one <see cref="IndexWriter"/> (when this process ingests) and one
/// <see cref="SearcherManager"/> per process. A read-only instance (ingestion runs elsewhere) waits for the index
/// to appear and picks up new commits on <see cref="Refresh"/>.
/// <para>
/// The folder may hold several complete indexes (<see cref="IndexGenerations"/>); this instance serves the live one
/// and can switch to a new one built beside it (<see cref="RebuildAsync"/>) while searches run: each search leases
/// the generation it started on, and a replaced generation closes when its last search releases it.
/// </para>
/// </summary>
public sealed class ArchiveIndex : IDisposable
{
    private static readonly IndexSearcher EmptySearcher = new(new MultiReader());

    /// <summary>The writer's buffer for documents not yet flushed to a segment.</summary>
    public const double RamBufferMegabytes = 256;

    /// <summary>
    /// The largest segment merges make. Lucene's default (5 GB) lets a million-article index (~7 GB) grow one
    /// segment of nearly every article, and a search scores a segment on one core, so the second core idled; at
    /// 512 MB the index stays a dozen or more segments that the parallel slices share evenly (and ingestion never
    /// rewrites gigabytes in one merge).
    /// </summary>
    public const double MaxSegmentMegabytes = 512;

    [ThreadStatic] private static ReusableArticleDocument? t_document;

    private readonly ArchiveAnalyzers? _analyzers;
    private readonly FileStream? _processLock;
    private readonly ILogger _logger;
    // Serialises what replaces the live generation (a switch, a read-only reopen) with commits and disposal.
    private readonly System.Threading.Lock _stateLock = new();
    private Generation? _live;
    private bool _disposed;

    private ArchiveIndex(string path, Generation? live, ArchiveAnalyzers? analyzers, FileStream? processLock, ILogger logger)
    {
        Path = path;
        _live = live;
        _analyzers = analyzers;
        _processLock = processLock;
        _logger = logger;
    }

    /// <summary>The folder of the index (the configured <c>Archive:IndexPath</c>).</summary>
    public string Path { get; }

    /// <summary>The folder of the generation being served: <see cref="Path"/> itself, or one of its <c>gen-*</c> folders.</summary>
    public string LivePath => Volatile.Read(ref _live)?.Path ?? IndexGenerations.ResolveLive(Path);

    /// <summary>True when this process holds the index's writer.</summary>
    public bool IsWritable => _analyzers is not null;

    /// <summary>True once there is an index to search (always, for a writable index).</summary>
    public bool IsOpen => Volatile.Read(ref _live) is not null;

    /// <summary>
    /// Opens (creating if needed) the index for writing. Fails with <see cref="IndexLockedException"/> when another
    /// process already writes it. Removes what an interrupted rebuild left behind.
    /// </summary>
    public static ArchiveIndex OpenForWriting(string path, ArchiveAnalyzers analyzers, ILogger logger)
    {
        System.IO.Directory.CreateDirectory(path);
        var processLock = AcquireProcessLock(path);
        try
        {
            // Under the lock nobody else builds, so any generation that is neither live nor the previous one is a
            // build that a crash or a cancellation cut short.
            foreach (var stale in IndexGenerations.Clean(path, logger))
                logger.LogInformation("Removed {Path}: an index generation no longer in use", stale);
            var live = Generation.OpenWriter(IndexGenerations.ResolveLive(path, logger), analyzers, OpenMode.CREATE_OR_APPEND, path, logger);
            var index = new ArchiveIndex(path, live, analyzers, processLock, logger);
            index.WarnIfRunsNotSeparated();
            return index;
        }
        catch
        {
            processLock.Dispose();
            throw;
        }
    }

    // Lucene's write.lock keeps two writers of one process apart, but on Linux it does not stop a second process
    // (no OS lock is taken on it). An exclusive FileStream is an flock() that the OS releases even on SIGKILL; the file
    // itself stays behind, which is harmless: OpenOrCreate reuses it and only the flock counts.
    private static FileStream AcquireProcessLock(string path)
    {
        try
        {
            return new FileStream(System.IO.Path.Combine(path, IndexGenerations.ProcessLockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new IndexLockedException(path, ex);
        }
    }

    /// <summary>Opens the index for searching only; the index (even its folder) may not exist yet.</summary>
    public static ArchiveIndex OpenReadOnly(string path, ILogger logger)
    {
        var index = new ArchiveIndex(path, live: null, analyzers: null, processLock: null, logger);
        index.Refresh();
        return index;
    }

    /// <summary>
    /// Builds a complete new index beside the live one and switches to it. <paramref name="build"/> fills the new,
    /// empty index (it may commit as it goes) and says whether to switch; the new generation is then committed, named
    /// in <c>CURRENT</c>, and served from the next search on, while searches already running finish on the old one.
    /// If the build fails, is cancelled or declines, the new generation is deleted and the live index is untouched;
    /// the same holds if the process dies at any point before the switch. The caller must keep other writes to this
    /// index out until this returns (they would be lost with the old generation): <c>PageIngestor</c> does.
    /// Returns the new generation's folder, or null when the build declined.
    /// </summary>
    public async Task<string?> RebuildAsync(Func<ArchiveIndex, CancellationToken, Task<bool>> build, CancellationToken cancellationToken = default)
    {
        RequireWriter();
        ObjectDisposedException.ThrowIf(_disposed, this);
        var path = IndexGenerations.CreateGeneration(Path);
        var next = new ArchiveIndex(Path, Generation.OpenWriter(path, _analyzers!, OpenMode.CREATE, Path, _logger), _analyzers, processLock: null, _logger);
        var switched = false;
        try
        {
            if (!await build(next, cancellationToken)) return null;
            cancellationToken.ThrowIfCancellationRequested();
            next.Commit();
            SwitchTo(next);
            switched = true;
            return path;
        }
        finally
        {
            if (!switched)
            {
                next.Abandon();
                IndexGenerations.Discard(path, _logger);
            }
        }
    }

    // Publishes next's generation on disk, then in this process; the old one closes when its last search releases it.
    private void SwitchTo(ArchiveIndex next)
    {
        Generation old;
        lock (_stateLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var incoming = next.TakeLive();
            try
            {
                IndexGenerations.Publish(Path, incoming.Path);
            }
            catch
            {
                next._live = incoming;
                throw;
            }
            old = _live!;
            Volatile.Write(ref _live, incoming);
        }
        old.Retire();
        _logger.LogInformation("Switched the index at {IndexPath} from {OldGeneration} to {Generation}", Path, old.Path, LivePath);
        foreach (var stale in IndexGenerations.Clean(Path, _logger))
            _logger.LogInformation("Removed {Path}: an index generation no longer in use", stale);
    }

    private Generation TakeLive()
    {
        lock (_stateLock)
        {
            var live = _live ?? throw new InvalidOperationException("This index has nothing to hand over.");
            _live = null;
            return live;
        }
    }

    // A build that will not go live: drop its uncommitted changes and close it without the commit Dispose would make.
    private void Abandon()
    {
        lock (_stateLock)
        {
            _disposed = true;
            var live = _live;
            _live = null;
            live?.Retire(commit: false);
        }
    }

    /// <summary>
    /// Replaces every document of the page (its articles and its state) with the given ones, atomically for
    /// searchers. Not durable until <see cref="Commit"/>.
    /// </summary>
    public void ReplacePage(PageState state, IReadOnlyList<Article> articles)
    {
        var writer = RequireWriter();
        // Lucene takes the documents one at a time from the sequence, on this thread, so one refilled document serves
        // them all; each ingestion worker has its own.
        var document = t_document ??= new ReusableArticleDocument();
        var docs = articles.Select(document.Fill).Append(ArticleDocument.From(state));
        writer.UpdateDocuments(new Term(ArticleFields.File, state.File), docs);
    }

    /// <summary>Records a page's new state (time or size changed, content did not) without touching its articles.</summary>
    public void UpdatePageState(PageState state) =>
        RequireWriter().UpdateDocument(new Term(ArticleFields.PageFile, state.File), ArticleDocument.From(state));

    /// <summary>Removes a page's articles and state (the file is gone). Not durable until <see cref="Commit"/>.</summary>
    public void RemovePage(string file) => RequireWriter().DeleteDocuments(new Term(ArticleFields.File, file));

    /// <summary>Makes every change durable in one commit and shows it to searchers.</summary>
    public void Commit()
    {
        lock (_stateLock)
        {
            var live = RequireLive();
            RequireWriter(live).Commit();
            live.Searchers.MaybeRefresh();
        }
    }

    /// <summary>
    /// Merges the index into one segment per core, of about equal size, and commits (after a bulk load, whose many
    /// commits leave dozens of segments). Every segment costs each search a fixed set-up, and equal segments give
    /// the parallel slices equal shares. Rewrites the whole index: minutes at a million articles.
    /// </summary>
    public void MergeForSearch()
    {
        var writer = RequireWriter();
        writer.ForceMerge(Math.Max(1, Environment.ProcessorCount));
        Commit();
    }

    /// <summary>
    /// Holds the writer's natural merges until the returned hold is disposed: for a bulk load that ends in
    /// <see cref="MergeForSearch"/>, which rewrites every article once, so that no merge before it rewrites them an
    /// extra time while the cores are needed for analysis. The segments each commit flushes pile up meanwhile (about
    /// a hundred at a million articles), which searches during the load pay for. Releasing the hold lets the writer
    /// look for merges again at once.
    /// </summary>
    public MergeHold HoldMerges()
    {
        var writer = RequireWriter();
        var policy = (EqualSegmentsMergePolicy)writer.Config.MergePolicy;
        policy.HoldsMerges = true;
        return new MergeHold(writer, policy);
    }

    /// <summary>Natural merges held (<see cref="HoldMerges"/>) until disposed.</summary>
    public sealed class MergeHold : IDisposable
    {
        private readonly IndexWriter _writer;
        private readonly EqualSegmentsMergePolicy _policy;
        private bool _released;

        internal MergeHold(IndexWriter writer, EqualSegmentsMergePolicy policy) => (_writer, _policy) = (writer, policy);

        public void Dispose()
        {
            if (_released) return;
            _released = true;
            _policy.HoldsMerges = false;
            try
            {
                _writer.MaybeMerge();
            }
            catch (ObjectDisposedException)
            {
                // The index was closed first (a rebuild that failed): nothing is left to merge.
            }
        }
    }

    /// <summary>
    /// Picks up new commits and opens the index once it exists; read-only, it also follows a switch to a new generation
    /// made by the process that writes (<c>CURRENT</c> changed). Returns true when anything changed.
    /// </summary>
    public bool Refresh()
    {
        lock (_stateLock)
        {
            if (_disposed) return false;
            var live = _live;
            if (IsWritable) return RefreshSearchers(live!);

            var path = IndexGenerations.ResolveLive(Path, _logger);
            try
            {
                if (live is not null && live.Path == path) return RefreshSearchers(live);
                var opened = Generation.TryOpenReader(path);
                if (opened is null) return false;
                Volatile.Write(ref _live, opened);
                live?.Retire();
                _logger.LogInformation("Opened the index at {IndexPath} read-only ({Generation})", Path, path);
                WarnIfRunsNotSeparated();
                return true;
            }
            catch (IOException ex)
            {
                // Mid-switch (a generation being published or cleaned by the writer): the next refresh sees it settled.
                _logger.LogWarning(ex, "The index at {IndexPath} could not be refreshed yet", path);
                return false;
            }
        }
    }

    // MaybeRefresh says whether the searcher is current, not whether it changed; callers want the latter (a new commit
    // means new byline names to learn), so compare the reader before and after.
    private static bool RefreshSearchers(Generation live)
    {
        var before = live.Searchers.Acquire();
        try
        {
            live.Searchers.MaybeRefresh();
            var after = live.Searchers.Acquire();
            live.Searchers.Release(after);
            return !ReferenceEquals(before.IndexReader, after.IndexReader);
        }
        finally
        {
            live.Searchers.Release(before);
        }
    }

    // An index begun before runs of characters were a position apart answers exactly, but its phrases read every
    // overlapping pair: say how to make it faster.
    private void WarnIfRunsNotSeparated() => Search(searcher =>
    {
        if (searcher.IndexReader.NumDocs > 0 && !ArchiveSearcher.SeparatesRuns(searcher))
            _logger.LogWarning("The index at {IndexPath} was built before phrases could skip pairs of characters; its phrase searches are exact but slower until it is rebuilt (archive reindex)", Path);
        return 0;
    });

    /// <summary>Runs <paramref name="work"/> on the current searcher, released afterwards.</summary>
    public T Search<T>(Func<IndexSearcher, T> work)
    {
        var searcher = AcquireSearcher(out var release);
        try
        {
            return work(searcher);
        }
        finally
        {
            release();
        }
    }

    /// <summary>
    /// Acquires the current searcher for work that spans awaits (a streamed export); call <paramref name="release"/>
    /// exactly once when done. The searcher stays valid until then, even if the index switches generation meanwhile.
    /// </summary>
    public IndexSearcher AcquireSearcher(out Action release)
    {
        while (true)
        {
            var live = Volatile.Read(ref _live);
            if (live is null)
            {
                release = () => { };
                return EmptySearcher;
            }
            // Fails only if this generation was replaced and closed since it was read: the next read sees its successor.
            if (!live.TryLease()) continue;
            IndexSearcher searcher;
            try
            {
                searcher = live.Searchers.Acquire();
            }
            catch
            {
                live.EndLease();
                throw;
            }
            release = () =>
            {
                live.Searchers.Release(searcher);
                live.EndLease();
            };
            return searcher;
        }
    }

    /// <summary>Every page the index holds, with the hash it was indexed at.</summary>
    public IReadOnlyDictionary<string, PageState> ReadPageStates() => Search(searcher =>
    {
        var query = new TermQuery(new Term(ArticleFields.Type, ArticleFields.PageType));
        var states = new Dictionary<string, PageState>(StringComparer.Ordinal);
        var collector = new AllDocsCollector();
        searcher.Search(query, collector);
        foreach (var doc in collector.Docs)
        {
            var state = ArticleDocument.ToPageState(searcher.Doc(doc));
            states[state.File] = state;
        }
        return states;
    });

    /// <summary>The state of one page, or null when the index does not hold it: one term lookup, not the whole map.</summary>
    public PageState? ReadPageState(string file) => Search(searcher =>
    {
        var top = searcher.Search(new TermQuery(new Term(ArticleFields.PageFile, file)), 1);
        return top.TotalHits == 0 ? null : ArticleDocument.ToPageState(searcher.Doc(top.ScoreDocs[0].Doc));
    });

    /// <summary>Files and bytes of the live generation (what the index costs on disk; a previous generation kept for safety aside).</summary>
    public long SizeOnDisk() =>
        new DirectoryInfo(LivePath).EnumerateFiles()
            .Where(f => f.Name is not IndexGenerations.ProcessLockFile and not IndexGenerations.CurrentFile)
            .Sum(f => f.Length);

    /// <summary>Every name credited in a byline (any role), from the index's terms: the segmenter learns them at start-up.</summary>
    public IReadOnlyList<string> BylineNames() => Search(searcher =>
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in (string[])[ArticleFields.Reporter, ArticleFields.Correspondent, ArticleFields.Photographer, ArticleFields.Author])
        {
            var terms = MultiFields.GetTerms(searcher.IndexReader, field);
            if (terms is null) continue;
            var iterator = terms.GetEnumerator();
            while (iterator.MoveNext()) names.Add(iterator.Term.Utf8ToString());
        }
        return (IReadOnlyList<string>)names.ToList();
    });

    /// <summary>Counts of articles and pages in the current searcher.</summary>
    public IndexStats Stats() => Search(searcher =>
    {
        var articles = Count(searcher, ArticleFields.ArticleType);
        var pages = Count(searcher, ArticleFields.PageType);
        var version = searcher.IndexReader is DirectoryReader reader ? reader.Version : 0;
        return new IndexStats(articles, pages, version);
    });

    private static int Count(IndexSearcher searcher, string type)
    {
        var collector = new TotalHitCountCollector();
        searcher.Search(new TermQuery(new Term(ArticleFields.Type, type)), collector);
        return collector.TotalHits;
    }

    private Generation RequireLive() =>
        _live ?? throw new ObjectDisposedException(nameof(ArchiveIndex));

    private IndexWriter RequireWriter() => RequireWriter(RequireLive());

    /// <summary>The live writer's settings (for tests).</summary>
    internal LiveIndexWriterConfig WriterConfig => RequireWriter().Config;

    /// <summary>Waits for the merges running or registered (for tests, which look at the segments they leave).</summary>
    internal void WaitForMerges() => RequireWriter().WaitForMerges();

    private static IndexWriter RequireWriter(Generation live) =>
        live.Writer ?? throw new InvalidOperationException("This process opened the index read-only; ingestion runs elsewhere.");

    // Lucene 4.8's scheduler runs one merge at a time and, once two are waiting, stalls the indexing threads until
    // one is done: a bulk load then used ~1.6 of two cores, and the closing merge into one segment per core (a fifth
    // of a million-article load) ran on one. A merge thread per core keeps both busy; a few merges may wait before
    // indexing is held back, so a burst of flushes does not stop the workers.
    private static ConcurrentMergeScheduler CreateMergeScheduler()
    {
        var scheduler = new ConcurrentMergeScheduler();
        var threads = Math.Max(1, Environment.ProcessorCount);
        scheduler.SetMaxMergesAndThreads(maxMergeCount: threads + 4, maxThreadCount: threads);
        return scheduler;
    }

    // Word fields use the segmenter, bigram fields the bigram analyzer with unigrams; keyword fields are not analyzed.
    private static Analyzer CreateIndexAnalyzer(ArchiveAnalyzers analyzers) =>
        new PerFieldAnalyzerWrapper(analyzers.Word, new Dictionary<string, Analyzer>
        {
            [ArticleFields.HeadlineBigrams] = analyzers.BigramIndex,
            [ArticleFields.BodyBigrams] = analyzers.BigramIndex,
        });

    public void Dispose()
    {
        lock (_stateLock)
        {
            if (_disposed) return;
            _disposed = true;
            var live = _live;
            Volatile.Write(ref _live, null);
            // Commits what was indexed but not yet committed: a clean shutdown loses nothing.
            live?.Retire();
        }
        _processLock?.Dispose();
    }

    /// <summary>
    /// One complete index in its folder: directory, writer (if this process writes) and searchers. Leased by each
    /// search; the index holds one lease itself until the generation is replaced or the index disposed, and the last
    /// lease to end closes its searchers and directory.
    /// </summary>
    private sealed class Generation(string path, LuceneDirectory directory, IndexWriter? writer, SearcherManager searchers)
    {
        private int _leases = 1;

        public string Path { get; } = path;
        public IndexWriter? Writer { get; } = writer;
        public SearcherManager Searchers { get; } = searchers;

        public static Generation OpenWriter(string path, ArchiveAnalyzers analyzers, OpenMode mode, string root, ILogger logger)
        {
            var directory = IndexDirectory.Open(path);
            // A writer takes its configuration for itself: a second attempt needs a new one.
            IndexWriterConfig Config() => new(ArchiveAnalyzers.Version, CreateIndexAnalyzer(analyzers))
            {
                OpenMode = mode,
                // Ingestion commits every couple of thousand pages, which flushes the buffer anyway; the buffer only has
                // to hold that much (two indexing threads' worth) without flushing early into small segments that the
                // merges, competing with analysis for two cores, would then have to rewrite.
                RAMBufferSizeMB = RamBufferMegabytes,
                // Flushed segments are merged soon; packing each into a compound file first would copy it once more.
                UseCompoundFile = false,
                MergePolicy = new EqualSegmentsMergePolicy { MaxMergedSegmentMB = MaxSegmentMegabytes },
                MergeScheduler = CreateMergeScheduler(),
            };
            IndexWriter? writer = null;
            try
            {
                try
                {
                    writer = new IndexWriter(directory, Config());
                }
                catch (IOException ex) when (ex is not LockObtainFailedException)
                {
                    var removed = UnfinishedCommits.Remove(directory);
                    if (removed.Count == 0) throw;
                    // The reason without its stack: an interrupted commit is expected after a crash, not a fault to debug.
                    logger.LogWarning("The index at {IndexPath} held commits cut short ({Files}: {Reason}), removed; it opens at its last whole commit, and pages committed since are read again",
                        path, string.Join(", ", removed), ex.Message);
                    writer = new IndexWriter(directory, Config());
                }
                SeparatedRuns.MarkIfEmpty(writer);
                return new Generation(path, directory, writer, new SearcherManager(writer, applyAllDeletes: true, ArchiveSearcherFactory.Instance));
            }
            catch (LockObtainFailedException ex)
            {
                writer?.Dispose();
                directory.Dispose();
                throw new IndexLockedException(root, ex);
            }
            catch
            {
                writer?.Dispose();
                directory.Dispose();
                throw;
            }
        }

        /// <summary>Opens a generation for searching, or null while it holds no commit yet.</summary>
        public static Generation? TryOpenReader(string path)
        {
            if (!System.IO.Directory.Exists(path)) return null;
            var directory = IndexDirectory.Open(path);
            try
            {
                if (!DirectoryReader.IndexExists(directory))
                {
                    directory.Dispose();
                    return null;
                }
                return new Generation(path, directory, writer: null, new SearcherManager(directory, ArchiveSearcherFactory.Instance));
            }
            catch
            {
                directory.Dispose();
                throw;
            }
        }

        /// <summary>Takes a lease for one search; false once the generation has closed.</summary>
        public bool TryLease()
        {
            while (true)
            {
                var leases = Volatile.Read(ref _leases);
                if (leases == 0) return false;
                if (Interlocked.CompareExchange(ref _leases, leases + 1, leases) == leases) return true;
            }
        }

        public void EndLease()
        {
            if (Interlocked.Decrement(ref _leases) == 0) Close();
        }

        /// <summary>
        /// Closes the writer now (committing, or dropping uncommitted changes), then drops the index's own lease: the
        /// searchers close now or when the last running search ends. The writer is not left to that last search: closing
        /// it waits for merges, which must not fall on a reader's request. Readers opened from it stay valid.
        /// </summary>
        public void Retire(bool commit = true)
        {
            if (Writer is not null)
            {
                if (commit) Writer.Commit();
                else Writer.Rollback();
                Writer.Dispose();
            }
            EndLease();
        }

        private void Close()
        {
            Searchers.Dispose();
            directory.Dispose();
        }
    }

    /// <summary>Collects every matching document id, in index order.</summary>
    private sealed class AllDocsCollector : ICollector
    {
        private int _docBase;
        public List<int> Docs { get; } = [];
        public bool AcceptsDocsOutOfOrder => true;
        public void SetScorer(Scorer scorer) { }
        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;
        public void Collect(int doc) => Docs.Add(_docBase + doc);
    }
}

/// <summary>Counts of what the index holds.</summary>
public sealed record IndexStats(int Articles, int Pages, long Version);

/// <summary>Another process holds the index's write lock.</summary>
public sealed class IndexLockedException(string path, Exception inner)
    : Exception($"The index at {path} is locked by another process that writes it (a running web app with ingestion on, or `archive watch`). Stop it, or point this command at another index.", inner);
