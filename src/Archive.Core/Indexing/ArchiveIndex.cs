using Archive.Core.Analysis;
using Archive.Core.Articles;
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
/// </summary>
public sealed class ArchiveIndex : IDisposable
{
    private static readonly IndexSearcher EmptySearcher = new(new MultiReader());

    /// <summary>The writer's buffer for documents not yet flushed to a segment.</summary>
    public const double RamBufferMegabytes = 256;

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter? _writer;
    private readonly FileStream? _processLock;
    private readonly ILogger _logger;
    private readonly System.Threading.Lock _openLock = new();
    private SearcherManager? _searchers;
    private bool _disposed;

    private ArchiveIndex(string path, LuceneDirectory directory, IndexWriter? writer, FileStream? processLock, ILogger logger)
    {
        Path = path;
        _directory = directory;
        _writer = writer;
        _processLock = processLock;
        _logger = logger;
        if (writer is not null)
            _searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        else
            TryOpenReader();
    }

    /// <summary>The folder of the index.</summary>
    public string Path { get; }

    /// <summary>True when this process holds the index's writer.</summary>
    public bool IsWritable => _writer is not null;

    /// <summary>True once there is an index to search (always, for a writable index).</summary>
    public bool IsOpen => _searchers is not null;

    /// <summary>
    /// Opens (creating if needed) the index for writing. Fails with <see cref="IndexLockedException"/> when another
    /// process already writes it.
    /// </summary>
    public static ArchiveIndex OpenForWriting(string path, ArchiveAnalyzers analyzers, ILogger logger)
    {
        System.IO.Directory.CreateDirectory(path);
        var processLock = AcquireProcessLock(path);
        var directory = FSDirectory.Open(path);
        var config = new IndexWriterConfig(ArchiveAnalyzers.Version, CreateIndexAnalyzer(analyzers))
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            // Ingestion commits every couple of thousand pages, which flushes the buffer anyway; the buffer only has
            // to hold that much (two indexing threads' worth) without flushing early into small segments that the
            // merges, competing with analysis for two cores, would then have to rewrite.
            RAMBufferSizeMB = RamBufferMegabytes,
            // Flushed segments are merged soon; packing each into a compound file first would copy it once more.
            UseCompoundFile = false,
        };
        try
        {
            return new ArchiveIndex(path, directory, new IndexWriter(directory, config), processLock, logger);
        }
        catch (LockObtainFailedException ex)
        {
            directory.Dispose();
            processLock.Dispose();
            throw new IndexLockedException(path, ex);
        }
    }

    // Lucene's write.lock keeps two writers of one process apart, but on Linux it does not stop a second process
    // (no OS lock is taken on it). An exclusive FileStream is an flock() that the OS releases even on SIGKILL.
    private static FileStream AcquireProcessLock(string path)
    {
        try
        {
            return new FileStream(System.IO.Path.Combine(path, "archive-writer.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new IndexLockedException(path, ex);
        }
    }

    /// <summary>Opens the index for searching only; the index (even its folder) may not exist yet.</summary>
    public static ArchiveIndex OpenReadOnly(string path, ILogger logger) =>
        new(path, FSDirectory.Open(path), writer: null, processLock: null, logger);

    /// <summary>
    /// Replaces every document of the page (its articles and its state) with the given ones, atomically for
    /// searchers. Not durable until <see cref="Commit"/>.
    /// </summary>
    public void ReplacePage(PageState state, IReadOnlyList<Article> articles)
    {
        var writer = RequireWriter();
        var docs = articles.Select(ArticleDocument.From).Append(ArticleDocument.From(state));
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
        RequireWriter().Commit();
        _searchers!.MaybeRefresh();
    }

    /// <summary>Picks up new commits (read-only) and opens the index once it exists. Returns true when anything changed.</summary>
    public bool Refresh()
    {
        if (_searchers is null) return TryOpenReader();
        return _searchers.MaybeRefresh();
    }

    /// <summary>Runs <paramref name="work"/> on the current searcher, released afterwards.</summary>
    public T Search<T>(Func<IndexSearcher, T> work)
    {
        var searchers = _searchers;
        if (searchers is null) return work(EmptySearcher);
        var searcher = searchers.Acquire();
        try
        {
            return work(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Acquires the current searcher for work that spans awaits (a streamed export); call <paramref name="release"/>
    /// exactly once when done.
    /// </summary>
    public IndexSearcher AcquireSearcher(out Action release)
    {
        var searchers = _searchers;
        if (searchers is null)
        {
            release = () => { };
            return EmptySearcher;
        }
        var searcher = searchers.Acquire();
        release = () => searchers.Release(searcher);
        return searcher;
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

    /// <summary>Files and bytes of the index folder (what the index costs on disk).</summary>
    public long SizeOnDisk() =>
        new DirectoryInfo(Path).EnumerateFiles().Where(f => f.Name != "archive-writer.lock").Sum(f => f.Length);

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

    private bool TryOpenReader()
    {
        lock (_openLock)
        {
            if (_searchers is not null) return false;
            if (!System.IO.Directory.Exists(Path) || !DirectoryReader.IndexExists(_directory)) return false;
            try
            {
                _searchers = new SearcherManager(_directory, searcherFactory: null);
                _logger.LogInformation("Opened the index at {IndexPath} read-only", Path);
                return true;
            }
            catch (IOException ex)
            {
                _logger.LogWarning(ex, "The index at {IndexPath} exists but could not be opened yet", Path);
                return false;
            }
        }
    }

    private IndexWriter RequireWriter() =>
        _writer ?? throw new InvalidOperationException("This process opened the index read-only; ingestion runs elsewhere.");

    // Word fields use the segmenter, bigram fields the bigram analyzer with unigrams; keyword fields are not analyzed.
    private static Analyzer CreateIndexAnalyzer(ArchiveAnalyzers analyzers) =>
        new PerFieldAnalyzerWrapper(analyzers.Word, new Dictionary<string, Analyzer>
        {
            [ArticleFields.HeadlineBigrams] = analyzers.BigramIndex,
            [ArticleFields.BodyBigrams] = analyzers.BigramIndex,
        });

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _searchers?.Dispose();
        if (_writer is not null)
        {
            // Commit what was indexed but not yet committed: a clean shutdown loses nothing.
            _writer.Commit();
            _writer.Dispose();
        }
        _directory.Dispose();
        _processLock?.Dispose();
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
