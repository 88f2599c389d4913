using System.Globalization;
using Archive.Core.Articles;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Archive.Core.Indexing;

/// <summary>Maps articles and page states to Lucene documents and back.</summary>
public static class ArticleDocument
{
    private const string DateFormat = "yyyy-MM-dd";

    public static Document From(Article article)
    {
        var doc = new Document
        {
            new StringField(ArticleFields.Type, ArticleFields.ArticleType, Field.Store.NO),
            new StringField(ArticleFields.Id, article.Id, Field.Store.YES),
            new StringField(ArticleFields.File, article.File, Field.Store.YES),
            // Sorting by page (browse order) reads DocValues instead of un-inverting the field into memory.
            new SortedDocValuesField(ArticleFields.File, new BytesRef(article.File)),
            new StoredField(ArticleFields.Headline, article.Headline),
            new TextField(ArticleFields.HeadlineWords, article.Headline, Field.Store.NO),
            new TextField(ArticleFields.HeadlineBigrams, article.Headline, Field.Store.NO),
            new StoredField(ArticleFields.Body, article.Body),
            new TextField(ArticleFields.BodyWords, article.Body, Field.Store.NO),
            new TextField(ArticleFields.BodyBigrams, article.Body, Field.Store.NO),
        };

        AddKeyword(doc, ArticleFields.Kind, KindName(article.Kind));
        foreach (var sub in article.Subheadlines)
        {
            // Sub-headlines are searched with the headline and weigh as much.
            doc.Add(new StoredField(ArticleFields.Subheadline, sub));
            doc.Add(new TextField(ArticleFields.HeadlineWords, sub, Field.Store.NO));
            doc.Add(new TextField(ArticleFields.HeadlineBigrams, sub, Field.Store.NO));
        }
        foreach (var name in article.Reporters) AddKeyword(doc, ArticleFields.Reporter, name);
        foreach (var name in article.Correspondents) AddKeyword(doc, ArticleFields.Correspondent, name);
        foreach (var name in article.Photographers) AddKeyword(doc, ArticleFields.Photographer, name);
        foreach (var name in article.Authors) AddKeyword(doc, ArticleFields.Author, name);
        if (article.County is { Length: > 0 } county) AddKeyword(doc, ArticleFields.County, county);
        foreach (var mentioned in article.Counties) doc.Add(new StringField(ArticleFields.CountyMentioned, mentioned, Field.Store.YES));
        if (article.Dateline is { Length: > 0 } dateline) doc.Add(new StoredField(ArticleFields.Dateline, dateline));

        var dateKey = article.Date is { } date ? DateKey(date) : 0;
        doc.Add(new NumericDocValuesField(ArticleFields.DateSort, dateKey));
        doc.Add(new Int32Field(ArticleFields.DateSort, dateKey, Field.Store.NO));
        if (article.Date is { } d) doc.Add(new StoredField(ArticleFields.Date, d.ToString(DateFormat, CultureInfo.InvariantCulture)));
        doc.Add(new StoredField(ArticleFields.DateInferred, article.DateInferred ? 1 : 0));
        foreach (var eventDate in article.EventDates)
            doc.Add(new StoredField(ArticleFields.EventDate, eventDate.ToString(DateFormat, CultureInfo.InvariantCulture)));

        var position = PositionOf(article.Id);
        doc.Add(new NumericDocValuesField(ArticleFields.Position, position));
        doc.Add(new StoredField(ArticleFields.Position, position));
        return doc;
    }

    public static Article ToArticle(Document doc) => new()
    {
        Id = doc.Get(ArticleFields.Id),
        File = doc.Get(ArticleFields.File),
        Kind = ParseKind(doc.Get(ArticleFields.Kind)),
        Headline = doc.Get(ArticleFields.Headline) ?? "",
        Subheadlines = doc.GetValues(ArticleFields.Subheadline),
        Reporters = doc.GetValues(ArticleFields.Reporter),
        Correspondents = doc.GetValues(ArticleFields.Correspondent),
        Photographers = doc.GetValues(ArticleFields.Photographer),
        Authors = doc.GetValues(ArticleFields.Author),
        Dateline = doc.Get(ArticleFields.Dateline),
        County = doc.Get(ArticleFields.County),
        Counties = doc.GetValues(ArticleFields.CountyMentioned),
        Date = ParseDate(doc.Get(ArticleFields.Date)),
        DateInferred = doc.GetField(ArticleFields.DateInferred)?.GetInt32Value() == 1,
        EventDates = doc.GetValues(ArticleFields.EventDate).Select(ParseDate).OfType<DateOnly>().ToList(),
        Body = doc.Get(ArticleFields.Body) ?? "",
    };

    public static Document From(PageState page)
    {
        var doc = new Document
        {
            new StringField(ArticleFields.Type, ArticleFields.PageType, Field.Store.NO),
            new StringField(ArticleFields.File, page.File, Field.Store.YES),
            new StringField(ArticleFields.PageFile, page.File, Field.Store.NO),
            new StoredField(ArticleFields.PageHash, page.Hash),
            new StoredField(ArticleFields.PageLength, page.Length),
            new StoredField(ArticleFields.PageModified, page.ModifiedUtc.Ticks),
            new StoredField(ArticleFields.PageArticles, page.Articles),
            new StoredField(ArticleFields.PageIngested, page.IngestedAt.UtcTicks),
        };
        if (page.IssueDate is { } date) doc.Add(new StoredField(ArticleFields.PageIssueDate, date.ToString(DateFormat, CultureInfo.InvariantCulture)));
        return doc;
    }

    public static PageState ToPageState(Document doc) => new(
        doc.Get(ArticleFields.File),
        doc.Get(ArticleFields.PageHash),
        doc.GetField(ArticleFields.PageLength)?.GetInt64Value() ?? -1,
        new DateTime(doc.GetField(ArticleFields.PageModified)?.GetInt64Value() ?? 0, DateTimeKind.Utc),
        ParseDate(doc.Get(ArticleFields.PageIssueDate)),
        doc.GetField(ArticleFields.PageArticles)?.GetInt32Value() ?? 0,
        new DateTimeOffset(doc.GetField(ArticleFields.PageIngested)?.GetInt64Value() ?? 0, TimeSpan.Zero));

    /// <summary>The date as the integer yyyyMMdd used for sorting and range filters.</summary>
    public static int DateKey(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    public static string KindName(ArticleKind kind) => kind.ToString().ToLowerInvariant();

    private static ArticleKind ParseKind(string? value) =>
        Enum.TryParse<ArticleKind>(value, ignoreCase: true, out var kind) ? kind : ArticleKind.News;

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    // Ids end in the 1-based position on the page ("...-03"); the page's other articles are listed in this order.
    private static int PositionOf(string id)
    {
        var dash = id.LastIndexOf('-');
        return dash >= 0 && int.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    // Filterable, stored and counted: an indexed keyword, its stored value and a DocValues entry for facets.
    private static void AddKeyword(Document doc, string field, string value)
    {
        doc.Add(new StringField(field, value, Field.Store.YES));
        doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }
}
