using Lucene.Net.Index;

namespace Archive.Core.Searching;

/// <summary>
/// The most recently used result pages, per index reader, in the manner of Solr's query result cache: a search
/// people repeat (the front page, a popular word, the next page of a result list they are reading) is answered
/// without scoring and counting every match again. Entries hold a finished <see cref="SearchResult"/> of one
/// request on one reader; when the searcher moves to a new reader (a commit, a rebuilt index) the cache empties,
/// so a result is never served from an index state other than the one it was computed on. Thread-safe.
/// </summary>
public sealed class SearchResultCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, SearchResult Result)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, SearchResult Result)> _recency = new();
    private object? _reader;
    private long _hits;
    private long _misses;

    /// <param name="capacity">Result pages kept; 0 turns the cache off.</param>
    public SearchResultCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
    }

    /// <summary>A cache that keeps nothing: every search does the whole work.</summary>
    public static SearchResultCache Disabled { get; } = new(0);

    public int Capacity { get; }

    /// <summary>Results served from the cache, and searches that had to run, since start.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>The result of <paramref name="request"/> on <paramref name="reader"/>, computed by <paramref name="search"/> unless cached.</summary>
    public SearchResult GetOrAdd(IndexReader reader, SearchRequest request, Func<SearchResult> search)
    {
        if (Capacity == 0) return search();
        var key = KeyOf(request);
        lock (_lock)
        {
            if (ReferenceEquals(_reader, reader) && _entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                Interlocked.Increment(ref _hits);
                return node.Value.Result;
            }
        }

        // Computed outside the lock: two identical requests at once may both search, which is cheaper than
        // making every search wait for the slowest.
        Interlocked.Increment(ref _misses);
        var result = search();
        lock (_lock)
        {
            if (!ReferenceEquals(_reader, reader))
            {
                _entries.Clear();
                _recency.Clear();
                _reader = reader;
            }
            if (_entries.TryGetValue(key, out var existing)) _recency.Remove(existing);
            _entries[key] = _recency.AddFirst((key, result));
            while (_entries.Count > Capacity)
            {
                _entries.Remove(_recency.Last!.Value.Key);
                _recency.RemoveLast();
            }
        }
        return result;
    }

    /// <summary>Everything that makes one request's result differ from another's, as one string; filter order does not matter.</summary>
    internal static string KeyOf(SearchRequest request)
    {
        static string List<T>(IEnumerable<T> values) => string.Join('\u001F', values.Select(v => v!.ToString()).Order(StringComparer.Ordinal));
        return string.Join('\u001E',
            request.Query?.Trim() ?? "",
            request.Page, request.Size, request.Sort,
            List(request.Counties), List(request.Reporters), List(request.Correspondents), List(request.Kinds),
            List(request.Years), List(request.Months),
            request.From?.ToString("yyyy-MM-dd") ?? "", request.To?.ToString("yyyy-MM-dd") ?? "");
    }
}
