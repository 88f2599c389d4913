namespace Archive.Core.Indexing;

/// <summary>
/// The index schema. Each searchable text has two indexed views, a word field (<c>_w</c>) for precision and
/// ranking and a bigram field (<c>_b</c>) for recall; the original is stored once for display.
/// </summary>
public static class ArticleFields
{
    /// <summary>Distinguishes article documents from the page-state documents that record what has been ingested.</summary>
    public const string Type = "type";
    public const string ArticleType = "article";
    public const string PageType = "page";

    // Identity
    public const string Id = "id";
    public const string File = "file";
    public const string Position = "position";

    // Stored for display (JSON-free: multi-valued fields are stored once per value).
    public const string Kind = "kind";
    public const string Headline = "headline";
    public const string Subheadline = "subheadline";
    public const string Reporter = "reporter";
    public const string Correspondent = "correspondent";
    public const string Photographer = "photographer";
    public const string Author = "author";
    public const string Dateline = "dateline";
    public const string County = "county";
    public const string CountyMentioned = "counties";
    public const string Date = "date";
    public const string DateInferred = "date_inferred";
    public const string EventDate = "event_date";
    public const string Body = "body";

    // Searched views
    public const string HeadlineWords = "headline_w";
    public const string HeadlineBigrams = "headline_b";
    public const string BodyWords = "body_w";
    public const string BodyBigrams = "body_b";

    // Sort key: the date as yyyyMMdd (0 when unknown), in DocValues.
    public const string DateSort = "date_sort";

    // Page state
    public const string PageFile = "page_file";
    public const string PageHash = "page_hash";
    public const string PageIssueDate = "page_issue_date";
    public const string PageLength = "page_length";
    public const string PageModified = "page_modified";
    public const string PageArticles = "page_articles";
    public const string PageIngested = "page_ingested";
}
