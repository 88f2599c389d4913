using Archive.Core.Articles;
using Archive.Core.Pages;

namespace Archive.Core.Splitting;

/// <summary>
/// Splits the text of a printed page into its articles. Reads the page into paragraphs, titles and bylines
/// (<see cref="PageReader"/>), decides whether the page prints headlines before or after their stories, cuts it into
/// articles at bylines, datelines and photo credits, and assembles each article's record. Knowledge of places and of
/// press conventions comes from the embedded data files, not from code.
/// </summary>
public sealed class PageSplitter : IPageSplitter
{
    private readonly PageReader _reader;
    private readonly ArticleAssembler _assembler;

    /// <summary>A splitter with the embedded lexicon and gazetteer.</summary>
    public PageSplitter() : this(SplitterLexicon.Default, Gazetteer.Default)
    {
    }

    /// <summary>A splitter with the given press conventions and place names.</summary>
    public PageSplitter(SplitterLexicon lexicon, Gazetteer gazetteer)
    {
        _reader = new PageReader(lexicon, new BylineParser(lexicon));
        _assembler = new ArticleAssembler(new CountyResolver(gazetteer), lexicon.Continuations);
    }

    /// <inheritdoc />
    public IReadOnlyList<Article> Split(PageText page)
    {
        if (page is null || string.IsNullOrWhiteSpace(page.Text)) return [];
        try
        {
            var articles = SplitStructured(page);
            return articles.Count > 0 || !HasContent(page.Text) ? articles : [Unstructured(page)];
        }
        catch (Exception)
        {
            // The contract is to never throw: a page the rules trip over still reaches the archive, whole, as one article.
            return HasContent(page.Text) ? [Unstructured(page)] : [];
        }
    }

    private List<Article> SplitStructured(PageText page)
    {
        var units = _reader.Read(page.Text);
        if (units.Count == 0) return [];

        var (issueDate, inferred) = IssueDate(page, units);
        var placement = HeadlinePlacementDetector.Detect(units);
        var articles = new List<Article>();
        foreach (var segment in PageSegmenter.Segment(units, placement))
        {
            var article = _assembler.Assemble(segment, placement, page, articles.Count + 1, issueDate, inferred);
            if (article is not null) articles.Add(article);
        }
        return articles;
    }

    private static (DateOnly? Date, bool Inferred) IssueDate(PageText page, IEnumerable<PageUnit> units)
    {
        if (page.IssueDate is { } known) return (known, false);
        var inferred = IssueDateInference.Infer(string.Join("\n", units.Select(u => u.Text)));
        return (inferred, inferred is not null);
    }

    private static bool HasContent(string text)
    {
        foreach (var c in text)
            if (char.IsLetterOrDigit(c)) return true;
        return false;
    }

    // The last resort: the whole page as one article, normalised if the normaliser can, as found otherwise.
    private static Article Unstructured(PageText page)
    {
        string body;
        try
        {
            body = TextNormalizer.Normalize(page.Text);
        }
        catch (Exception)
        {
            body = page.Text;
        }
        var file = page.File ?? string.Empty;
        return new Article
        {
            Id = PageKey.ArticleId(file, 1),
            File = file,
            Headline = string.Empty,
            Body = body,
            Date = page.IssueDate,
        };
    }
}
