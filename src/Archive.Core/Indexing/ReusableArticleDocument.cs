using System.Globalization;
using Archive.Core.Articles;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Archive.Core.Indexing;

/// <summary>
/// One indexing thread's article document: the same <see cref="Document"/> and <see cref="Field"/> instances,
/// refilled for every article (Lucene analyzes a document completely before it takes the next from a sequence).
/// A new <see cref="StringField"/> builds a token stream and its attributes for its one value; a reused one keeps
/// its stream, and the dozen keyword fields of every article no longer allocate one each.
/// Not thread-safe: <see cref="ArchiveIndex.ReplacePage"/> keeps one per thread.
/// </summary>
internal sealed class ReusableArticleDocument
{
    private readonly Document _document = [];

    private readonly StringField _type = new(ArticleFields.Type, ArticleFields.ArticleType, Field.Store.NO);
    private readonly StringField _id = new(ArticleFields.Id, "", Field.Store.YES);
    private readonly StringField _file = new(ArticleFields.File, "", Field.Store.YES);
    // Sorting by page (browse order) reads DocValues instead of un-inverting the field into memory.
    private readonly SortedDocValuesField _fileOrder = new(ArticleFields.File, new BytesRef());
    private readonly StoredField _headline = new(ArticleFields.Headline, "");
    private readonly TextField _headlineWords = new(ArticleFields.HeadlineWords, "", Field.Store.NO);
    private readonly TextField _headlineBigrams = new(ArticleFields.HeadlineBigrams, "", Field.Store.NO);
    private readonly StoredField _body = new(ArticleFields.Body, "");
    private readonly TextField _bodyWords = new(ArticleFields.BodyWords, "", Field.Store.NO);
    private readonly TextField _bodyBigrams = new(ArticleFields.BodyBigrams, "", Field.Store.NO);
    private readonly StoredField _dateline = new(ArticleFields.Dateline, "");
    private readonly NumericDocValuesField _dateOrder = new(ArticleFields.DateSort, 0L);
    private readonly Int32Field _dateRange = new(ArticleFields.DateSort, 0, Field.Store.NO);
    private readonly StoredField _date = new(ArticleFields.Date, "");
    private readonly StoredField _dateInferred = new(ArticleFields.DateInferred, 0);
    private readonly NumericDocValuesField _positionOrder = new(ArticleFields.Position, 0L);
    private readonly StoredField _position = new(ArticleFields.Position, 0);

    // Fields an article has any number of: a pool per field, of which each article takes what it needs.
    private readonly FieldPool _subheadlines = new(() => new StoredField(ArticleFields.Subheadline, ""));
    private readonly FieldPool _subheadlineWords = new(() => new TextField(ArticleFields.HeadlineWords, "", Field.Store.NO));
    private readonly FieldPool _subheadlineBigrams = new(() => new TextField(ArticleFields.HeadlineBigrams, "", Field.Store.NO));
    private readonly FieldPool _countiesMentioned = new(() => new StringField(ArticleFields.CountyMentioned, "", Field.Store.YES));
    private readonly FieldPool _eventDates = new(() => new StoredField(ArticleFields.EventDate, ""));
    private readonly KeywordPool _kind = new(ArticleFields.Kind);
    private readonly KeywordPool _reporters = new(ArticleFields.Reporter);
    private readonly KeywordPool _correspondents = new(ArticleFields.Correspondent);
    private readonly KeywordPool _photographers = new(ArticleFields.Photographer);
    private readonly KeywordPool _authors = new(ArticleFields.Author);
    private readonly KeywordPool _county = new(ArticleFields.County);

    /// <summary>The article's document; valid until the next call.</summary>
    public Document Fill(Article article)
    {
        _document.Fields.Clear();
        foreach (var pool in (ReadOnlySpan<FieldPool>)[_subheadlines, _subheadlineWords, _subheadlineBigrams, _countiesMentioned, _eventDates])
            pool.Reset();
        foreach (var pool in (ReadOnlySpan<KeywordPool>)[_kind, _reporters, _correspondents, _photographers, _authors, _county])
            pool.Reset();

        Add(_type);
        Add(_id, article.Id);
        Add(_file, article.File);
        _fileOrder.SetBytesValue(new BytesRef(article.File));
        Add(_fileOrder);
        Add(_headline, article.Headline);
        Add(_headlineWords, article.Headline);
        Add(_headlineBigrams, article.Headline);
        Add(_body, article.Body);
        Add(_bodyWords, article.Body);
        Add(_bodyBigrams, article.Body);

        _kind.Add(_document, ArticleDocument.KindName(article.Kind));
        foreach (var sub in article.Subheadlines)
        {
            // Sub-headlines are searched with the headline and weigh as much.
            Add(_subheadlines.Take(), sub);
            Add(_subheadlineWords.Take(), sub);
            Add(_subheadlineBigrams.Take(), sub);
        }
        foreach (var name in article.Reporters) _reporters.Add(_document, name);
        foreach (var name in article.Correspondents) _correspondents.Add(_document, name);
        foreach (var name in article.Photographers) _photographers.Add(_document, name);
        foreach (var name in article.Authors) _authors.Add(_document, name);
        if (article.County is { Length: > 0 } county) _county.Add(_document, county);
        foreach (var mentioned in article.Counties) Add(_countiesMentioned.Take(), mentioned);
        if (article.Dateline is { Length: > 0 } dateline) Add(_dateline, dateline);

        var dateKey = article.Date is { } date ? ArticleDocument.DateKey(date) : 0;
        _dateOrder.SetInt64Value(dateKey);
        Add(_dateOrder);
        _dateRange.SetInt32Value(dateKey);
        Add(_dateRange);
        if (article.Date is { } d) Add(_date, d.ToString(ArticleDocument.DateFormat, CultureInfo.InvariantCulture));
        _dateInferred.SetInt32Value(article.DateInferred ? 1 : 0);
        Add(_dateInferred);
        foreach (var eventDate in article.EventDates)
            Add(_eventDates.Take(), eventDate.ToString(ArticleDocument.DateFormat, CultureInfo.InvariantCulture));

        var position = ArticleDocument.PositionOf(article.Id);
        _positionOrder.SetInt64Value(position);
        Add(_positionOrder);
        _position.SetInt32Value(position);
        Add(_position);
        return _document;
    }

    private void Add(Field field) => _document.Add(field);

    private void Add(Field field, string value)
    {
        field.SetStringValue(value);
        _document.Add(field);
    }

    /// <summary>The instances of one field, grown to the most any article needed.</summary>
    private sealed class FieldPool(Func<Field> create)
    {
        private readonly List<Field> _fields = [];
        private int _taken;

        public void Reset() => _taken = 0;

        public Field Take()
        {
            if (_taken == _fields.Count) _fields.Add(create());
            return _fields[_taken++];
        }
    }

    /// <summary>A filterable, stored and counted keyword: the indexed and stored value, and its DocValues entry for facets.</summary>
    private sealed class KeywordPool(string field)
    {
        private readonly FieldPool _values = new(() => new StringField(field, "", Field.Store.YES));
        private readonly FieldPool _facets = new(() => new SortedSetDocValuesField(field, new BytesRef()));

        public void Reset()
        {
            _values.Reset();
            _facets.Reset();
        }

        public void Add(Document document, string value)
        {
            var stored = _values.Take();
            stored.SetStringValue(value);
            document.Add(stored);
            var facet = _facets.Take();
            facet.SetBytesValue(new BytesRef(value));
            document.Add(facet);
        }
    }
}
