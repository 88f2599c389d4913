namespace Archive.Core.Articles;

/// <summary>
/// One article of a newspaper page, as the splitter found it and the index stores it.
/// Serialised with camelCase names (see <see cref="ArticleJson"/>); those names are the contract of
/// <c>archive split</c> and of the JSON API.
/// </summary>
public sealed record Article
{
    /// <summary>Stable id: the page's key and the article's position on the page, e.g. <c>000_d24397091c98040d-03</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The page file, relative to the pages folder.</summary>
    public required string File { get; init; }

    public ArticleKind Kind { get; init; } = ArticleKind.News;

    public required string Headline { get; init; }

    public IReadOnlyList<string> Subheadlines { get; init; } = [];

    /// <summary>Staff reporters (记者).</summary>
    public IReadOnlyList<string> Reporters { get; init; } = [];

    /// <summary>Correspondents (通讯员).</summary>
    public IReadOnlyList<string> Correspondents { get; init; } = [];

    /// <summary>Photographers (photo credits such as <c>■ 田柏林</c>).</summary>
    public IReadOnlyList<string> Photographers { get; init; } = [];

    /// <summary>Names credited without a role (commentary bylines such as <c>□ 胡磊 薛良诚</c>).</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The dateline as printed, e.g. <c>本报高唐讯</c>.</summary>
    public string? Dateline { get; init; }

    /// <summary>The one county-level unit the article is about, e.g. <c>高唐县</c>, <c>聊城市</c> or <c>外地</c>.</summary>
    public string? County { get; init; }

    /// <summary>Every county-level unit the article mentions.</summary>
    public IReadOnlyList<string> Counties { get; init; } = [];

    /// <summary>The issue date of the page.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>True when <see cref="Date"/> was read from the page text rather than from a manifest or the file name.</summary>
    public bool DateInferred { get; init; }

    /// <summary>Dates of events the article reports.</summary>
    public IReadOnlyList<DateOnly> EventDates { get; init; } = [];

    /// <summary>Clean body text: paragraphs joined by <c>\n</c>.</summary>
    public required string Body { get; init; }
}
