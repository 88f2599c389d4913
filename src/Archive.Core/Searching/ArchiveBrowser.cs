using Archive.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Archive.Core.Searching;

/// <summary>
/// Overviews of the whole archive for browsing: the issues by date, articles per county, and the county × month
/// coverage matrix. Each is one pass over the articles' DocValues, no stored fields read.
/// </summary>
public sealed class ArchiveBrowser(ArchiveIndex index)
{
    /// <summary>Every issue date in the archive with its page and article counts, oldest first.</summary>
    public IReadOnlyList<IssueDay> Issues() => index.Search(searcher =>
    {
        var days = new Dictionary<int, (int Articles, HashSet<string> Pages)>();
        Visit(searcher, (reader, doc, key) =>
        {
            if (key == 0) return;
            if (!days.TryGetValue(key, out var day)) days[key] = day = (0, []);
            days[key] = (day.Articles + 1, day.Pages);
            day.Pages.Add(reader.File(doc));
        });
        return days.OrderBy(d => d.Key)
            .Select(d => new IssueDay(ToDate(d.Key), d.Value.Pages.Count, d.Value.Articles))
            .ToList();
    });

    /// <summary>Article counts per county and month (<c>yyyyMM</c>), and the months that have any articles.</summary>
    public CoverageMatrix Coverage() => index.Search(searcher =>
    {
        var cells = new Dictionary<(string County, int Month), int>();
        Visit(searcher, (reader, doc, key) =>
        {
            if (key == 0) return;
            var county = reader.County(doc) ?? "";
            var cell = (county, key / 100);
            cells[cell] = cells.GetValueOrDefault(cell) + 1;
        });
        var months = cells.Keys.Select(c => c.Month).Distinct().Order().ToList();
        return new CoverageMatrix(months, cells);
    });

    /// <summary>The page files of one issue, in file order (the order the search lists them in).</summary>
    public IReadOnlyList<string> PagesOn(DateOnly date) => index.Search(searcher =>
    {
        var key = ArticleDocument.DateKey(date);
        var day = new BooleanQuery
        {
            { new TermQuery(new Term(ArticleFields.Type, ArticleFields.ArticleType)), Occur.MUST },
            { NumericRangeQuery.NewInt32Range(ArticleFields.DateSort, key, key, true, true), Occur.MUST },
        };
        var files = new SortedSet<string>(StringComparer.Ordinal);
        Visit(searcher, day, (reader, doc, _) => files.Add(reader.File(doc)));
        return (IReadOnlyList<string>)files.ToList();
    });

    /// <summary>
    /// How many articles credit a name in each byline role (<see cref="ArticleFields.Reporter"/>,
    /// <see cref="ArticleFields.Correspondent"/>, <see cref="ArticleFields.Photographer"/>, <see cref="ArticleFields.Author"/>);
    /// roles the name never had are left out.
    /// </summary>
    public IReadOnlyDictionary<string, int> PersonRoles(string name) => index.Search(searcher =>
    {
        var roles = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in (string[])[ArticleFields.Reporter, ArticleFields.Correspondent, ArticleFields.Photographer, ArticleFields.Author])
        {
            var counter = new TotalHitCountCollector();
            searcher.Search(new TermQuery(new Term(field, name)), counter);
            if (counter.TotalHits > 0) roles[field] = counter.TotalHits;
        }
        return (IReadOnlyDictionary<string, int>)roles;
    });

    private static DateOnly ToDate(int key) => new(key / 10000, key / 100 % 100, key % 100);

    // Calls back for every article with its date key; the reader gives its file and county from DocValues.
    private static void Visit(IndexSearcher searcher, Action<SegmentValues, int, int> visit) =>
        Visit(searcher, new TermQuery(new Term(ArticleFields.Type, ArticleFields.ArticleType)), visit);

    // The same for the articles a query matches.
    private static void Visit(IndexSearcher searcher, Query articles, Action<SegmentValues, int, int> visit)
    {
        var weight = searcher.CreateNormalizedWeight(articles);
        foreach (var context in searcher.IndexReader.Leaves)
        {
            var scorer = weight.GetScorer(context, context.AtomicReader.LiveDocs);
            if (scorer is null) continue;
            var values = new SegmentValues(context.AtomicReader);
            int doc;
            while ((doc = scorer.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                visit(values, doc, (int)(values.Dates?.Get(doc) ?? 0));
        }
    }

    /// <summary>The DocValues of one segment.</summary>
    private sealed class SegmentValues(AtomicReader reader)
    {
        private readonly SortedDocValues? _files = reader.GetSortedDocValues(ArticleFields.File);
        private readonly SortedSetDocValues? _counties = reader.GetSortedSetDocValues(ArticleFields.County);
        private readonly BytesRef _scratch = new();

        public NumericDocValues? Dates { get; } = reader.GetNumericDocValues(ArticleFields.DateSort);

        public string File(int doc)
        {
            if (_files is null) return "";
            _files.Get(doc, _scratch);
            return _scratch.Utf8ToString();
        }

        public string? County(int doc)
        {
            if (_counties is null) return null;
            _counties.SetDocument(doc);
            var ord = _counties.NextOrd();
            if (ord == SortedSetDocValues.NO_MORE_ORDS) return null;
            _counties.LookupOrd(ord, _scratch);
            return _scratch.Utf8ToString();
        }
    }
}

/// <summary>One issue of the paper: its date, how many pages and articles the archive holds of it.</summary>
public sealed record IssueDay(DateOnly Date, int Pages, int Articles);

/// <summary>Article counts per county (empty string: unknown) and month (<c>yyyyMM</c>).</summary>
public sealed record CoverageMatrix(IReadOnlyList<int> Months, IReadOnlyDictionary<(string County, int Month), int> Cells)
{
    public int Count(string county, int month) => Cells.GetValueOrDefault((county, month));

    public int Total(string county) => Cells.Where(c => c.Key.County == county).Sum(c => c.Value);
}
