using Archive.Core.Articles;

namespace Archive.Core.Splitting;

/// <summary>What a piece of a page is, before it is given to an article.</summary>
internal enum UnitKind
{
    /// <summary>A paragraph of running text.</summary>
    Text,
    /// <summary>A short line set apart, without a sentence end: a headline, kicker, sub-headline or section head.</summary>
    Title,
    /// <summary>A line of names: <c>□ 本报记者 胡磊 薛良诚</c>.</summary>
    Byline,
    /// <summary>A column logo such as <c>┌₩ 聊快评</c>: dropped, but it tells the article's kind.</summary>
    Logo,
}

/// <summary>One paragraph, title block, byline or logo of a page, in reading order.</summary>
internal sealed class PageUnit
{
    public required UnitKind Kind { get; set; }

    /// <summary>The printed lines, trimmed (titles need them to tell kickers from sub-headlines).</summary>
    public List<string> Lines { get; } = [];

    /// <summary>The normalised text (lines joined, layout spaces removed).</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>The lines joined without normalisation, for byline parsing (normalising glues names together).</summary>
    public string Raw { get; set; } = string.Empty;

    /// <summary>Names credited by this unit: a byline line, a byline in brackets, a photo credit.</summary>
    public Byline Credits { get; set; } = Byline.Empty;

    public Dateline? Dateline { get; set; }

    /// <summary>True when the paragraph opens with a byline in brackets (<c>（记者 赵宏磊）</c>).</summary>
    public bool HasInlineByline { get; set; }

    /// <summary>True when a photo credit closed this paragraph: it is the end of a caption.</summary>
    public bool HasPhotoCredit { get; set; }

    /// <summary>True for a headline part the layout printed inside the body (it interrupted a sentence).</summary>
    public bool Displaced { get; set; }

    /// <summary>The kind a logo announces (commentary for <c>聊快评</c>).</summary>
    public ArticleKind? KindHint { get; set; }

    /// <summary>Longest printed line in half-widths (see <see cref="TitleRules.VisualWidth"/>), to tell a column's wrapped line from a headline.</summary>
    public int Width => Lines.Count == 0 ? 0 : Lines.Max(TitleRules.VisualWidth);

    /// <summary>True when the first line was indented: on pages that indent paragraphs, that marks running text.</summary>
    public bool Indented { get; set; }

    /// <summary>True for a unit that opens an article: a byline line, or a paragraph with a dateline or bracketed byline.</summary>
    public bool OpensArticle => Kind == UnitKind.Byline || Kind == UnitKind.Text && (Dateline is not null || HasInlineByline);

    public bool IsTitle => Kind == UnitKind.Title && !Displaced;

    public override string ToString() => $"{Kind}{(Displaced ? "*" : "")}: {(Text.Length > 30 ? Text[..30] : Text)}";
}
