namespace Archive.Core.Searching;

/// <summary>Where a query term is looked for.</summary>
public enum QueryField
{
    /// <summary>Headline, sub-headlines, body and bylines.</summary>
    Any,
    /// <summary><c>标题:</c> / <c>headline:</c>: headline and sub-headlines only.</summary>
    Headline,
    /// <summary><c>正文:</c> / <c>body:</c>: the body only.</summary>
    Body,
    /// <summary><c>记者:</c> / <c>reporter:</c>: a name credited in the byline (any role).</summary>
    Person,
    /// <summary><c>县:</c> / <c>county:</c>: the county-level unit the article is about.</summary>
    County,
    /// <summary><c>日期:</c> / <c>date:</c>: the issue date, a day, month, year or range.</summary>
    Date,
}

/// <summary>One term of a query: text to find in a field, or a date range.</summary>
/// <param name="Text">The text as typed (after the field prefix), normalised like indexed text.</param>
/// <param name="FromKey">For <see cref="QueryField.Date"/>: the first day as yyyyMMdd, inclusive.</param>
/// <param name="ToKey">For <see cref="QueryField.Date"/>: the last day as yyyyMMdd, inclusive.</param>
public sealed record QueryTerm(QueryField Field, string Text, int FromKey = 0, int ToKey = 0)
{
    /// <summary>True for terms that select articles without saying what text to find (county, date).</summary>
    public bool IsFilter => Field is QueryField.County or QueryField.Date;
}

/// <summary>A query split into its parts: required terms (with alternatives) and excluded terms.</summary>
/// <param name="Required">Each inner list is one clause: any of its terms may match (one term unless joined by OR).</param>
/// <param name="Excluded">Terms that must not match.</param>
/// <param name="Notes">Parts of the query that were ignored or read in a particular way, explained for the user.</param>
public sealed record ParsedQuery(
    IReadOnlyList<IReadOnlyList<QueryTerm>> Required,
    IReadOnlyList<QueryTerm> Excluded,
    IReadOnlyList<string> Notes)
{
    public bool IsEmpty => Required.Count == 0 && Excluded.Count == 0;

    /// <summary>True when some required term asks for text (so results are ranked by relevance, not date).</summary>
    public bool HasTextTerms => Required.Any(clause => clause.Any(term => !term.IsFilter));

    /// <summary>Every positive text, for highlighting.</summary>
    public IEnumerable<string> HighlightTerms =>
        Required.SelectMany(clause => clause).Where(term => !term.IsFilter).Select(term => term.Text);
}
