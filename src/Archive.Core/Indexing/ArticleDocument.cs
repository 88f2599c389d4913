using System.Globalization;
using Archive.Core.Articles;
using Lucene.Net.Documents;

namespace Archive.Core.Indexing;

/// <summary>
/// Maps stored documents back to articles, and page states to documents and back. Articles go into the index through
/// <see cref="ReusableArticleDocument"/>.
/// </summary>
public static class ArticleDocument
{
    internal const string DateFormat = "yyyy-MM-dd";

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
    internal static int PositionOf(string id)
    {
        var dash = id.LastIndexOf('-');
        return dash >= 0 && int.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }
}
